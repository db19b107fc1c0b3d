import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { defaultStack, ofConstruct, type Resource, ref } from './template';

describe('MiAssessmentsStack with default settings', () => {
  const { t, id } = defaultStack();

  it('alarms on function errors, throttles and the 5xx rate, notifying an encrypted topic', () => {
    const topic = id('AWS::SNS::Topic');
    const alarms = Object.values(t.findResources('AWS::CloudWatch::Alarm')) as Resource[];
    const byMetric = (name: string) => alarms.find((a) => a.Properties.MetricName === name);
    const rate = alarms.find((a) => a.Properties.Metrics);

    // Errors and throttles for each of the two functions, and the API's 5xx rate.
    expect(alarms).toHaveLength(5);
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

  it.each([
    ['Api', 'AlarmsFunction', 'API function'],
    ['Web', 'AlarmsWebFunction', 'web function'],
  ])('gives the %s function an errors and a throttles alarm: one in 5 minutes raises it', (prefix, alarmPrefix, name) => {
    const [fn] = ofConstruct(t, 'AWS::Lambda::Function', prefix);
    const topic = ref(id('AWS::SNS::Topic'));
    const alarms = (Object.entries(t.findResources('AWS::CloudWatch::Alarm')) as [string, Resource][]).filter(([, a]) =>
      (a.Properties.Dimensions ?? []).some((d: { Value: unknown }) => JSON.stringify(d.Value) === JSON.stringify(ref(fn))),
    );
    const alarm = (metric: string, description: string) => ({
      AlarmActions: [topic],
      OKActions: [topic],
      AlarmDescription: description,
      Namespace: 'AWS/Lambda',
      MetricName: metric,
      Dimensions: [{ Name: 'FunctionName', Value: ref(fn) }],
      Statistic: 'Sum',
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      Tags: [
        { Key: 'app', Value: 'mi-assessments' },
        { Key: 'stage', Value: 'dev' },
      ],
    });

    expect(alarms.map(([logicalId]) => logicalId.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([
      `${alarmPrefix}Errors`,
      `${alarmPrefix}Throttles`,
    ]);
    expect(alarms.map(([, a]) => a.Properties).sort((a, b) => a.MetricName.localeCompare(b.MetricName))).toEqual([
      alarm('Errors', `The ${name} crashed, timed out or failed to initialise (see its log group).`),
      alarm('Throttles', `Requests to the ${name} were refused because its reserved concurrency was used up.`),
    ]);
  });
});
