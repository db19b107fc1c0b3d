import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateApiKey } from '../../packages/api/api-keys';
import { testTable, type TestTable } from '../support/dynamo';
import { smokingShort } from '../support/api';

/** API Gateway HTTP API (payload 2.0) event on the `$default` stage, as Lambda receives it. */
function httpApiEvent(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'api.example.test', ...headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.test',
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'req-1',
      routeKey: '$default',
      stage: '$default',
      time: '25/Nov/2026:12:00:00 +0000',
      timeEpoch: 1_795_000_000_000,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    isBase64Encoded: false,
  };
}

describe('Lambda handler (functions/api)', () => {
  let table: TestTable;
  let key: string;
  let handler: (event: unknown, context: unknown) => Promise<{ statusCode: number; headers: Record<string, string>; body: string }>;
  const secrets = mockClient(SecretsManagerClient); // Secrets Manager has no local stand-in here

  beforeAll(async () => {
    table = await testTable();
    const made = generateApiKey('clinic-l', ['assessments:write', 'assessments:read'], new Date());
    await table.store.putApiKey(made.record);
    key = made.key;
    secrets.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ current: 1, keys: { '1': Buffer.alloc(32, 3).toString('base64') } }) });
    process.env.PSEUDONYM_KEY_SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:pseudonym';
    process.env.TABLE_NAME = table.tableName;
    process.env.DYNAMODB_ENDPOINT = inject('dynamoEndpoint');
    ({ handler } = (await import('../../functions/api/index')) as never);
  });
  afterAll(async () => {
    secrets.restore();
    await table.drop();
  });

  it('reads the pseudonym key once and serves create, replay, fetch, 404 and 422', async () => {
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': 'lambda-1' };

    const created = await handler(httpApiEvent('POST', '/v1/assessments', headers, smokingShort()), {});
    const replayed = await handler(httpApiEvent('POST', '/v1/assessments', headers, smokingShort()), {});
    const view = JSON.parse(created.body);
    const fetched = await handler(httpApiEvent('GET', `/v1/assessments/${view.id}`, headers), {});
    const missing = await handler(httpApiEvent('GET', '/v1/assessments/asm_AAAAAAAAAAAAAAAAAAAAAA', headers), {});
    const invalid = await handler(
      httpApiEvent('POST', '/v1/assessments', { ...headers, 'idempotency-key': 'lambda-2' }, { ...smokingShort(), responses: { '1': 6 } }),
      {},
    );

    expect(created.statusCode).toBe(201);
    expect(view.scores.pros).toBe(4);
    expect(replayed.statusCode).toBe(201);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body).toBe(created.body);
    expect(fetched.statusCode).toBe(200);
    expect(JSON.parse(fetched.body)).toEqual(view);
    expect(missing.statusCode).toBe(404);
    expect(invalid.statusCode).toBe(422);
    expect(JSON.parse(invalid.body).errors).toEqual([{ path: 'responses.1', message: 'Too big: expected number to be <=5' }]);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });
});
