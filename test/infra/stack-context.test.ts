import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, it } from 'vitest';
import { synthesize } from './synth';

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
