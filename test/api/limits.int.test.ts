import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../packages/api/api-keys';
import { createApp } from '../../packages/api/app';
import { BoundedMap } from '../../packages/api/bounded-map';
import type { Store } from '../../packages/store/port';
import { NOW, pseudonymizer, smokingShort, testApi, useTestApi } from '../support/api';
import { type TestTable, testTable } from '../support/dynamo';

const randomKey = (i: number) => `mia_${i.toString(16).padStart(16, '0')}${'A'.repeat(43)}`;

describe('unauthenticated attempts', () => {
  let t: TestTable;
  let reads: string[];
  let clock: Date;
  let address: string;
  let app: ReturnType<typeof createApp>;
  const get = (key: string) => app.request('/v1/instruments', { headers: { authorization: `Bearer ${key}` } });

  beforeAll(async () => {
    t = await testTable();
    const counted: Store = {
      ...t.store,
      getApiKey: (keyId) => {
        reads.push(keyId);
        return t.store.getApiKey(keyId);
      },
    };
    app = createApp({
      store: counted,
      pseudonymizer,
      now: () => clock,
      log: () => {},
      authFailureLimit: { perSecond: 5, burst: 20 },
      clientAddress: () => address,
    });
  });
  afterAll(() => t.drop());

  it('are limited per client address: past the burst a 429 with Retry-After, and no more reads', async () => {
    [reads, clock, address] = [[], new Date('2026-11-26T09:00:00Z'), '198.51.100.7'];
    const good = generateApiKey('clinic-flood', ['assessments:read'], clock);
    await t.store.putApiKey(good.record);
    expect((await get(good.key)).status).toBe(200);

    const statuses: number[] = [];
    for (let i = 0; i < 60; i += 1) statuses.push((await get(randomKey(i))).status);
    const limited = await get(randomKey(999));
    address = '203.0.113.9';
    const elsewhere = await get(randomKey(1000));
    address = '198.51.100.7';
    const goodAgain = await get(good.key);

    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(40).fill(429));
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toMatchObject({ type: '/problems/rate-limited', status: 429 });
    // One read for the good key, then one per attempt until the limit: never one per request.
    expect(reads).toHaveLength(1 + 20 + 1);
    expect(elsewhere.status).toBe(401);
    // A key this process knows as valid still passes from the flooding address.
    expect(goodAgain.status).toBe(200);
  });

  it('recover as the bucket refills', async () => {
    [reads, address] = [[], '192.0.2.44'];
    for (let i = 0; i < 20; i += 1) await get(randomKey(2000 + i));
    expect((await get(randomKey(3000))).status).toBe(429);

    clock = new Date(clock.getTime() + 1_000);
    const after = await get(randomKey(3001));

    expect(after.status).toBe(401);
  });
});

describe('the auth cache under a flood of key ids', () => {
  it('evicts the least recently used entries, not every good key', async () => {
    const t = await testTable();
    const reads: string[] = [];
    const clock = new Date('2026-11-26T09:00:00Z');
    const good = generateApiKey('clinic-lru', ['assessments:read'], clock);
    await t.store.putApiKey(good.record);
    const store: Store = {
      ...t.store,
      // Unknown ids answer from memory: the point is the cache, not DynamoDB.
      getApiKey: async (keyId) => {
        reads.push(keyId);
        return keyId === good.record.keyId ? good.record : undefined;
      },
    };
    const app = createApp({ store, pseudonymizer, now: () => clock, log: () => {}, authFailureLimit: { perSecond: 1e6, burst: 1e6 } });
    const get = (key: string) => app.request('/v1/instruments', { headers: { authorization: `Bearer ${key}` } });

    expect((await get(good.key)).status).toBe(200);
    for (let i = 0; i < 12_000; i += 1) {
      await get(randomKey(10_000 + i));
      if (i % 1000 === 0) expect((await get(good.key)).status).toBe(200);
    }
    const readsOfGood = reads.filter((id) => id === good.record.keyId).length;
    await t.drop();

    expect(readsOfGood).toBe(1);
  }, 60_000);

  it('BoundedMap drops the least recently used entry', () => {
    const m = new BoundedMap<string, number>(2);
    m.set('a', 1).set('b', 2);
    m.get('a');
    m.set('c', 3);

    expect([m.has('a'), m.has('b'), m.has('c'), m.size]).toEqual([true, false, true, 2]);
  });
});

describe('readiness', () => {
  it('answers 200 while storage answers', async () => {
    const api = await testApi();
    const res = await api.call('GET', '/health/ready');
    await api.table.drop();

    expect(res).toMatchObject({ status: 200, body: { status: 'ready' } });
  });

  it('answers 503 with Retry-After within about a second when storage hangs, while /health stays ok', async () => {
    const hanging = { ping: () => new Promise<void>(() => {}) } as unknown as Store;
    const app = createApp({ store: hanging, pseudonymizer, now: () => NOW, log: () => {} });

    const started = performance.now();
    const res = await app.request('/health/ready');
    const took = performance.now() - started;
    const live = await app.request('/health');

    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toMatchObject({ type: '/problems/storage-unavailable', status: 503 });
    expect(took).toBeGreaterThanOrEqual(900);
    expect(live.status).toBe(200);
  });

  it('answers 503 when storage fails outright', async () => {
    const failing = { ping: () => Promise.reject(new Error('down')) } as unknown as Store;
    const app = createApp({ store: failing, pseudonymizer, now: () => NOW, log: () => {} });

    expect((await app.request('/health/ready')).status).toBe(503);
  });
});

describe('cursors are sealed', () => {
  const api = useTestApi();
  let key: string;
  let other: string;
  let subjectId: string;

  beforeAll(async () => {
    key = await api.keyFor('clinic-cur');
    other = await api.keyFor('clinic-cur-2');
    for (const [i, day] of ['2026-11-01', '2026-11-02', '2026-11-03'].entries()) {
      const res = await api.call('POST', '/v1/assessments', {
        key,
        body: smokingShort('cursor-ref', day),
        headers: { 'idempotency-key': `c-${i}` },
      });
      subjectId = res.body.subjectId;
    }
  });

  const revealed = (cursor: string) => [cursor, Buffer.from(cursor, 'base64url').toString('latin1')].join('\n');

  it('history, search and audit cursors reveal no id, day or time', async () => {
    const history = await api.call('GET', `/v1/subjects/${subjectId}/assessments?limit=1`, { key });
    const search = await api.call('POST', '/v1/subjects/search', { key, body: { ref: 'cursor-ref', limit: 1 } });
    for (let i = 0; i < 2; i += 1) await api.call('GET', '/v1/analytics/export?instrument=decisional-balance-smoking-short', { key });
    const audit = await api.call('GET', '/v1/analytics/audit?limit=1', { key });
    const ids = history.body.items.map((a: { id: string }) => a.id);

    for (const cursor of [history.body.next, search.body.next, audit.body.next]) {
      expect(cursor).toMatch(/^1\.[A-Za-z0-9_-]+$/);
      expect(revealed(cursor)).not.toMatch(/asm_|2026-|exp_|sub_/);
    }
    expect(ids).toHaveLength(1);
  });

  it('a cursor followed to the end gives every row once', async () => {
    const seen: string[] = [];
    let next: string | undefined;
    do {
      const page = await api.call('GET', `/v1/subjects/${subjectId}/assessments?limit=1${next ? `&cursor=${next}` : ''}`, { key });
      seen.push(...page.body.items.map((a: { administeredOn: string }) => a.administeredOn));
      next = page.body.next;
    } while (next);

    expect(seen).toEqual(['2026-11-03', '2026-11-02', '2026-11-01']);
  });

  it('refuses a tampered cursor, another subject’s, another kind’s and another clinic’s', async () => {
    const history = (await api.call('GET', `/v1/subjects/${subjectId}/assessments?limit=1`, { key })).body.next as string;
    const search = (await api.call('POST', '/v1/subjects/search', { key, body: { ref: 'cursor-ref', limit: 1 } })).body.next as string;
    const flipped = `${history.slice(0, -3)}${history.at(-3) === 'A' ? 'B' : 'A'}${history.slice(-2)}`;
    const otherSubject = `sub_1_${'A'.repeat(43)}`;

    const answers = [
      await api.call('GET', `/v1/subjects/${subjectId}/assessments?cursor=${flipped}`, { key }),
      await api.call('GET', `/v1/subjects/${otherSubject}/assessments?cursor=${history}`, { key }),
      await api.call('GET', `/v1/subjects/${subjectId}/assessments?cursor=${search}`, { key }),
      await api.call('POST', '/v1/subjects/search', { key, body: { ref: 'another-ref', cursor: search } }),
      await api.call('GET', `/v1/subjects/${subjectId}/assessments?cursor=${history}`, { key: other }),
    ];

    for (const [i, res] of answers.entries()) {
      expect(res.status).toBe(400);
      // The search takes its cursor in the body, the history in the query.
      expect(res.body.errors).toEqual([{ path: i === 3 ? 'body.cursor' : 'query.cursor', message: 'The cursor is not valid.' }]);
    }
  });
});
