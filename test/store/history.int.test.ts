import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../packages/domain/errors';
import type { StoredAssessment } from '../../packages/domain/records';
import { type TestTable, testTable } from '../support/dynamo';
import { createInput } from '../support/store-fixtures';

const SUBJECT = 'sub_v1_history';

/** Seven assessments; ids name their expected newest-first position. */
const SEED = [
  { id: 'asm_7', administeredOn: '2026-01-05', createdAt: '2026-01-05T09:00:00.000Z' },
  { id: 'asm_3', administeredOn: '2026-03-01', createdAt: '2026-03-02T08:00:00.000Z' },
  { id: 'asm_1', administeredOn: '2026-05-10', createdAt: '2026-05-10T12:00:00.000Z' },
  { id: 'asm_4', administeredOn: '2026-03-01', createdAt: '2026-03-01T08:00:00.000Z' },
  { id: 'asm_6', administeredOn: '2026-02-01', createdAt: '2026-02-01T10:00:00.000Z' },
  { id: 'asm_2', administeredOn: '2026-04-15', createdAt: '2026-04-15T10:00:00.000Z' },
  { id: 'asm_5', administeredOn: '2026-02-20', createdAt: '2026-02-20T10:00:00.000Z' },
];

describe('createDynamoStore › listSubjectAssessments', () => {
  let t: TestTable;
  beforeAll(async () => {
    t = await testTable();
    for (const [n, row] of SEED.entries()) {
      await t.store.createAssessment(createInput({ clinicId: 'clinic-h', subjectId: SUBJECT, idempotencyKey: `h-${n}`, ...row }));
    }
    await t.store.createAssessment(
      createInput({ clinicId: 'clinic-h', subjectId: 'sub_v1_other', id: 'asm_other', idempotencyKey: 'h-x' }),
    );
    await t.store.createAssessment(
      createInput({ clinicId: 'clinic-h2', subjectId: SUBJECT, id: 'asm_h2', idempotencyKey: 'h-y', administeredOn: '2025-12-01' }),
    );
  });
  afterAll(() => t.drop());

  const ids = (items: StoredAssessment[]) => items.map((a) => a.id);

  it('pages newest first by administeredOn then createdAt, 3 + 3 + 1, without duplicates', async () => {
    const first = await t.store.listSubjectAssessments('clinic-h', SUBJECT, { limit: 3 });
    const second = await t.store.listSubjectAssessments('clinic-h', SUBJECT, { limit: 3, cursor: first.cursor });
    const third = await t.store.listSubjectAssessments('clinic-h', SUBJECT, { limit: 3, cursor: second.cursor });

    expect(ids(first.items)).toEqual(['asm_1', 'asm_2', 'asm_3']);
    expect(ids(second.items)).toEqual(['asm_4', 'asm_5', 'asm_6']);
    expect(ids(third.items)).toEqual(['asm_7']);
    expect(third.cursor).toBeUndefined();
    expect(typeof first.cursor).toBe('string');
    expect(first.cursor).not.toEqual(second.cursor);
  });

  it('returns full stored assessments', async () => {
    const { items } = await t.store.listSubjectAssessments('clinic-h', SUBJECT, { limit: 1 });

    expect(items).toEqual([
      createInput({
        clinicId: 'clinic-h',
        subjectId: SUBJECT,
        id: 'asm_1',
        administeredOn: '2026-05-10',
        createdAt: '2026-05-10T12:00:00.000Z',
      }).assessment,
    ]);
  });

  it('omits the cursor when the last page is exactly full', async () => {
    const page = await t.store.listSubjectAssessments('clinic-h', SUBJECT, { limit: 7 });

    expect(ids(page.items)).toEqual(['asm_1', 'asm_2', 'asm_3', 'asm_4', 'asm_5', 'asm_6', 'asm_7']);
    expect(page.cursor).toBeUndefined();
  });

  it('answers an unknown subject with an empty page', async () => {
    expect(await t.store.listSubjectAssessments('clinic-h', 'sub_v1_nobody', { limit: 10 })).toEqual({ items: [] });
  });

  it("keeps a cursor inside the caller's clinic and subject", async () => {
    const { cursor } = await t.store.listSubjectAssessments('clinic-h', SUBJECT, { limit: 1 });

    const otherClinic = await t.store.listSubjectAssessments('clinic-h2', SUBJECT, { limit: 10, cursor });
    const otherSubject = await t.store.listSubjectAssessments('clinic-h', 'sub_v1_other', { limit: 10, cursor });

    expect(ids(otherClinic.items)).toEqual(['asm_h2']);
    expect(otherSubject.items).toEqual([]);
  });

  it('resumes after a hand-made cursor naming a position, never outside the partition', async () => {
    // The store's cursor is the position itself (the API seals it before a client sees it).
    const cursor = '2026-03-01#2026-03-02T08:00:00.000Z#asm_3';

    const page = await t.store.listSubjectAssessments('clinic-h', SUBJECT, { limit: 10, cursor });

    expect(ids(page.items)).toEqual(['asm_4', 'asm_5', 'asm_6', 'asm_7']);
  });

  it.each([
    ['not a position', '!!!not-a-cursor'],
    ['JSON', JSON.stringify({ sk: '2026-01-01#2026-01-01T00:00:00.000Z#asm_x', id: 'asm_x' })],
    ['a position without a day', 'x#2026-01-01T00:00:00.000Z#asm_x'],
    ['a position naming no assessment id', '2026-01-01#2026-01-01T00:00:00.000Z#x'],
    ['an empty id', '2026-01-01#2026-01-01T00:00:00.000Z#'],
    ['a position with an extra part', '2026-01-01#a#b#asm_x'],
  ])('rejects a cursor that is %s', async (_, cursor) => {
    const attempt = t.store.listSubjectAssessments('clinic-h', SUBJECT, { limit: 3, cursor });

    await expect(attempt).rejects.toEqual(new ValidationError([{ path: 'cursor', message: 'The cursor is not valid.' }], 'malformed'));
    await expect(attempt).rejects.toMatchObject({ kind: 'malformed', errors: [{ path: 'cursor', message: 'The cursor is not valid.' }] });
  });

  it.each([0, 101, 2.5, Number.NaN])('rejects limit %s', async (limit) => {
    await expect(t.store.listSubjectAssessments('clinic-h', SUBJECT, { limit })).rejects.toMatchObject({
      name: 'ValidationError',
      kind: 'malformed',
      errors: [{ path: 'limit', message: 'The limit must be an integer from 1 to 100.' }],
    });
  });
});
