import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { SECRETS_EXTENSION_PORT } from '../../infra/api-function';
import { ESBUILD_OPTIONS, ESBUILD_TARGET, LAMBDA_RUNTIME } from '../../infra/bundling';
import { defaultStack, getAtt, ofConstruct, type Resource, ref } from './template';

describe('MiAssessmentsStack with default settings', () => {
  const { t, id } = defaultStack();

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
});
