import { Duration } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { ApiFunction } from './api-function';
import { WEB_ENTRY, WEB_FILES } from './bundling';
import { acknowledge } from './stack';

/** The web function serves cached files: little memory, a few concurrent executions. */
export const WEB_MEMORY_MB = 256;
export const WEB_RESERVED_CONCURRENCY = 5;

/**
 * The function of the reference, problem types and dashboard pages, as construct `Web` of `scope`.
 * @example this.web = webFunction(this, { logGroupName: '/mia/dev/web', logsKey: opsKey, logRetention });
 */
export function webFunction(
  scope: Construct,
  logging: { logGroupName: string; logsKey: kms.IKey; logRetention: logs.RetentionDays },
): ApiFunction {
  // The reference, problem types and dashboard pages: files only, so a function of its own with no
  // access to the table, the secret or the data key, and none of its files in the API's bundle.
  const web = new ApiFunction(scope, 'Web', {
    entry: WEB_ENTRY,
    files: WEB_FILES,
    secretsExtension: false,
    purpose: 'MI Assessments web pages function',
    ...logging,
    memorySize: WEB_MEMORY_MB,
    timeout: Duration.seconds(5),
    reservedConcurrency: WEB_RESERVED_CONCURRENCY,
    environment: {},
    statements: [],
  });
  acknowledge(
    web.function,
    'AwsSolutions-L1',
    'Node.js 22 is the runtime the code and its esbuild target (node22) are tested for and is supported by Lambda into 2027; moving to 24 is a deliberate upgrade with its own test run.',
  );
  acknowledge(
    web.function,
    'HIPAA.Security-LambdaDLQ',
    'Invoked only synchronously by API Gateway to answer page and file requests; there is no asynchronous event a dead-letter queue could keep.',
  );
  acknowledge(
    web.function,
    'HIPAA.Security-LambdaInsideVPC',
    'The function serves files from its own artifact and calls nothing but CloudWatch Logs; it has no VPC resource to reach.',
  );
  return web;
}
