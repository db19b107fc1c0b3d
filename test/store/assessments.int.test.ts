import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Conflict, IdempotencyInFlight, IdempotencyMismatch } from '../../packages/domain/errors';
import { useTestTable } from '../support/dynamo';
import { createInput } from '../support/store-fixtures';

const NOW = new Date('2026-11-20T10:00:00.000Z');
const NOW_SECONDS = NOW.getTime() / 1000;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('createDynamoStore › assessments', () => {
  const t = useTestTable();

  describe('createAssessment', () => {
    const input = createInput({ clinicId: 'clinic-create', id: 'asm_c1', idempotencyKey: 'raw-key-c1' });

    it('stores exactly the assessment and a hashed idempotency record in one write', async () => {
      const store = t.storeWith({ now: () => NOW });

      expect(await store.createAssessment(input)).toEqual({ kind: 'created' });

      const all = await t.scanAll();
      const items = all.filter((i) => i.type === 'assessment' || i.type === 'idempotency');
      // The same transaction keeps the analytics rollups: a month and a quarter, counters and the
      // subject's heads, and the assessment's rollup point.
      expect(all.filter((i) => !items.includes(i)).map((i) => `${i.type} ${i.PK} ${i.SK}`)).toEqual([
        'aggregate C#clinic-create#AGG#urica M#2026-11#0', // the subject's counter shard (rollup-keys.ts)
        'aggregate C#clinic-create#AGG#urica Q#2026-Q4#0',
        'subjectPeriod C#clinic-create#SP#sub_v1_Zm9vYmFy urica#M#2026-11',
        'subjectPoint C#clinic-create#SP#sub_v1_Zm9vYmFy urica#P#2026-11-20#2026-11-20T10:00:00.000Z#asm_c1',
        'subjectPeriod C#clinic-create#SP#sub_v1_Zm9vYmFy urica#Q#2026-Q4',
      ]);
      expect(all.find((i) => i.SK === 'M#2026-11#0')).toEqual({
        PK: 'C#clinic-create#AGG#urica',
        SK: 'M#2026-11#0',
        type: 'aggregate',
        clinicId: 'clinic-create',
        instrumentId: 'urica',
        period: '2026-11',
        n: 1,
        subjects: 1,
        'c:precontemplation': 1,
        's:precontemplation': 2,
        'q:precontemplation': 4,
        'c:action': 1,
        's:action': 3,
        'q:action': 9,
        'c:maintenance': 1,
        's:maintenance': 2.857142857142857,
        'q:maintenance': 2.857142857142857 ** 2,
        'u:precontemplation': 1,
        'u:action': 1,
        'u:maintenance': 1,
      });
      expect(items).toEqual([
        {
          PK: 'C#clinic-create#ASM#asm_c1',
          SK: 'ASM',
          GSI1PK: 'C#clinic-create#SUB#sub_v1_Zm9vYmFy',
          GSI1SK: '2026-11-20#2026-11-20T10:00:00.000Z#asm_c1',
          GSI2PK: 'C#clinic-create#I#urica',
          GSI2SK: '2026-11-20#2026-11-20T10:00:00.000Z#asm_c1',
          type: 'assessment',
          clinicId: 'clinic-create',
          id: 'asm_c1',
          subjectId: 'sub_v1_Zm9vYmFy',
          keyVersion: 'v1',
          instrumentId: 'urica',
          instrumentVersion: '1.0.0',
          administeredOn: '2026-11-20',
          createdAt: '2026-11-20T10:00:00.000Z',
          answers: JSON.stringify(input.assessment.answers),
          view: JSON.stringify(input.assessment.view),
        },
        {
          PK: `C#clinic-create#IDEM#${sha256('raw-key-c1')}`,
          SK: 'IDEM',
          type: 'idempotency',
          requestHash: input.requestHash,
          assessmentId: 'asm_c1',
          responseStatus: 201,
          responseBody: JSON.stringify(input.response.body),
          createdAt: '2026-11-20T10:00:00.000Z',
          expiresAt: NOW_SECONDS + 48 * 3600,
        },
      ]);
      expect(JSON.stringify(items)).not.toContain('raw-key-c1');
    });

    it('reads back exactly what was stored', async () => {
      expect(await t.store.getAssessment('clinic-create', 'asm_c1')).toEqual(input.assessment);
    });

    it('replays the original response for the same key and body, storing nothing new', async () => {
      const before = await t.scanAll();
      const retry = { ...input, assessment: { ...input.assessment, id: 'asm_c1_retry' } };

      const outcome = await t.storeWith({ now: () => new Date(NOW.getTime() + 3_600_000) }).createAssessment(retry);

      expect(outcome).toEqual({ kind: 'replayed', response: { status: 201, body: input.response.body } });
      expect(await t.scanAll()).toEqual(before);
    });

    it('rejects the same key with another body and stores nothing new', async () => {
      const before = await t.scanAll();
      const other = { ...input, requestHash: `sha256:${'c'.repeat(64)}`, assessment: { ...input.assessment, id: 'asm_c1_other' } };
      const store = t.storeWith({ now: () => new Date(NOW.getTime() + 3_600_000) });

      await expect(store.createAssessment(other)).rejects.toBeInstanceOf(IdempotencyMismatch);
      expect(await t.scanAll()).toEqual(before);
    });

    it('rejects an assessment id that already exists without storing its idempotency record', async () => {
      const before = await t.scanAll();
      const clash = createInput({ clinicId: 'clinic-create', id: 'asm_c1', idempotencyKey: 'raw-key-c2' });
      const store = t.storeWith({ now: () => new Date(NOW.getTime() + 3_600_000) });

      await expect(store.createAssessment(clash)).rejects.toBeInstanceOf(Conflict);
      expect(await t.scanAll()).toEqual(before);
    });
  });

  describe('idempotency records', () => {
    it('are scoped to the clinic: another clinic may use the same key', async () => {
      const a = createInput({ clinicId: 'clinic-scope-a', id: 'asm_s1', idempotencyKey: 'shared-key' });
      const b = createInput({ clinicId: 'clinic-scope-b', id: 'asm_s2', idempotencyKey: 'shared-key' });

      expect(await t.store.createAssessment(a)).toEqual({ kind: 'created' });
      expect(await t.store.createAssessment(b)).toEqual({ kind: 'created' });

      const keys = (await t.scanAll())
        .filter((i) => String(i.PK).startsWith('C#clinic-scope-') && (i.type === 'assessment' || i.type === 'idempotency'))
        .map((i) => i.PK);
      expect(keys).toEqual([
        'C#clinic-scope-a#ASM#asm_s1',
        `C#clinic-scope-a#IDEM#${sha256('shared-key')}`,
        'C#clinic-scope-b#ASM#asm_s2',
        `C#clinic-scope-b#IDEM#${sha256('shared-key')}`,
      ]);
    });

    it('are treated as absent once expired, even before TTL deletes them', async () => {
      const first = createInput({ clinicId: 'clinic-ttl', id: 'asm_t1', idempotencyKey: 'ttl-key' });
      await t.storeWith({ now: () => NOW }).createAssessment(first);
      const later = new Date(NOW.getTime() + 49 * 3_600_000);
      const second = {
        ...createInput({ clinicId: 'clinic-ttl', id: 'asm_t2', idempotencyKey: 'ttl-key' }),
        requestHash: `sha256:${'d'.repeat(64)}`,
      };

      expect(await t.storeWith({ now: () => later }).createAssessment(second)).toEqual({ kind: 'created' });

      const items = (await t.scanAll()).filter(
        (i) => String(i.PK).startsWith('C#clinic-ttl#') && (i.type === 'assessment' || i.type === 'idempotency'),
      );
      expect(items.map((i) => i.PK)).toEqual([
        'C#clinic-ttl#ASM#asm_t1',
        'C#clinic-ttl#ASM#asm_t2',
        `C#clinic-ttl#IDEM#${sha256('ttl-key')}`,
      ]);
      expect(items[2]).toMatchObject({
        requestHash: `sha256:${'d'.repeat(64)}`,
        assessmentId: 'asm_t2',
        expiresAt: later.getTime() / 1000 + 48 * 3600,
      });
    });

    it('honour a configured retention', async () => {
      const input = createInput({ clinicId: 'clinic-ret', id: 'asm_r1', idempotencyKey: 'ret-key' });
      await t.storeWith({ now: () => NOW, idempotencyTtlHours: 24 }).createAssessment(input);

      const record = (await t.scanAll()).find((i) => i.PK === `C#clinic-ret#IDEM#${sha256('ret-key')}`);
      expect(record?.expiresAt).toBe(NOW_SECONDS + 24 * 3600);
    });

    it('refuse a retention under 24 hours', () => {
      expect(() => t.storeWith({ idempotencyTtlHours: 23 })).toThrow('idempotencyTtlHours must be at least 24.');
    });
  });

  it('stores one assessment when 20 identical requests race', async () => {
    const inputs = Array.from({ length: 20 }, (_, n) =>
      createInput({ clinicId: 'clinic-race', id: `asm_race_${n}`, idempotencyKey: 'race-key' }),
    );

    const results = await Promise.allSettled(inputs.map((input) => t.store.createAssessment(input)));

    const outcomes = results.map((r) =>
      r.status === 'fulfilled' ? r.value.kind : r.reason instanceof IdempotencyInFlight ? 'in-flight' : String(r.reason),
    );
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    expect(outcomes.every((o) => ['created', 'replayed', 'in-flight'].includes(o))).toBe(true);
    const replays = results.flatMap((r) => (r.status === 'fulfilled' && r.value.kind === 'replayed' ? [r.value.response] : []));
    const winner = inputs[outcomes.indexOf('created')]!;
    expect(replays.every((response) => JSON.stringify(response) === JSON.stringify(winner.response))).toBe(true);
    const stored = (await t.scanAll()).filter((i) => String(i.PK).startsWith('C#clinic-race#'));
    expect(stored.map((i) => i.PK)).toEqual([
      'C#clinic-race#AGG#urica',
      'C#clinic-race#AGG#urica',
      `C#clinic-race#ASM#${winner.assessment.id}`,
      `C#clinic-race#IDEM#${sha256('race-key')}`,
      'C#clinic-race#SP#sub_v1_Zm9vYmFy',
      'C#clinic-race#SP#sub_v1_Zm9vYmFy',
      'C#clinic-race#SP#sub_v1_Zm9vYmFy', // month and quarter heads, and the winner's rollup point
    ]);
    // Counted once, however many retries raced.
    expect(stored.filter((i) => i.type === 'aggregate').map((i) => [i.n, i.subjects])).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  describe('tenancy', () => {
    it("answers another clinic's assessment id as absent", async () => {
      await t.store.createAssessment(createInput({ clinicId: 'clinic-ten-a', id: 'asm_ten', idempotencyKey: 'ten' }));

      expect(await t.store.getAssessment('clinic-ten-a', 'asm_ten')).toMatchObject({ id: 'asm_ten', clinicId: 'clinic-ten-a' });
      expect(await t.store.getAssessment('clinic-ten-b', 'asm_ten')).toBeUndefined();
    });

    it("does not list another clinic's subject history", async () => {
      const page = await t.store.listSubjectAssessments('clinic-ten-b', 'sub_v1_Zm9vYmFy', { limit: 100 });

      expect(page).toEqual({ items: [] });
    });

    it('answers an unknown id as absent', async () => {
      expect(await t.store.getAssessment('clinic-ten-a', 'asm_missing')).toBeUndefined();
    });

    it('refuses a clinic id containing the key separator', async () => {
      await expect(t.store.getAssessment('clinic#ASM', 'x')).rejects.toThrow('must not contain "#"');
    });
  });
});
