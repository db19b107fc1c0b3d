import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateAssessment } from '../../packages/store/port';
import { itemBytes, meterCapacity } from '../support/capacity';
import { type TestTable, testTable } from '../support/dynamo';
import { rng } from '../support/random';
import { expectExactCounters, storedRows } from '../support/rollup-oracle';
import { createInput, withScores } from '../support/store-fixtures';

const CLINIC = 'clinic-long';
const SUBJECT = 'sub_1_longrunningclient';
const WRITES = 3_000;
/** Writes whose consumed capacity is compared; they carry the same scores, so only the history differs. */
const MEASURED = [1, 2_000, WRITES];
const STAGES = ['precontemplation', 'contemplation', 'action', null] as const;
const Q4_START = Date.parse('2026-10-01T00:00:00Z');

/** Assessment `n` of the one client: a random day of 2026-Q4, random scores (some missing). */
function nth(random: () => number, n: number): CreateAssessment {
  const day = new Date(Q4_START + Math.floor(random() * 92) * 86_400_000).toISOString().slice(0, 10);
  const base = createInput({
    clinicId: CLINIC,
    id: `asm_long${n}`,
    idempotencyKey: `long-${n}`,
    subjectId: SUBJECT,
    administeredOn: day,
    createdAt: new Date(Date.parse('2027-01-02T00:00:00Z') + n * 1000).toISOString(),
  });
  const measured = MEASURED.includes(n);
  const readiness = measured ? 6 : random() < 0.1 ? null : Math.floor(random() * 29) / 2 - 2;
  const action = measured ? 3 : random() < 0.1 ? null : Math.floor(random() * 5) + 1;
  const stage = measured ? 'contemplation' : STAGES[Math.floor(random() * STAGES.length)]!;
  return withScores(base, { readiness, action }, { stage });
}

describe('one client with 3,000 assessments in one quarter (a back-filled daily ruler)', () => {
  let t: TestTable;
  /** Every item of the table once the 3,000 writes are done. */
  let items: Record<string, unknown>[];
  const outcomes: string[] = [];
  const cost = new Map<number, number>();

  beforeAll(async () => {
    t = await testTable();
    const meter = meterCapacity(t.client);
    const random = rng(9);
    // why sequential: every one of them moves the same quarter head, so parallel writes would only retry.
    for (let n = 1; n <= WRITES; n += 1) {
      const input = nth(random, n);
      meter.start();
      outcomes.push(
        await t.store.createAssessment(input).then(
          (o) => o.kind,
          (e: Error) => `${e.name}: ${e.message}`,
        ),
      );
      const { reported } = meter.stop();
      if (MEASURED.includes(n)) cost.set(n, reported.reads + reported.writes);
    }
    items = await t.scanAll();
  }, 300_000);
  afterAll(() => t.drop());

  it('stores every one of them', async () => {
    const failed = outcomes.map((o, i) => [i + 1, o]).filter(([, o]) => o !== 'created');

    expect(failed.slice(0, 3)).toEqual([]);
    expect(outcomes).toHaveLength(WRITES);
    expect(storedRows(items, CLINIC)).toHaveLength(WRITES);
  });

  it('consumes the same capacity at the 2,000th and the 3,000th write as at the 1st (±10 %)', () => {
    const first = cost.get(1)!;

    expect(first).toBeGreaterThan(0);
    for (const n of [2_000, WRITES])
      expect(Math.abs(cost.get(n)! / first - 1), `write #${n}: ${cost.get(n)} vs ${first}`).toBeLessThanOrEqual(0.1);
  });

  it('keeps every item small: one head per period, one point per assessment', () => {
    const largest = Math.max(...items.map((i) => itemBytes(marshall(i))));

    expect(largest).toBeLessThan(4 * 1024);
    expect(items.filter((i) => i.type === 'subjectPeriod').map((i) => [i.SK, JSON.parse(i.head as string).count])).toEqual([
      ['urica#M#2026-10', expect.any(Number)],
      ['urica#M#2026-11', expect.any(Number)],
      ['urica#M#2026-12', expect.any(Number)],
      ['urica#Q#2026-Q4', WRITES],
    ]);
    expect(items.filter((i) => i.type === 'subjectPoint')).toHaveLength(WRITES);
  });

  it('keeps the month and quarter aggregates exact against a recomputation from the stored assessments', async () => {
    const rows = storedRows(items, CLINIC);

    expect(await expectExactCounters(t.store, rows, CLINIC, 'urica', 'month', '2026-10', '2026-12')).toEqual([
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(await expectExactCounters(t.store, rows, CLINIC, 'urica', 'quarter', '2026-Q4', '2026-Q4')).toEqual(['2026-Q4']);
  });

  it('stays exact after deleting the first, the latest, a month’s first and latest, and some between', async () => {
    const order = (r: { administeredOn: string; createdAt: string; id: string }) => `${r.administeredOn}#${r.createdAt}#${r.id}`;
    const sorted = storedRows(items, CLINIC).sort((a, b) => (order(a) < order(b) ? -1 : 1));
    const november = sorted.filter((r) => r.administeredOn.startsWith('2026-11'));
    const victims = new Set(
      [sorted[0]!, sorted[1]!, sorted.at(-1)!, november[0]!, november.at(-1)!, sorted[1500]!, sorted[2222]!].map((r) => r.id),
    );

    for (const id of victims) await t.store.deleteAssessment(CLINIC, id);

    const after = await t.scanAll();
    const rows = storedRows(after, CLINIC);
    expect(rows).toHaveLength(WRITES - victims.size);
    await expectExactCounters(t.store, rows, CLINIC, 'urica', 'month', '2026-10', '2026-12');
    await expectExactCounters(t.store, rows, CLINIC, 'urica', 'quarter', '2026-Q4', '2026-Q4');
    const points = after.filter((i) => i.type === 'subjectPoint').map((i) => JSON.parse(i.point as string).id);
    expect(points.sort()).toEqual(rows.map((r) => r.id).sort());
    const quarter = JSON.parse(after.find((i) => i.SK === 'urica#Q#2026-Q4')!.head as string);
    const remaining = rows.sort((a, b) => (order(a) < order(b) ? -1 : 1));
    expect([quarter.count, quarter.first.id, quarter.latest.id]).toEqual([remaining.length, remaining[0]!.id, remaining.at(-1)!.id]);
  });
});
