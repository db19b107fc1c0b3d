import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SECRETS_EXTENSION_PORT } from '../../infra/api-function';
import { ESBUILD_OPTIONS, ESBUILD_TARGET, LAMBDA_RUNTIME } from '../../infra/bundling';
import { PSEUDONYM_SECRET_KEY_FIELD, PSEUDONYM_SECRET_TEMPLATE } from '../../infra/stack';
import { GSI1, GSI2, TTL_ATTRIBUTE, tableDefinition } from '../../packages/store/schema';
import { type Synthesized, synthesize } from './synth';

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };

const only = (template: Template, type: string): [string, Resource] => {
  const found = Object.entries(template.findResources(type)) as [string, Resource][];
  expect(found, type).toHaveLength(1);
  return found[0]!;
};
/** The one resource of `type` whose logical id starts with `prefix` (`Api`, `Web`: the two functions' constructs). */
const ofConstruct = (template: Template, type: string, prefix: string): [string, Resource] => {
  const found = (Object.entries(template.findResources(type)) as [string, Resource][]).filter(([logicalId]) =>
    logicalId.startsWith(prefix),
  );
  expect(found, `${type} of ${prefix}`).toHaveLength(1);
  return found[0]!;
};
const getAtt = (logicalId: string) => ({ 'Fn::GetAtt': [logicalId, 'Arn'] });
const ref = (logicalId: string) => ({ Ref: logicalId });

describe('MiAssessmentsStack with default settings', () => {
  let synth: Synthesized;
  let t: Template;
  let id: (type: string) => string;

  beforeAll(() => {
    synth = synthesize();
    t = synth.template;
    id = (type) => only(t, type)[0];
  });

  describe('table', () => {
    it('has exactly the key schema, attributes and GSIs of tableDefinition()', () => {
      const def = tableDefinition('ignored');
      const [, table] = only(t, 'AWS::DynamoDB::Table');

      expect(table.Properties.KeySchema).toEqual(def.KeySchema);
      expect(table.Properties.AttributeDefinitions).toEqual(def.AttributeDefinitions);
      expect(table.Properties.GlobalSecondaryIndexes).toEqual(def.GlobalSecondaryIndexes);
      expect(table.Properties.GlobalSecondaryIndexes.map((g: { IndexName: string }) => g.IndexName)).toEqual([GSI1, GSI2]);
      expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    });

    it('expires idempotency records on the TTL attribute the store writes', () => {
      t.hasResourceProperties('AWS::DynamoDB::Table', { TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true } });
    });

    it('is point-in-time recoverable, deletion-protected, retained and encrypted with the rotating data key', () => {
      const [, table] = only(t, 'AWS::DynamoDB::Table');
      const dataKey = t.getResourceId('AWS::KMS::Key', { Properties: { Description: Match.stringLikeRegexp('assessments table') } });

      expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(table.Properties.DeletionProtectionEnabled).toBe(true);
      expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: getAtt(dataKey) });
      expect([table.DeletionPolicy, table.UpdateReplacePolicy]).toEqual(['Retain', 'Retain']);
    });

    it('is in a daily AWS Backup plan', () => {
      t.hasResourceProperties('AWS::Backup::BackupSelection', {
        BackupSelection: { Resources: Match.arrayWith([getAtt(id('AWS::DynamoDB::Table'))]) },
      });
      t.hasResourceProperties('AWS::Backup::BackupPlan', {
        BackupPlan: { BackupPlanRule: Match.arrayWith([Match.objectLike({ RuleName: 'Daily', Lifecycle: { DeleteAfterDays: 35 } })]) },
      });
    });
  });

  it('rotates every KMS key and retains it', () => {
    const keys = Object.values(t.findResources('AWS::KMS::Key')) as Resource[];

    expect(keys).toHaveLength(2);
    for (const key of keys) {
      expect(key.Properties.EnableKeyRotation).toBe(true);
      expect(key.DeletionPolicy).toBe('Retain');
    }
  });

  describe('function', () => {
    it('builds each function from its own entry: the API and the web pages are different code assets', () => {
      const [, api] = ofConstruct(t, 'AWS::Lambda::Function', 'Api');
      const [, web] = ofConstruct(t, 'AWS::Lambda::Function', 'Web');
      const key = (fn: Resource) => (fn.Properties.Code as { S3Key?: string }).S3Key;

      expect(key(api)).toMatch(/^[0-9a-f]{64}\.zip$/);
      expect(key(web)).toMatch(/^[0-9a-f]{64}\.zip$/);
      expect(key(api)).not.toBe(key(web));
    });

    it('runs Node 22 on arm64 with explicit memory, timeout and reserved concurrency', () => {
      const [, fn] = ofConstruct(t, 'AWS::Lambda::Function', 'Api');

      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: 1024,
        Timeout: 12,
        ReservedConcurrentExecutions: 10,
      });
    });

    it("is told the table, the secret and the extension's settings, never the key itself", () => {
      const [, fn] = ofConstruct(t, 'AWS::Lambda::Function', 'Api');

      expect(fn.Properties.Environment.Variables).toEqual({
        TABLE_NAME: ref(id('AWS::DynamoDB::Table')),
        PSEUDONYM_KEY_SECRET_ARN: ref(id('AWS::SecretsManager::Secret')),
        AUTH_CACHE_SECONDS: '30',
        NODE_OPTIONS: '--enable-source-maps',
        PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED: 'true',
        PARAMETERS_SECRETS_EXTENSION_CACHE_SIZE: '1000',
        PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(SECRETS_EXTENSION_PORT),
        PARAMETERS_SECRETS_EXTENSION_LOG_LEVEL: 'warn',
        PARAMETERS_SECRETS_EXTENSION_MAX_CONNECTIONS: '3',
        SECRETS_MANAGER_TIMEOUT_MILLIS: '3000',
        SECRETS_MANAGER_TTL: '300',
        SSM_PARAMETER_STORE_TIMEOUT_MILLIS: '0',
        SSM_PARAMETER_STORE_TTL: '300',
      });
    });

    it('reads the secret through the arm64 Parameters and Secrets extension layer, looked up by region', () => {
      const [, fn] = ofConstruct(t, 'AWS::Lambda::Function', 'Api');
      const [mapping, , key] = fn.Properties.Layers?.[0]?.['Fn::FindInMap'] ?? [];
      const byRegion = t.toJSON().Mappings?.[mapping] as Record<string, Record<string, string>>;

      expect(fn.Properties.Layers).toEqual([{ 'Fn::FindInMap': [mapping, { Ref: 'AWS::Region' }, key] }]);
      expect(key).toMatch(/arm64$/);
      expect(Object.keys(byRegion)).toEqual(expect.arrayContaining(['us-east-1', 'eu-west-1', 'eu-central-1']));
      for (const [region, arns] of Object.entries(byRegion)) {
        expect(arns[key], region).toMatch(
          new RegExp(`^arn:aws:lambda:${region}:\\d{12}:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:\\d+$`),
        );
      }
    });

    it('is bundled as split ESM for node22, minified, with source maps and the AWS SDK inside', () => {
      expect(ESBUILD_OPTIONS).toMatchObject({
        bundle: true,
        format: 'esm',
        target: 'node22',
        minify: true,
        sourcemap: true,
        splitting: true,
        entryNames: '[name]',
        outExtension: { '.js': '.mjs' },
      });
      // Nothing is left to the runtime: no external, so the SDK we test is the SDK that runs.
      expect(ESBUILD_OPTIONS).not.toHaveProperty('external');
      expect(LAMBDA_RUNTIME.name).toBe(`nodejs${ESBUILD_TARGET.slice('node'.length)}.x`);
    });
  });

  describe('logs', () => {
    it('has three explicit log groups, all KMS-encrypted with the operations key and retained for a year', () => {
      const groups = Object.values(t.findResources('AWS::Logs::LogGroup')) as Resource[];
      const opsKey = t.getResourceId('AWS::KMS::Key', { Properties: { Description: Match.stringLikeRegexp('log groups') } });

      expect(groups.map((g) => g.Properties.LogGroupName).sort()).toEqual([
        '/mi-assessments/dev/api-access',
        '/mi-assessments/dev/api-function',
        '/mi-assessments/dev/web-function',
      ]);
      for (const group of groups) {
        expect(group.Properties).toMatchObject({ KmsKeyId: getAtt(opsKey), RetentionInDays: 365 });
        expect(group.DeletionPolicy).toBe('Retain');
      }
    });

    it('sends the function to its own log group', () => {
      const fnLogs = t.getResourceId('AWS::Logs::LogGroup', { Properties: { LogGroupName: '/mi-assessments/dev/api-function' } });
      t.hasResourceProperties('AWS::Lambda::Function', { LoggingConfig: { LogGroup: ref(fnLogs) } });
    });

    it('lets CloudWatch Logs use the operations key only for these two log groups', () => {
      const [, opsKey] = Object.entries(t.findResources('AWS::KMS::Key')).find(([, k]) => /log groups/.test(k.Properties.Description))!;
      const statement = (opsKey as Resource).Properties.KeyPolicy.Statement.find(
        (s: any) => s.Sid === 'CloudWatchLogsEncryptsThisStacksLogGroups',
      );
      const arns = JSON.stringify(statement.Condition.ArnEquals['kms:EncryptionContext:aws:logs:arn']);

      expect(arns).toContain(':log-group:/mi-assessments/dev/api-function');
      expect(arns).toContain(':log-group:/mi-assessments/dev/api-access');
    });
  });

  describe('HTTP API', () => {
    it('has a $default stage with throttling and JSON access logs to the encrypted log group', () => {
      const accessLogs = t.getResourceId('AWS::Logs::LogGroup', { Properties: { LogGroupName: '/mi-assessments/dev/api-access' } });
      const [, stage] = only(t, 'AWS::ApiGatewayV2::Stage');

      expect(stage.Properties).toMatchObject({
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
        AccessLogSettings: { DestinationArn: getAtt(accessLogs) },
      });
      expect(Object.keys(JSON.parse(stage.Properties.AccessLogSettings.Format))).toEqual(
        expect.arrayContaining(['requestId', 'ip', 'requestTime', 'method', 'path', 'status', 'integrationError']),
      );
    });

    it('sends GET under the web prefixes to the web function and everything else ($default) to the API function (payload 2.0)', () => {
      const integrations = Object.entries(t.findResources('AWS::ApiGatewayV2::Integration')) as [string, Resource][];
      const functionOf = Object.fromEntries(integrations.map(([iid, i]) => [iid, i.Properties.IntegrationUri['Fn::GetAtt'][0]]));
      const apiFn = ofConstruct(t, 'AWS::Lambda::Function', 'Api')[0];
      const webFn = ofConstruct(t, 'AWS::Lambda::Function', 'Web')[0];
      const routes = (Object.values(t.findResources('AWS::ApiGatewayV2::Route')) as Resource[]).map((r) => [
        r.Properties.RouteKey,
        functionOf[r.Properties.Target['Fn::Join'][1][1].Ref],
      ]);

      expect(routes.sort()).toEqual(
        [
          ['$default', apiFn],
          ['GET /app', webFn],
          ['GET /app/{proxy+}', webFn],
          ['GET /docs', webFn],
          ['GET /docs/{proxy+}', webFn],
          ['GET /problems', webFn],
          ['GET /problems/{proxy+}', webFn],
        ].sort(),
      );
      for (const [, integration] of integrations) {
        expect(integration.Properties).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
      }
    });

    it('outputs the API URL', () => {
      const outputs = t.findOutputs('ApiUrl');
      expect(JSON.stringify(outputs.ApiUrl?.Value)).toContain('.execute-api.');
    });
  });

  describe('IAM', () => {
    it.each(['Api', 'Web'])('gives the %s function one customer-managed policy and no inline policy', (prefix) => {
      const [, role] = ofConstruct(t, 'AWS::IAM::Role', prefix);

      expect(role.Properties.ManagedPolicyArns).toEqual([ref(ofConstruct(t, 'AWS::IAM::ManagedPolicy', prefix)[0])]);
      expect(role.Properties.Policies).toBeUndefined();
      expect(t.findResources('AWS::IAM::Policy')).toEqual({});
    });

    it('lets the web function write its own logs and nothing else: no table, secret or key', () => {
      const [, policy] = ofConstruct(t, 'AWS::IAM::ManagedPolicy', 'Web');
      const [, fn] = ofConstruct(t, 'AWS::Lambda::Function', 'Web');

      expect(policy.Properties.PolicyDocument.Statement).toEqual([
        {
          Sid: 'WriteOwnLogs',
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: getAtt(ofConstruct(t, 'AWS::Logs::LogGroup', 'Web')[0]),
        },
      ]);
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        MemorySize: 256,
        Timeout: 5,
        ReservedConcurrentExecutions: 5,
      });
      expect(fn.Properties.Layers).toBeUndefined();
      expect(fn.Properties.Environment.Variables).toEqual({ NODE_OPTIONS: '--enable-source-maps' });
    });

    it('names the table, its index, the secret and the data key in every data-access grant', () => {
      const [, policy] = ofConstruct(t, 'AWS::IAM::ManagedPolicy', 'Api');
      const dataKey = t.getResourceId('AWS::KMS::Key', { Properties: { Description: Match.stringLikeRegexp('assessments table') } });
      const table = id('AWS::DynamoDB::Table');
      const bySid = Object.fromEntries(policy.Properties.PolicyDocument.Statement.map((s: any) => [s.Sid, s]));

      expect(Object.keys(bySid).sort()).toEqual([
        'QueryExportIndex',
        'QuerySubjectHistory',
        'ReadAndWriteItems',
        'ReadPseudonymKey',
        'UseDataKeyOnlyThroughDynamoDbAndSecretsManager',
        'WriteOwnLogs',
      ]);
      expect(bySid.ReadAndWriteItems).toMatchObject({
        Action: [
          'dynamodb:ConditionCheckItem',
          'dynamodb:DeleteItem',
          'dynamodb:GetItem',
          'dynamodb:PutItem',
          'dynamodb:Query',
          'dynamodb:UpdateItem',
        ],
        Resource: getAtt(table),
      });
      expect(bySid.QuerySubjectHistory).toMatchObject({
        Action: 'dynamodb:Query',
        Resource: { 'Fn::Join': ['', [getAtt(table), `/index/${GSI1}`]] },
      });
      expect(bySid.QueryExportIndex).toMatchObject({
        Action: 'dynamodb:Query',
        Resource: { 'Fn::Join': ['', [getAtt(table), `/index/${GSI2}`]] },
      });
      expect(bySid.ReadPseudonymKey).toMatchObject({
        Action: 'secretsmanager:GetSecretValue',
        Resource: ref(id('AWS::SecretsManager::Secret')),
      });
      expect(bySid.UseDataKeyOnlyThroughDynamoDbAndSecretsManager).toMatchObject({ Resource: getAtt(dataKey) });
      expect(Object.keys(bySid.UseDataKeyOnlyThroughDynamoDbAndSecretsManager.Condition.StringEquals)).toEqual(['kms:ViaService']);
    });

    it('has no wildcard action or resource in any identity policy of the stack', () => {
      const statements = Object.values(t.findResources('AWS::IAM::ManagedPolicy')).flatMap((p) => p.Properties.PolicyDocument.Statement);

      for (const s of statements) {
        expect(JSON.stringify(s.Resource), s.Sid).not.toContain('*');
        expect(JSON.stringify(s.Action), s.Sid).not.toContain('*');
        expect(s.Effect).toBe('Allow');
      }
    });
  });

  it('generates the pseudonym key at deploy, encrypted with the data key and retained', () => {
    const [, secret] = only(t, 'AWS::SecretsManager::Secret');
    const dataKey = t.getResourceId('AWS::KMS::Key', { Properties: { Description: Match.stringLikeRegexp('pseudonym key') } });

    expect(secret.Properties.SecretString).toBeUndefined();
    expect(secret.Properties.GenerateSecretString).toEqual({
      SecretStringTemplate: JSON.stringify(PSEUDONYM_SECRET_TEMPLATE),
      GenerateStringKey: PSEUDONYM_SECRET_KEY_FIELD,
      PasswordLength: 64,
      ExcludePunctuation: true,
      IncludeSpace: false,
    });
    expect(secret.Properties.KmsKeyId).toEqual(getAtt(dataKey));
    expect(secret.DeletionPolicy).toBe('Retain');
  });

  it('alarms on function errors, throttles and the 5xx rate, notifying an encrypted topic', () => {
    const topic = id('AWS::SNS::Topic');
    const alarms = Object.values(t.findResources('AWS::CloudWatch::Alarm')) as Resource[];
    const byMetric = (name: string) => alarms.find((a) => a.Properties.MetricName === name);
    const rate = alarms.find((a) => a.Properties.Metrics);

    expect(alarms).toHaveLength(3);
    for (const alarm of alarms) expect(alarm.Properties).toMatchObject({ AlarmActions: [ref(topic)], OKActions: [ref(topic)] });
    expect(byMetric('Errors')?.Properties).toMatchObject({
      Namespace: 'AWS/Lambda',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(byMetric('Throttles')?.Properties).toMatchObject({ Namespace: 'AWS/Lambda', Threshold: 1 });
    expect(rate?.Properties.Threshold).toBe(5);
    expect(rate?.Properties.Metrics.map((m: any) => m.Expression ?? m.MetricStat.Metric.MetricName)).toEqual([
      'IF(requests > 0, 100 * errors / requests, 0)',
      'Count',
      '5xx',
    ]);
    t.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });
});

describe('MiAssessmentsStack with stage settings from context', () => {
  let t: Template;
  beforeAll(() => {
    // As `cdk synth -c …` passes them: strings.
    t = synthesize({
      stage: 'prod',
      account: '123456789012',
      region: 'eu-west-1',
      throttleRateLimit: '200',
      throttleBurstLimit: '400',
      logRetentionDays: '2192',
      reservedConcurrency: '40',
      memorySize: '1536',
      api5xxRatePercent: '2',
      alarmEmail: 'oncall@clinic.example',
      corsAllowedOrigins: 'https://portal.example, https://intake.example',
    }).template;
  });

  it('applies them to the stage, the function, the logs and the alarms', () => {
    t.hasResourceProperties('AWS::ApiGatewayV2::Stage', { DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 } });
    t.hasResourceProperties('AWS::Lambda::Function', { ReservedConcurrentExecutions: 40, MemorySize: 1536 });
    t.allResourcesProperties('AWS::Logs::LogGroup', {
      RetentionInDays: 2192,
      LogGroupName: Match.stringLikeRegexp('^/mi-assessments/prod/'),
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { Threshold: 2 });
    t.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'oncall@clinic.example' });
    t.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ CORS_ALLOWED_ORIGINS: 'https://portal.example,https://intake.example' }) },
    });
  });

  it("names the region's arm64 Parameters and Secrets extension layer", () => {
    t.hasResourceProperties('AWS::Lambda::Function', {
      Layers: [Match.stringLikeRegexp('^arn:aws:lambda:eu-west-1:\\d{12}:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:\\d+$')],
    });
  });

  it('names the region in the log-encryption and data-key conditions', () => {
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Condition: {
              StringEquals: { 'kms:ViaService': ['dynamodb.eu-west-1.amazonaws.com', 'secretsmanager.eu-west-1.amazonaws.com'] },
            },
          }),
        ]),
      },
    });
  });
});
