import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../packages/api/api-keys';
import { createApp } from '../../packages/api/app';
import type { Store } from '../../packages/store/port';
import { pseudonymizer } from '../support/api';
import { type TestTable, testTable } from '../support/dynamo';

describe('API key lookups, cached per process', () => {
  let t: TestTable;
  let reads: string[];
  let clock: Date;
  let app: ReturnType<typeof createApp>;
  const get = (key: string) => app.request('/v1/instruments', { headers: { authorization: `Bearer ${key}` } });

  beforeAll(async () => {
    t = await testTable();
    reads = [];
    clock = new Date('2026-11-26T09:00:00Z');
    const counted: Store = {
      ...t.store,
      getApiKey: (keyId) => {
        reads.push(keyId);
        return t.store.getApiKey(keyId);
      },
    };
    app = createApp({ store: counted, pseudonymizer, now: () => clock, log: () => {}, authCacheSeconds: 30 });
  });
  afterAll(() => t.drop());

  it('reads a known key once per 30 s window, however many requests use it', async () => {
    const { key, record } = generateApiKey('clinic-cache', ['assessments:read'], clock);
    await t.store.putApiKey(record);

    const statuses = [(await get(key)).status, (await get(key)).status, (await get(key)).status];
    clock = new Date(clock.getTime() + 31_000);
    statuses.push((await get(key)).status);

    expect(statuses).toEqual([200, 200, 200, 200]);
    expect(reads).toEqual([record.keyId, record.keyId]);
  });

  it('remembers an unknown key id as unknown for the window, then asks again', async () => {
    const { key, record } = generateApiKey('clinic-cache', ['assessments:read'], clock); // never stored
    reads.length = 0;

    const statuses = [(await get(key)).status, (await get(key)).status];
    clock = new Date(clock.getTime() + 31_000);
    await t.store.putApiKey(record); // created meanwhile: found once the window has passed
    statuses.push((await get(key)).status);

    expect(statuses).toEqual([401, 401, 200]);
    expect(reads).toEqual([record.keyId, record.keyId]);
  });

  it('still compares the secret on every request, cached or not', async () => {
    const { key, record } = generateApiKey('clinic-cache', ['assessments:read'], clock);
    await t.store.putApiKey(record);
    const wrongSecret = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;

    expect([(await get(key)).status, (await get(wrongSecret)).status, (await get(key)).status]).toEqual([200, 401, 200]);
  });
});
