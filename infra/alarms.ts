import { Duration } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

/** A function watched for errors and throttles. */
export interface AlarmedFunction {
  /** Prefixes its alarms' construct ids: '' for the API function, whose alarms keep their first ids. */
  idPrefix: string;
  /** How the alarm descriptions name it: 'API function', 'web function'. */
  name: string;
  fn: lambda.IFunction;
}

export interface ApiAlarmsProps {
  /** Each gets the same two alarms, `<idPrefix>FunctionErrors` and `<idPrefix>FunctionThrottles`. */
  functions: AlarmedFunction[];
  httpApi: apigw.HttpApi;
  /** Encrypts the alarm topic; CloudWatch is allowed to use it. */
  topicKey: kms.Key;
  api5xxRatePercent: number;
  alarmEmail?: string;
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * The alarms an operator needs (docs/operations.md, "Alarms"), all notifying one encrypted SNS
 * topic (and back when OK). For each function:
 * - `FunctionErrors`: the function crashed, timed out or failed to start (app errors are 500
 *   responses, not function errors), at least once in 5 minutes.
 * - `FunctionThrottles`: a request found the reserved concurrency used up, at least once in 5 minutes.
 * And for the HTTP API:
 * - `Api5xxRate`: more than `api5xxRatePercent` % of requests in 5 minutes answered 5xx.
 * @example new ApiAlarms(this, 'Alarms', { functions: [{ idPrefix: '', name: 'API function', fn }], httpApi, topicKey, api5xxRatePercent: 5 });
 */
export class ApiAlarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: ApiAlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', { masterKey: props.topicKey, enforceSSL: true, displayName: 'MI Assessments alarms' });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    // CloudWatch publishes to the encrypted topic, so it needs the key (AWS's documented statement).
    props.topicKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublishToTheEncryptedTopic',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );

    const requests = props.httpApi.metricCount({ statistic: 'Sum', period: FIVE_MINUTES });
    const serverErrors = props.httpApi.metricServerError({ statistic: 'Sum', period: FIVE_MINUTES });
    this.alarms = [
      ...props.functions.flatMap((f) => this.functionAlarms(f)),
      this.alarm('Api5xxRate', `More than ${props.api5xxRatePercent}% of API requests in 5 minutes answered 5xx.`, {
        metric: new cloudwatch.MathExpression({
          expression: 'IF(requests > 0, 100 * errors / requests, 0)',
          usingMetrics: { requests, errors: serverErrors },
          period: FIVE_MINUTES,
          label: '5xx rate (%)',
        }),
        threshold: props.api5xxRatePercent,
        above: true,
      }),
    ];
    const action = new SnsAction(this.topic);
    for (const alarm of this.alarms) {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
  }

  /** Errors and throttles of one function, each raised by a single occurrence in 5 minutes. */
  private functionAlarms({ idPrefix, name, fn }: AlarmedFunction): cloudwatch.Alarm[] {
    return [
      this.alarm(`${idPrefix}FunctionErrors`, `The ${name} crashed, timed out or failed to initialise (see its log group).`, {
        metric: fn.metricErrors({ statistic: 'Sum', period: FIVE_MINUTES }),
        threshold: 1,
      }),
      this.alarm(`${idPrefix}FunctionThrottles`, `Requests to the ${name} were refused because its reserved concurrency was used up.`, {
        metric: fn.metricThrottles({ statistic: 'Sum', period: FIVE_MINUTES }),
        threshold: 1,
      }),
    ];
  }

  /**
   * The one rule of every alarm here: a single 5-minute period decides, no data is no breach, and
   * the metric reaching `threshold` raises it (`above`: only going past it).
   */
  private alarm(id: string, alarmDescription: string, when: { metric: cloudwatch.IMetric; threshold: number; above?: boolean }) {
    return new cloudwatch.Alarm(this, id, {
      alarmDescription,
      metric: when.metric,
      threshold: when.threshold,
      evaluationPeriods: 1,
      comparisonOperator: when.above
        ? cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD
        : cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
