import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFound, ValidationError } from '../../packages/domain/errors';
import type { Rescore } from '../../packages/domain/records';
import { type TestTable, testTable } from '../support/dynamo';
import { createInput } from '../support/store-fixtures';

const rescoreEntry = (hash: string): Rescore => ({
  instrument: { id: 'urica', version: '1.1.0' },
  complete: true,
  missing: [],
  scores: { readiness: 8 },
  interpretation: { stage: 'precontemplation' },
  guidance: [],
  provenance: { algorithm: 'urica-28', algorithmVersion: '1.1.0', definitionHash: hash },
  rescoredAt: '2026-11-25T12:00:00.000Z',
});

describe('createDynamoStore › re-scoring', () => {
  let t: TestTable;
  beforeAll(async () => {
    t = await testTable();
    for (const [i, clinicId] of ['clinic-a', 'clinic-b', 'clinic-a'].entries()) {
      await t.store.createAssessment(createInput({ clinicId, id: `asm_s${i}`, idempotencyKey: `k${i}` }));
    }
  });
  afterAll(() => t.drop());

  it('scans every clinic’s assessments of one instrument, page by page', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await t.store.scanAssessments('urica', { limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((a) => `${a.clinicId}/${a.id}`));
      cursor = page.cursor;
      pages += 1;
    } while (cursor && pages < 20);

    expect(seen.sort()).toEqual(['clinic-a/asm_s0', 'clinic-a/asm_s2', 'clinic-b/asm_s1']);
    expect((await t.store.scanAssessments('rcq', { limit: 10 })).items).toEqual([]);
    await expect(t.store.scanAssessments('urica', { limit: 2, cursor: '%%%' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('appends a re-scoring once per definition hash and keeps the original view', async () => {
    const before = await t.store.getAssessment('clinic-a', 'asm_s0');

    expect(await t.store.addRescore('clinic-a', 'asm_s0', rescoreEntry('sha256:new'))).toBe(true);
    expect(await t.store.addRescore('clinic-a', 'asm_s0', rescoreEntry('sha256:new'))).toBe(false);
    expect(await t.store.addRescore('clinic-a', 'asm_s0', rescoreEntry('sha256:newer'))).toBe(true);
    const after = await t.store.getAssessment('clinic-a', 'asm_s0');

    expect(after!.view).toEqual(before!.view);
    expect(after!.rescores!.map((r) => r.provenance.definitionHash)).toEqual(['sha256:new', 'sha256:newer']);
    expect(after!.rescores![0]).toEqual(rescoreEntry('sha256:new'));
  });

  it('answers NotFound for an assessment that does not exist (or is another clinic’s)', async () => {
    await expect(t.store.addRescore('clinic-b', 'asm_s0', rescoreEntry('sha256:x'))).rejects.toBeInstanceOf(NotFound);
    expect((await t.scanAll()).filter((i) => i.PK === 'C#clinic-b#ASM#asm_s0')).toEqual([]);
  });
});
