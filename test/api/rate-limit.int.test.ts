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
      return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
    };

    const statuses = [(await get(keys[0]!)).status, (await get(keys[0]!)).status];
    const limited = await get(keys[0]!);
    const otherKey = await get(keys[1]!);
    clock = new Date(clock.getTime() + 1000);
    const afterASecond = await get(keys[0]!);

    expect(statuses).toEqual([200, 200]);
    expect(limited).toMatchObject({
      status: 429,
      retryAfter: '1',
      body: { type: '/problems/rate-limited', title: 'Too many requests', status: 429, detail: 'Too many requests for this API key.' },
    });
    expect(otherKey.status).toBe(200);
    expect(afterASecond.status).toBe(200);
  });
});
