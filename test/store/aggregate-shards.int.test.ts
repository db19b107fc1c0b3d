import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGGREGATE_SHARDS, aggregateShard } from '../../packages/store/rollup-keys';
import { type TestTable, testTable } from '../support/dynamo';
import { createInput } from '../support/store-fixtures';

const CLINIC = 'clinic-shards';
const SUBJECTS = Array.from({ length: 24 }, (_, i) => `sub_1_shard${String(i).padStart(2, '0')}`);

describe('aggregate counters spread over shards', () => {
  let t: TestTable;
  beforeAll(async () => {
    t = await testTable();
    // 24 subjects, one November assessment each, written in parallel as a busy clinic would.
    await Promise.all(
      SUBJECTS.map((subjectId, i) =>
        t.store.createAssessment(createInput({ clinicId: CLINIC, id: `asm_sh${i}`, idempotencyKey: `sh-${i}`, subjectId })),
      ),
    );
  });
  afterAll(() => t.drop());

  it("puts each subject's counters on its own shard of the period, several shards in all", async () => {
    const months = (await t.scanAll()).filter((i) => i.type === 'aggregate' && String(i.SK).startsWith('M#'));
    const expected = new Map<string, number>();
    for (const subjectId of SUBJECTS) {
      const sk = `M#2026-11#${aggregateShard(subjectId)}`;
      expected.set(sk, (expected.get(sk) ?? 0) + 1);
    }

    expect(new Map(months.map((i) => [String(i.SK), i.n]))).toEqual(expected);
    expect(expected.size).toBe(4); // every shard in use
    expect(months.every((i) => i.period === '2026-11' && i.PK === `C#${CLINIC}#AGG#urica`)).toBe(true);
  });

  it('sums the shards back to exact counters, one entry per period', async () => {
    const [month, ...others] = await t.store.listAggregates(CLINIC, 'urica', 'month', '2026-01', '2026-12');

    expect(others).toEqual([]);
    expect(month?.period).toBe('2026-11');
    expect(month?.counters).toMatchObject({
      n: 24,
      subjects: 24,
      'c:precontemplation': 24,
      's:precontemplation': 48,
      'q:precontemplation': 96,
      'u:precontemplation': 24,
    });
    expect(month?.counters['s:maintenance']).toBeCloseTo(24 * 2.857142857142857, 10);
  });

  it('still counts counter items written before sharding (no shard suffix), and keeps periods apart', async () => {
    await t.client.send(
      new PutItemCommand({
        TableName: t.tableName,
        Item: marshall({
          PK: `C#${CLINIC}#AGG#urica`,
          SK: 'M#2026-10',
          type: 'aggregate',
          clinicId: CLINIC,
          instrumentId: 'urica',
          period: '2026-10',
          n: 5,
          subjects: 4,
        }),
      }),
    );
    await t.store.createAssessment(
      createInput({ clinicId: CLINIC, id: 'asm_oct', idempotencyKey: 'sh-oct', subjectId: SUBJECTS[0], administeredOn: '2026-10-09' }),
    );

    const both = await t.store.listAggregates(CLINIC, 'urica', 'month', '2026-10', '2026-11');
    const october = await t.store.listAggregates(CLINIC, 'urica', 'month', '2026-10', '2026-10');

    expect(both.map((g) => [g.period, g.counters.n, g.counters.subjects])).toEqual([
      ['2026-10', 6, 5],
      ['2026-11', 24, 24],
    ]);
    expect(october.map((g) => [g.period, g.counters.n])).toEqual([['2026-10', 6]]);
  });
});

describe('aggregateShard', () => {
  it('is stable, within range, and spreads pseudonymous ids evenly', () => {
    const ids = Array.from({ length: 4000 }, (_, i) => `sub_1_${Buffer.from(`subject-${i}`).toString('base64url')}`);
    const shards = ids.map(aggregateShard);
    const counts = Array.from({ length: AGGREGATE_SHARDS }, (_, shard) => shards.filter((s) => s === shard).length);

    // Stable: the shard is part of the stored key, so these must never change.
    expect(['sub_v1_Zm9vYmFy', 'sub_1_a', 'sub_1_b', 'sub_2_zz'].map(aggregateShard)).toEqual([0, 0, 1, 0]);
    expect(shards.every((s) => Number.isInteger(s) && s >= 0 && s < AGGREGATE_SHARDS)).toBe(true);
    // 1,000 expected per shard; a fair split stays well within ±10 %.
    for (const count of counts) expect(count).toBeGreaterThan(900);
    for (const count of counts) expect(count).toBeLessThan(1100);
  });
});
