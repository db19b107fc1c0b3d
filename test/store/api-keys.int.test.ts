import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conflict, NotFound } from '../../packages/domain/errors';
import type { ApiKeyRecord } from '../../packages/domain/records';
import { type TestTable, testTable } from '../support/dynamo';

const key = (keyId: string, clinicId: string, createdAt: string): ApiKeyRecord => ({
  keyId,
  clinicId,
  scopes: ['assessments:write', 'assessments:read'],
  secretHash: `sha256:${keyId.slice(-1).repeat(64)}`,
  createdAt,
});

const A1 = key('key_a1', 'clinic-a', '2026-11-20T10:00:00.000Z');
const A2 = key('key_a2', 'clinic-a', '2026-11-19T10:00:00.000Z');
const B1 = { ...key('key_b1', 'clinic-b', '2026-11-18T10:00:00.000Z'), scopes: ['analytics:read' as const] };

describe('createDynamoStore › API keys', () => {
  let t: TestTable;
  beforeAll(async () => {
    t = await testTable();
    for (const record of [A1, A2, B1]) await t.store.putApiKey(record);
  });
  afterAll(() => t.drop());

  it('stores exactly the record under its key and the clinic index', async () => {
    const stored = (await t.scanAll()).find((i) => i.PK === 'KEY#key_a1');

    expect(stored).toEqual({
      PK: 'KEY#key_a1',
      SK: 'KEY',
      GSI1PK: 'KEYS#clinic-a',
      GSI1SK: '2026-11-20T10:00:00.000Z#key_a1',
      type: 'apiKey',
      ...A1,
    });
  });

  it('reads a key back by id', async () => {
    expect(await t.store.getApiKey('key_b1')).toEqual(B1);
  });

  it('answers an unknown key id as absent', async () => {
    expect(await t.store.getApiKey('key_nope')).toBeUndefined();
    expect(await t.store.getApiKey('key#odd')).toBeUndefined();
  });

  it('refuses to overwrite an existing key id', async () => {
    await expect(t.store.putApiKey({ ...A1, clinicId: 'clinic-b' })).rejects.toBeInstanceOf(Conflict);
    expect(await t.store.getApiKey('key_a1')).toEqual(A1);
  });

  it("lists one clinic's keys, oldest first", async () => {
    expect(await t.store.listApiKeys('clinic-a')).toEqual([A2, A1]);
    expect(await t.store.listApiKeys('clinic-none')).toEqual([]);
  });

  it('lists every key for operators, and nothing else', async () => {
    expect(await t.store.listApiKeys()).toEqual([A2, A1, B1]);
  });

  it('revokes a key and keeps the first revocation time', async () => {
    const first = await t.store.revokeApiKey('key_a2', '2026-11-21T00:00:00.000Z');
    const again = await t.store.revokeApiKey('key_a2', '2026-11-22T00:00:00.000Z');

    expect(first).toEqual({ ...A2, revokedAt: '2026-11-21T00:00:00.000Z' });
    expect(again).toEqual({ ...A2, revokedAt: '2026-11-21T00:00:00.000Z' });
    expect(await t.store.getApiKey('key_a2')).toEqual({ ...A2, revokedAt: '2026-11-21T00:00:00.000Z' });
  });

  it('answers revoking an unknown key with NotFound and creates nothing', async () => {
    const before = await t.scanAll();

    await expect(t.store.revokeApiKey('key_ghost', '2026-11-21T00:00:00.000Z')).rejects.toBeInstanceOf(NotFound);
    expect(await t.scanAll()).toEqual(before);
  });
});
