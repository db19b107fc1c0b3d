import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import {
  Architecture,
  Function as LambdaFunction,
  ParamsAndSecretsLayerVersion,
  ParamsAndSecretsLogLevel,
  ParamsAndSecretsVersions,
} from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { BUNDLE_FILE, type FunctionFiles, functionCode, LAMBDA_RUNTIME } from './bundling';

export interface ApiFunctionProps {
  /** Entry file, relative to the repository root. */
  entry: string;
  /** Name of the function's log group (explicit, so the logs key policy can name it). */
  logGroupName: string;
  /** Encrypts the log group. */
  logsKey: kms.IKey;
  logRetention: logs.RetentionDays;
  memorySize: number;
  timeout: Duration;
  reservedConcurrency: number;
  environment: Record<string, string>;
  /** Data-access statements; each must name its resources (no `*`). */
  statements: iam.PolicyStatement[];
  /** Files shipped beside the code (the web function's assets). */
  files?: FunctionFiles;
  /** Whether it reads a secret through the Parameters and Secrets extension layer; default true. */
  secretsExtension?: boolean;
  /** What it is, for the role's and policy's descriptions; default 'MI Assessments API function'. */
  purpose?: string;
}

/** The AWS Parameters and Secrets Lambda Extension's local HTTP port (its own default). */
export const SECRETS_EXTENSION_PORT = 2773;

/**
 * The AWS Parameters and Secrets Lambda Extension, as an AWS-published layer (the arm64 build,
 * chosen by CDK from the function's architecture). The function reads its secret once per cold
 * start through it, instead of bundling the Secrets Manager SDK client. The extension calls
 * GetSecretValue with the function's role, so the role's grants are unchanged. Its own call to
 * Secrets Manager gives up after 3 s, before the function's deadline (functions/api/index.ts).
 */
export const SECRETS_EXTENSION = ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103, {
  cacheEnabled: true,
  httpPort: SECRETS_EXTENSION_PORT,
  secretsManagerTimeout: Duration.seconds(3),
  logLevel: ParamsAndSecretsLogLevel.WARN,
});

/**
 * The Lambda defaults of this project in one place: Node 22 on arm64, built by local esbuild
 * with code splitting (`functionCode`), the Parameters and Secrets extension layer, an explicit encrypted and
 * retained log group, reserved concurrency, and a role whose only policy is a customer-managed
 * one holding exactly the given statements plus writing to its own log group. The web function
 * uses it too, with `WEB_FILES`, no statements and no extension.
 * @example
 * new ApiFunction(this, 'Api', { entry: API_ENTRY, logGroupName: '/mia/dev/api', logsKey, ... });
 */
export class ApiFunction extends Construct {
  readonly function: LambdaFunction;
  readonly logGroup: logs.LogGroup;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);
    const purpose = props.purpose ?? 'MI Assessments API function';

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: props.logGroupName,
      encryptionKey: props.logsKey,
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // A customer-managed policy rather than the AWS-managed basic execution role (which may write
    // to any log group) or an inline policy (HIPAA IAMNoInlinePolicy).
    const policy = new iam.ManagedPolicy(this, 'Policy', {
      description: `Least-privilege access of the ${purpose}`,
      statements: [
        new iam.PolicyStatement({
          sid: 'WriteOwnLogs',
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [this.logGroup.logGroupArn],
        }),
        ...props.statements,
      ],
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${purpose}`,
      managedPolicies: [policy],
    });

    this.function = new LambdaFunction(this, 'Function', {
      code: functionCode(props.entry, props.files),
      handler: `${BUNDLE_FILE.replace(/\.mjs$/, '')}.handler`,
      runtime: LAMBDA_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      reservedConcurrentExecutions: props.reservedConcurrency,
      role: this.role,
      logGroup: this.logGroup,
      ...(props.secretsExtension === false ? {} : { paramsAndSecrets: SECRETS_EXTENSION }),
      environment: {
        // Stack traces point into the sources rather than the minified bundle.
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
    });
    // The role's policy must exist before the function can write its first log line.
    this.function.node.addDependency(policy);
  }
}
