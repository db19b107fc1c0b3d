import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../packages/api/api-keys';
import { createApp } from '../../packages/api/app';
import { createPseudonymizer } from '../../packages/api/pseudonymizer';
import { NOW } from '../support/api';
import { type TestTable, testTable } from '../support/dynamo';

/** Before and after a pseudonym key rotation: version 1, then versions 1 and 2 with 2 current. */
const K1 = Buffer.alloc(32, 1);
const K2 = Buffer.alloc(32, 2);
const before = createPseudonymizer({ current: 1, keys: { '1': K1 } });
const after = createPseudonymizer({ current: 2, keys: { '1': K1, '2': K2 } });

describe('pseudonym key rotation', () => {
  let table: TestTable;
  let key: string;
  const appWith = (pseudonymizer: typeof before) => createApp({ store: table.store, pseudonymizer, now: () => NOW, log: () => {} });
  const call = async (app: ReturnType<typeof appWith>, path: string, body: unknown, idem?: string) => {
    const res = await app.request(path, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...(idem ? { 'idempotency-key': idem } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const ruler = (administeredOn: string) => ({
    instrument: 'readiness-ruler',
    subject: { ref: 'ref-rotated' },
    administeredOn,
    responses: { readiness: 6 },
  });

  beforeAll(async () => {
    table = await testTable();
    const made = generateApiKey('clinic-r', ['assessments:write', 'assessments:read'], NOW);
    await table.store.putApiKey(made.record);
    key = made.key;
    expect((await call(appWith(before), '/v1/assessments', ruler('2026-10-01'), 'rot-1')).status).toBe(201);
    expect((await call(appWith(after), '/v1/assessments', ruler('2026-11-01'), 'rot-2')).status).toBe(201);
  });
  afterAll(() => table.drop());

  it('stores new records under the new version and keeps the old ids', async () => {
    const ids = (await table.scanAll()).filter((i) => i.type === 'assessment').map((i) => String(i.subjectId).slice(0, 6));
    expect(ids.sort()).toEqual(['sub_1_', 'sub_2_']);
  });

  it('finds a client’s whole history by ref across versions, current version first, paged', async () => {
    const app = appWith(after);
    const all = await call(app, '/v1/subjects/search', { ref: 'ref-rotated' });
    const first = await call(app, '/v1/subjects/search', { ref: 'ref-rotated', limit: 1 });
    const second = await call(app, '/v1/subjects/search', { ref: 'ref-rotated', limit: 1, cursor: first.body.next });

    expect(all.body.subjectId).toBe(after.subjectId('clinic-r', 'ref-rotated'));
    expect(all.body.items.map((a: { administeredOn: string; subjectId: string }) => [a.administeredOn, a.subjectId.slice(0, 6)])).toEqual([
      ['2026-11-01', 'sub_2_'],
      ['2026-10-01', 'sub_1_'],
    ]);
    expect(first.body.items.map((a: { administeredOn: string }) => a.administeredOn)).toEqual(['2026-11-01']);
    expect(second.body.items.map((a: { administeredOn: string }) => a.administeredOn)).toEqual(['2026-10-01']);
    expect(second.body.next).toBeUndefined();
  });

  it('rejects a cursor pointing past the versions held', async () => {
    const forged = Buffer.from(JSON.stringify({ at: 5 })).toString('base64url');
    expect((await call(appWith(after), '/v1/subjects/search', { ref: 'ref-rotated', cursor: forged })).status).toBe(400);
  });
});
