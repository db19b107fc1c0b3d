import { describe, expect, it } from 'vitest';
import { complementMonths, periodsBetween, toGroup } from '../../packages/analytics/aggregates';
import {
  assessmentCounters,
  type Counters,
  type RollupPoint,
  type SubjectPeriod,
  subjectCounters,
  withoutPoint,
  withPoint,
} from '../../packages/analytics/rollup';
import { suppressionPolicy } from '../../packages/analytics/suppression';
import { getInstrument } from '../../packages/instruments';

const RULER_OUTCOME = getInstrument('readiness-ruler')!.outcome;

const policy = suppressionPolicy(10);
const counters = (subjects: number, n: number) => ({ subjects, n, 'c:readiness': n, 's:readiness': 5 * n, 'q:readiness': 25 * n });

describe('toGroup', () => {
  it('publishes mean and sd from the running sums', () => {
    // 1, 2 and 3, four times each: mean 2, sample variance (56 − 12·4) / 11
    const g = toGroup('2026-01', { subjects: 12, n: 12, 'c:x': 12, 's:x': 24, 'q:x': 56 }, policy);
    expect(g.scores.x!.mean).toEqual({ value: 2, suppressed: false });
    expect(g.scores.x!.sd.value).toBeCloseTo(Math.sqrt(8 / 11), 12);
  });

  it('hides a score resting on 1–10 values even in a large group', () => {
    const g = toGroup('2026-01', { subjects: 40, n: 40, 'c:x': 3, 's:x': 6, 'q:x': 14 }, policy);
    expect(g.scores.x).toEqual({ mean: { value: null, suppressed: true }, sd: { value: null, suppressed: true } });
  });
});

describe('toGroup from per-subject rollups', () => {
  const point = (id: string, day: string, scores: Record<string, number>): RollupPoint => ({
    id,
    administeredOn: day,
    createdAt: `${day}T10:00:00.000Z`,
    scores,
    categories: {},
  });
  /** Sums what each subject's records and assessments add, as the store's deltas do. */
  const rollup = (subjects: RollupPoint[][]): Counters => {
    const out: Counters = {};
    const add = (c: Counters) => {
      for (const [k, v] of Object.entries(c)) out[k] = (out[k] ?? 0) + v;
    };
    for (const points of subjects) {
      const record = points.reduce<SubjectPeriod | undefined>((r, p) => withPoint(r, p), undefined);
      add(subjectCounters(RULER_OUTCOME, record));
      for (const p of points) add(assessmentCounters(p));
    }
    return out;
  };

  it('hides a score resting on 1–10 subjects inside a large group, however many values it has', () => {
    // The reviewer's repro: 11 subjects answer importance only; 2 answer confidence 6 times each.
    const importanceOnly = Array.from({ length: 11 }, (_, i) => [point(`i${i}`, '2026-01-05', { importance: 5 + (i % 3) })]);
    const confidence = ['a', 'b'].map((s) =>
      Array.from({ length: 6 }, (_, k) => point(`${s}${k}`, `2026-01-${String(10 + k).padStart(2, '0')}`, { confidence: 3 + k })),
    );
    const counters = rollup([...importanceOnly, ...confidence]);
    expect(counters).toMatchObject({ subjects: 13, n: 23, 'c:confidence': 12, 'u:confidence': 2, 'c:importance': 11, 'u:importance': 11 });

    const g = toGroup('2026-01', counters, policy);
    expect(g.subjects).toEqual({ value: 13, suppressed: false });
    expect(g.scores.confidence).toEqual({ mean: { value: null, suppressed: true }, sd: { value: null, suppressed: true } });
    expect(g.scores.importance!.mean).toEqual({ value: (4 * 5 + 4 * 6 + 3 * 7) / 11, suppressed: false });
  });

  it('counts a subject for a score while any of its assessments in the period has it', () => {
    const [a, b] = [point('a', '2026-01-05', { confidence: 4, importance: 6 }), point('b', '2026-01-09', { importance: 7 })];
    const both = withPoint(withPoint(undefined, b), a);
    expect([both.count, both.first.id, both.latest.id]).toEqual([2, 'a', 'b']);
    expect(subjectCounters(RULER_OUTCOME, both)).toMatchObject({ 'u:confidence': 1, 'u:importance': 1, 'd:n': 1 });
    expect(subjectCounters(RULER_OUTCOME, withoutPoint(both, b, { latest: a }))).toEqual({
      subjects: 1,
      'u:confidence': 1,
      'u:importance': 1,
    });
    expect(subjectCounters(RULER_OUTCOME, withoutPoint(both, a, { first: b }))).toEqual({ subjects: 1, 'u:importance': 1 });
    expect(withoutPoint(withoutPoint(both, a, { first: b }), b)).toBeUndefined();
  });
});

describe('complementMonths', () => {
  const months = (spec: Record<string, [number, number]>) => {
    const periods = Object.keys(spec);
    const groups = periods.map((p) => toGroup(p, counters(...spec[p]!), policy));
    const counts = Object.fromEntries(periods.map((p) => [p, spec[p]![1]]));
    return complementMonths(groups, counts).map((g) => [g.period, g.subjects.value]);
  };

  it('hides the smallest other month when one month of a quarter is hidden', () => {
    expect(months({ '2026-01': [12, 30], '2026-02': [11, 20], '2026-03': [3, 3] })).toEqual([
      ['2026-01', 12],
      ['2026-02', null],
      ['2026-03', null],
    ]);
  });

  it('hides a third month when two hidden months could only hold one assessment each', () => {
    expect(months({ '2026-01': [1, 1], '2026-02': [1, 1], '2026-03': [50, 50] })).toEqual([
      ['2026-01', null],
      ['2026-02', null],
      ['2026-03', null],
    ]);
  });

  it('leaves quarters alone with none or two hidden months, and never uses an empty month', () => {
    expect(months({ '2026-04': [12, 30], '2026-05': [2, 2], '2026-06': [3, 3] })).toEqual([
      ['2026-04', 12],
      ['2026-05', null],
      ['2026-06', null],
    ]);
    expect(months({ '2026-07': [0, 0], '2026-08': [0, 0], '2026-09': [3, 3] })).toEqual([
      ['2026-07', 0],
      ['2026-08', 0],
      ['2026-09', null],
    ]);
  });
});

describe('periodsBetween', () => {
  it.each([
    ['2026-11', '2027-02', 'month', ['2026-11', '2026-12', '2027-01', '2027-02']],
    ['2026-11', '2027-02', 'quarter', ['2026-Q4', '2027-Q1']],
  ] as const)('%s … %s by %s', (from, to, kind, expected) => {
    expect(periodsBetween(from, to, kind)).toEqual(expected);
  });
});
