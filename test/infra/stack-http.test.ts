import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { GSI1, GSI2 } from '../../packages/store/schema';
import { defaultStack, getAtt, ofConstruct, only, type Resource, ref } from './template';

describe('MiAssessmentsStack with default settings', () => {
  const { t, id } = defaultStack();

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
});
