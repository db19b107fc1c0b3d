import { describe, expect, it } from 'vitest';
import { complementMonths, periodsBetween, toGroup } from '../../packages/analytics/aggregates';
import { suppressionPolicy } from '../../packages/analytics/suppression';

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
