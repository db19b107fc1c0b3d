import { DynamoDBServiceException, GetItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../packages/api/app';
import { createDynamoClient } from '../../packages/store/client';
import { createDynamoStore } from '../../packages/store/dynamo';
import { NOW, pseudonymizer, smokingShort, type TestApi, useTestApi } from '../support/api';

describe('storage faults', () => {
  it('answers 503 with Retry-After when DynamoDB cannot be reached', async () => {
    const client = createDynamoClient({ endpoint: 'http://127.0.0.1:1', maxAttempts: 1, requestTimeoutMs: 500 });
    const logs: Record<string, unknown>[] = [];
    const app = createApp({
      store: createDynamoStore({ client, tableName: 'absent' }),
      pseudonymizer,
      now: () => NOW,
      log: (e) => logs.push(e),
    });

    const res = await app.request('/v1/instruments', { headers: { authorization: `Bearer mia_0123456789abcdef${'A'.repeat(43)}` } });

    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toEqual({
      type: '/problems/storage-unavailable',
      title: 'Storage temporarily unavailable',
      status: 503,
      detail: 'Storage is temporarily unavailable; retry later.',
      instance: `urn:uuid:${res.headers.get('x-request-id')}`,
    });
    expect(logs).toEqual([
      {
        level: 'error',
        msg: 'request',
        method: 'GET',
        route: '/v1/instruments',
        status: 503,
        ms: expect.any(Number),
        requestId: res.headers.get('x-request-id'),
      },
    ]);
  });

  describe('when DynamoDB throttles the write (a fault DynamoDB Local cannot produce)', () => {
    const api = useTestApi();
    let key: string;
    beforeAll(async () => {
      key = await api.keyFor('clinic-a');
    });

    it('answers 503 with Retry-After and stores nothing', async () => {
      expect((await api.call('GET', '/v1/instruments', { key })).status).toBe(200); // key now in the auth cache
      const before = await api.table.scanAll();
      const mock = mockClient(api.table.client);
      mock.on(GetItemCommand).resolves({}); // the rollup's reads of the subject's period records
      mock.on(TransactWriteItemsCommand).rejects(
        new DynamoDBServiceException({
          name: 'ThrottlingException',
          $fault: 'client',
          $metadata: { httpStatusCode: 400 },
          message: 'Rate exceeded',
        }),
      );
      let res: Awaited<ReturnType<TestApi['call']>>;
      try {
        res = await api.call('POST', '/v1/assessments', { key, body: smokingShort(), headers: { 'idempotency-key': 'throttled' } });
      } finally {
        mock.restore();
      }

      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(res.body.type).toBe('/problems/storage-unavailable');
      expect(mock.commandCalls(TransactWriteItemsCommand)).toHaveLength(1);
      expect(await api.table.scanAll()).toEqual(before);
    });
  });
});
