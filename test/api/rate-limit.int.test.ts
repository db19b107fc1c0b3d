import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../packages/api/api-keys';
import { createApp } from '../../packages/api/app';
import { pseudonymizer } from '../support/api';
import { type TestTable, testTable } from '../support/dynamo';

describe('per-key rate limit', () => {
  let table: TestTable;
  const keys: string[] = [];
  let clock = new Date('2026-11-25T12:00:00.000Z');

  beforeAll(async () => {
    table = await testTable();
    for (const clinic of ['clinic-a', 'clinic-b']) {
      const made = generateApiKey(clinic, ['assessments:read'], clock);
      await table.store.putApiKey(made.record);
      keys.push(made.key);
    }
  });
  afterAll(() => table.drop());

  it('answers 429 with Retry-After past the burst, per key, and refills with time', async () => {
    const app = createApp({ store: table.store, pseudonymizer, now: () => clock, log: () => {}, rateLimit: { perSecond: 1, burst: 2 } });
    const get = async (key: string) => {
      const res = await app.request('/v1/instruments', { headers: { authorization: `Bearer ${key}` } });
      const h = res.headers;
      return {
        status: res.status,
        retryAfter: h.get('retry-after'),
        limit: [h.get('ratelimit-policy'), h.get('ratelimit')],
        requestId: h.get('x-request-id'),
        body: await res.json(),
      };
    };

    const allowed = [await get(keys[0]!), await get(keys[0]!)];
    const limited = await get(keys[0]!);
    const otherKey = await get(keys[1]!);
    clock = new Date(clock.getTime() + 1000);
    const afterASecond = await get(keys[0]!);

    expect(allowed.map((r) => [r.status, ...r.limit])).toEqual([
      [200, '"per-key";q=2;w=2', '"per-key";r=1;t=1'],
      [200, '"per-key";q=2;w=2', '"per-key";r=0;t=2'],
    ]);
    // The refusal announces the same bucket, spent, and carries the request id like every answer.
    expect(limited.limit).toEqual(['"per-key";q=2;w=2', '"per-key";r=0;t=2']);
    expect(limited.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(limited).toMatchObject({
      status: 429,
      retryAfter: '1',
      body: { type: '/problems/rate-limited', title: 'Too many requests', status: 429, detail: 'Too many requests for this API key.' },
    });
    expect(otherKey.status).toBe(200);
    expect(afterASecond.status).toBe(200);
  });
});
