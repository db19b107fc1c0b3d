import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateApiKey } from '../../packages/api/api-keys';
import { type FakeSecretsExtension, fakeSecretsExtension } from '../e2e/artifact-harness';
import { smokingShort } from '../support/api';
import { type TestTable, testTable } from '../support/dynamo';

const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:pseudonym';
const SESSION_TOKEN = 'lambda-int-session-token';

/** API Gateway HTTP API (payload 2.0) event on the `$default` stage, as Lambda receives it. */
function httpApiEvent(method: string, path: string, headers: Record<string, string>, body?: unknown, rawQueryString = '') {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString,
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
  let secrets: FakeSecretsExtension; // the Parameters and Secrets extension, as a local fake

  beforeAll(async () => {
    table = await testTable();
    const made = generateApiKey('clinic-l', ['assessments:write', 'assessments:read', 'analytics:read'], new Date());
    await table.store.putApiKey(made.record);
    key = made.key;
    const secretString = JSON.stringify({ current: 1, keys: { '1': Buffer.alloc(32, 3).toString('base64') } });
    secrets = await fakeSecretsExtension(SECRET_ARN, secretString, SESSION_TOKEN, { notReadyFor: 1 });
    process.env.PSEUDONYM_KEY_SECRET_ARN = SECRET_ARN;
    process.env.AWS_SESSION_TOKEN = SESSION_TOKEN;
    process.env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT = String(secrets.port);
    process.env.TABLE_NAME = table.tableName;
    process.env.DYNAMODB_ENDPOINT = inject('dynamoEndpoint');
    ({ handler } = (await import('../../functions/api/index')) as never);
  });
  afterAll(async () => {
    await secrets.close();
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
    expect(JSON.parse(invalid.body).errors).toEqual([{ path: 'body.responses.1', message: 'Too big: expected number to be <=5' }]);
    expect(secrets.requests).toEqual([
      { secretId: SECRET_ARN, token: SESSION_TOKEN, status: 400 }, // not ready yet: retried
      { secretId: SECRET_ARN, token: SESSION_TOKEN, status: 200 },
    ]);
  });

  it('answers the NDJSON export as text, not base64', async () => {
    const res = (await handler(
      httpApiEvent(
        'GET',
        '/v1/analytics/export',
        { authorization: `Bearer ${key}` },
        undefined,
        'instrument=decisional-balance-smoking-short',
      ),
      {},
    )) as { statusCode: number; headers: Record<string, string>; body: string; isBase64Encoded: boolean };

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    expect(res.isBase64Encoded).toBe(false);
    expect(JSON.parse(res.body.trim().split('\n')[0]!)).toMatchObject({
      instrument: 'decisional-balance-smoking-short',
      year: expect.any(Number),
    });
  });
});
