import { AttributeType, BillingMode, ProjectionType } from 'aws-cdk-lib/aws-dynamodb';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsFromContext } from '../../infra/settings';
import { tableShape } from '../../infra/table';
import { tableDefinition } from '../../packages/store/schema';

const context = (values: Record<string, unknown>) => (key: string) => values[key];

describe('settingsFromContext', () => {
  it('gives the defaults when no context is set', () => {
    expect(settingsFromContext(context({}))).toEqual(DEFAULT_SETTINGS);
  });

  it('parses `-c` strings into typed settings', () => {
    const s = settingsFromContext(
      context({ stage: 'prod', account: '123456789012', region: 'eu-west-1', throttleRateLimit: '200', logRetentionDays: '2192' }),
    );

    expect(s).toMatchObject({
      stage: 'prod',
      account: '123456789012',
      region: 'eu-west-1',
      throttleRateLimit: 200,
      logRetention: RetentionDays.SIX_YEARS,
    });
    expect(s.reservedConcurrency).toBe(DEFAULT_SETTINGS.reservedConcurrency);
  });

  it('reads CORS origins as the comma-separated list the function takes', () => {
    const s = settingsFromContext(context({ corsAllowedOrigins: 'https://portal.example, http://localhost:5173' }));
    expect(s.corsAllowedOrigins).toEqual(['https://portal.example', 'http://localhost:5173']);
    expect(DEFAULT_SETTINGS.corsAllowedOrigins).toEqual([]);
  });

  it.each([
    [{ logRetentionDays: '100' }, 'logRetentionDays: one of'],
    [{ stage: 'Prod_1' }, 'stage: lower-case'],
    [{ account: '1234' }, 'account: 12 digits'],
    [{ timeoutSeconds: '30' }, 'timeoutSeconds'],
    [{ alarmEmail: 'not-an-email' }, 'alarmEmail'],
    [{ corsAllowedOrigins: 'https://portal.example/path' }, 'corsAllowedOrigins.0: Comma-separated origins'],
    [{ corsAllowedOrigins: '*' }, 'corsAllowedOrigins.0: Comma-separated origins'],
  ])('rejects %o naming the key', (values, message) => {
    expect(() => settingsFromContext(context(values))).toThrow(message);
  });
});

describe('tableShape', () => {
  it('maps tableDefinition() to CDK table props', () => {
    expect(tableShape(tableDefinition('t'))).toEqual({
      billingMode: BillingMode.PAY_PER_REQUEST,
      partitionKey: { name: 'PK', type: AttributeType.STRING },
      sortKey: { name: 'SK', type: AttributeType.STRING },
      globalSecondaryIndexes: [
        {
          indexName: 'GSI1',
          partitionKey: { name: 'GSI1PK', type: AttributeType.STRING },
          sortKey: { name: 'GSI1SK', type: AttributeType.STRING },
          projectionType: ProjectionType.ALL,
        },
        {
          indexName: 'GSI2',
          partitionKey: { name: 'GSI2PK', type: AttributeType.STRING },
          sortKey: { name: 'GSI2SK', type: AttributeType.STRING },
          projectionType: ProjectionType.INCLUDE,
          nonKeyAttributes: ['subjectId', 'administeredOn', 'instrumentVersion', 'answers', 'view'],
        },
      ],
    });
  });

  it.each([
    ['provisioned billing', { BillingMode: 'PROVISIONED' as const }, 'on-demand'],
    ['a local secondary index', { LocalSecondaryIndexes: [] }, 'LocalSecondaryIndexes'],
    ['a key without attribute definition', { AttributeDefinitions: [] }, 'no attribute definition'],
    [
      'a KEYS_ONLY index',
      {
        GlobalSecondaryIndexes: [
          {
            IndexName: 'G',
            KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' as const }],
            Projection: { ProjectionType: 'KEYS_ONLY' as const },
          },
        ],
      },
      'must project ALL, or INCLUDE',
    ],
    [
      'an INCLUDE index without attributes',
      {
        GlobalSecondaryIndexes: [
          {
            IndexName: 'G',
            KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' as const }],
            Projection: { ProjectionType: 'INCLUDE' as const },
          },
        ],
      },
      'must project ALL, or INCLUDE',
    ],
  ])('refuses %s rather than dropping it', (_, change, message) => {
    expect(() => tableShape({ ...tableDefinition('t'), ...change })).toThrow(message);
  });
});
