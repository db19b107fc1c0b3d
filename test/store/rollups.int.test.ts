import { describe, expect, it } from 'vitest';
import { periodOf } from '../../packages/analytics/rollup';
import type { CreateAssessment } from '../../packages/store/port';
import { useTestTable } from '../support/dynamo';
import { recomputeCounters, storedRows } from '../support/rollup-oracle';
import { createInput } from '../support/store-fixtures';

/** Deterministic PRNG (mulberry32) so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ['sub_1_a', 'sub_1_b', 'sub_1_c', 'sub_1_d'];
const DAYS = ['2026-09-03', '2026-09-20', '2026-10-02', '2026-10-02', '2026-10-29', '2026-11-11'];
const STAGES = ['precontemplation', 'contemplation', 'action', null] as const;

function readinessInput(random: () => number, n: number): CreateAssessment {
  const base = createInput({
    clinicId: 'clinic-roll',
    id: `asm_r${n}`,
    idempotencyKey: `roll-${n}`,
    subjectId: SUBJECTS[Math.floor(random() * SUBJECTS.length)]!,
    administeredOn: DAYS[Math.floor(random() * DAYS.length)]!,
    createdAt: `2026-11-20T10:00:${String(n % 60).padStart(2, '0')}.${String(n).padStart(3, '0')}Z`,
  });
  const readiness = random() < 0.15 ? null : Math.floor(random() * 29) / 2 - 2; // −2..12 in halves, sometimes missing
  const stage = STAGES[Math.floor(random() * STAGES.length)]!;
  const view = { ...base.assessment.view, scores: { readiness, action: Math.floor(random() * 5) + 1 }, interpretation: { stage } };
  return { ...base, assessment: { ...base.assessment, view }, response: { status: 201, body: view } };
}

describe('rollups stay equal to a from-scratch recomputation', () => {
  const t = useTestTable();

  it.each([1, 2, 3])('after a random sequence of creates, replays and deletes (seed %i)', async (seed) => {
    const random = rng(seed);
    const clinic = `clinic-roll`;
    const created: CreateAssessment[] = [];
    for (let n = seed * 1000; n < seed * 1000 + 40; n += 1) {
      const roll = random();
      if (roll < 0.6 || created.length === 0) {
        const input = readinessInput(random, n);
        await t.store.createAssessment(input);
        created.push(input);
      } else if (roll < 0.8) {
        const again = created[Math.floor(random() * created.length)]!;
        await t.store.createAssessment(again).catch(() => undefined); // replay (or 404 after delete): never counts
      } else {
        const [victim] = created.splice(Math.floor(random() * created.length), 1);
        await t.store.deleteAssessment(clinic, victim!.assessment.id);
      }
    }
    const rows = storedRows(await t.scanAll(), clinic);

    for (const [kind, from, to] of [
      ['month', '2026-09', '2026-11'],
      ['quarter', '2026-Q3', '2026-Q4'],
    ] as const) {
      const stored = await t.store.listAggregates(clinic, 'urica', kind, from, to);
      for (const { period, counters } of stored) {
        const expected = recomputeCounters(rows, 'urica', kind, period);
        const nonZero = Object.fromEntries(Object.entries(counters).filter(([, v]) => Math.abs(v) > 1e-9));
        expect(Object.keys(nonZero).sort(), `${kind} ${period}`).toEqual(Object.keys(expected).sort());
        for (const [k, v] of Object.entries(expected)) expect(nonZero[k], `${kind} ${period} ${k}`).toBeCloseTo(v, 9);
      }
      const periods = new Set(rows.map((r) => periodOf(r.administeredOn, kind)));
      expect(
        stored
          .filter((s) => (s.counters.n ?? 0) > 0)
          .map((s) => s.period)
          .sort(),
      ).toEqual([...periods].sort());
    }
    // Clean up for the next seed: delete what is left.
    for (const input of created) await t.store.deleteAssessment(clinic, input.assessment.id);
    const left = (await t.scanAll()).filter((i) => i.type === 'subjectPeriod' || i.type === 'assessment');
    expect(left).toEqual([]);
    expect((await t.scanAll()).filter((i) => i.type === 'subjectPoint')).toEqual([]);
  });
});
