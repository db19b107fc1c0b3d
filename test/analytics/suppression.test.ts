import { describe, expect, it } from 'vitest';
import {
  type GroupInput,
  type Published,
  type SuppressedDistribution,
  suppressDistribution,
  suppressGroup,
  suppressionPolicy,
} from '../../packages/analytics/suppression';

/** Compact, lossless view of a published value: the number, or 'S' when suppressed. */
const v = (p: Published<number | null>) => (p.suppressed ? 'S' : p.value);
const view = (d: SuppressedDistribution) => ({
  total: v(d.total),
  cells: Object.fromEntries(Object.entries(d.cells).map(([k, p]) => [k, v(p)])),
});
const ones = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${String(i).padStart(2, '0')}`, 1]));

describe('suppressionPolicy', () => {
  it.each([10, 11, 25])('accepts threshold %d', (t) => expect(suppressionPolicy(t)).toEqual({ threshold: t }));
  it.each([9, 0, -1, 10.5, Number.NaN, Infinity])('rejects threshold %d: configurable only upward', (t) => {
    expect(() => suppressionPolicy(t)).toThrow(RangeError);
  });
  it('defaults to the CMS threshold of 10', () => expect(suppressionPolicy()).toEqual({ threshold: 10 }));
});

describe('suppressDistribution (hand-computed)', () => {
  it.each([
    ['everything above threshold', 10, 40, { a: 15, b: 25 }, 40, { a: 15, b: 25 }],
    [
      'one small cell, next-smallest non-zero complement',
      10,
      40,
      { precontemplation: 3, contemplation: 25, action: 12, maintenance: 0 },
      40,
      { precontemplation: 'S', contemplation: 25, action: 'S', maintenance: 0 },
    ],
    ['11 is published at threshold 10', 10, 30, { a: 11, b: 19 }, 30, { a: 11, b: 19 }],
    ['11 is small at threshold 11', 11, 30, { a: 11, b: 19 }, 30, { a: 'S', b: 'S' }],
    ['tie for complement goes to the first key', 10, 45, { c: 5, b: 20, a: 20 }, 45, { c: 'S', b: 20, a: 'S' }],
    ['zero never chosen as complement', 10, 30, { a: 4, b: 0, c: 26 }, 30, { a: 'S', b: 0, c: 'S' }],
    ['two small cells protect each other', 10, 50, { z: 5, b: 20, a: 20, c: 5 }, 50, { z: 'S', b: 20, a: 20, c: 'S' }],
    ['all cells small, total published', 10, 18, { a: 9, b: 9 }, 18, { a: 'S', b: 'S' }],
    ['threshold itself is small, threshold+1 is the complement', 10, 21, { a: 10, b: 11 }, 21, { a: 'S', b: 'S' }],
    ['single category above threshold', 10, 25, { only: 25 }, 25, { only: 25 }],
    ['single category at or below threshold', 10, 7, { only: 7 }, 'S', { only: 'S' }],
    ['1+1 forced split: remainder 2 over two cells ⇒ suppress more', 10, 24, { a: 1, b: 1, c: 22 }, 24, { a: 'S', b: 'S', c: 'S' }],
    ['1+1 forced split: smallest of the rest is chosen', 10, 40, { a: 1, b: 1, c: 15, d: 23 }, 40, { a: 'S', b: 'S', c: 'S', d: 23 }],
    ['1+1+1 forced split', 10, 33, { a: 1, b: 1, c: 1, d: 30 }, 33, { a: 'S', b: 'S', c: 'S', d: 'S' }],
    ['1+2 is not forced (1 or 2 each): no extra suppression', 10, 23, { a: 1, b: 2, c: 20 }, 23, { a: 'S', b: 'S', c: 20 }],
    ['10+10 forced split: two hidden cells ≤ 10 summing to 20', 10, 31, { a: 11, b: 10, c: 10 }, 31, { a: 'S', b: 'S', c: 'S' }],
    ['11+11 forced split at threshold 11', 11, 40, { a: 11, b: 11, c: 18 }, 40, { a: 'S', b: 'S', c: 'S' }],
    ['complement boxed in by a published 11 ⇒ suppress that too', 10, 32, { a: 11, b: 11, c: 10 }, 32, { a: 'S', b: 'S', c: 'S' }],
    ['complement with room above it stays alone', 10, 33, { a: 11, b: 12, c: 10 }, 33, { a: 'S', b: 12, c: 'S' }],
    ['1 + 11 with nothing left: the total is hidden', 10, 12, { a: 1, b: 11 }, 'S', { a: 'S', b: 'S' }],
    ['10+10+10: every cell forced, the total is hidden', 10, 30, { a: 10, b: 10, c: 10 }, 'S', { a: 'S', b: 'S', c: 'S' }],
    ['zeros stay published beside a forced split', 10, 32, { a: 1, b: 1, z: 0, big: 30 }, 32, { a: 'S', b: 'S', z: 0, big: 'S' }],
    ['total ≤ threshold hides the whole table, zeros too', 10, 8, { a: 5, b: 3, c: 0 }, 'S', { a: 'S', b: 'S', c: 'S' }],
    ['total of 11 at threshold 10', 10, 11, { a: 11, b: 0 }, 11, { a: 11, b: 0 }],
    ['total of 11 at threshold 11', 11, 11, { a: 11, b: 0 }, 'S', { a: 'S', b: 'S' }],
    ['empty distribution publishes zeros', 10, 0, { a: 0, b: 0 }, 0, { a: 0, b: 0 }],
    [
      'every cell 1 and nothing left: the total is hidden',
      10,
      12,
      ones(12),
      'S',
      Object.fromEntries(Object.keys(ones(12)).map((k) => [k, 'S'])),
    ],
  ] as const)('%s (threshold %d)', (_name, threshold, total, cells, expectedTotal, expectedCells) => {
    const result = suppressDistribution(total, { ...cells }, suppressionPolicy(threshold));

    expect(result.threshold).toBe(threshold);
    expect(view(result)).toEqual({ total: expectedTotal, cells: expectedCells });
  });

  it('renders a suppressed cell as null flagged suppressed, never 0', () => {
    const result = suppressDistribution(30, { a: 4, b: 0, c: 26 }, suppressionPolicy());

    expect(result).toEqual({
      threshold: 10,
      total: { value: 30, suppressed: false },
      cells: {
        a: { value: null, suppressed: true },
        b: { value: 0, suppressed: false },
        c: { value: null, suppressed: true },
      },
    });
  });

  it.each([
    ['cells not summing to the total', 10, { a: 4, b: 5 }],
    ['a negative cell', 1, { a: 2, b: -1 }],
    ['a fractional cell', 3, { a: 1.5, b: 1.5 }],
  ])('rejects %s', (_name, total, cells) => {
    expect(() => suppressDistribution(total, cells, suppressionPolicy())).toThrow(RangeError);
  });

  it('rejects a policy whose threshold is below 10 even when built by hand', () => {
    expect(() => suppressDistribution(20, { a: 20 }, { threshold: 5 })).toThrow(RangeError);
  });
});

describe('suppressGroup', () => {
  const group = (over: Partial<GroupInput> = {}): GroupInput => ({
    subjects: 42,
    assessments: 57,
    scores: { readiness: { n: 57, mean: 6.1, sd: 2.2 }, change: { n: 14, mean: 1.5, sd: 0.9, subjects: 14 } },
    distributions: {
      stage: { total: 42, cells: { precontemplation: 3, contemplation: 25, action: 14 } },
      change: { total: 14, cells: { improved: 9, unchanged: 5, worse: 0 } },
    },
    ...over,
  });

  it('publishes counts and statistics of a group above threshold, suppressing its distributions cell by cell', () => {
    const result = suppressGroup(group(), suppressionPolicy());

    expect(result.threshold).toBe(10);
    expect([v(result.subjects), v(result.assessments)]).toEqual([42, 57]);
    expect(result.scores['readiness']).toEqual({ mean: { value: 6.1, suppressed: false }, sd: { value: 2.2, suppressed: false } });
    expect(result.scores['change']).toEqual({ mean: { value: 1.5, suppressed: false }, sd: { value: 0.9, suppressed: false } });
    expect(view(result.distributions['stage']!)).toEqual({ total: 42, cells: { precontemplation: 'S', contemplation: 25, action: 'S' } });
    expect(view(result.distributions['change']!)).toEqual({ total: 14, cells: { improved: 'S', unchanged: 'S', worse: 0 } });
  });

  it.each([1, 7, 10])('withholds everything in a group of %d subjects, zeros included', (subjects) => {
    const input = group({ subjects, distributions: { stage: { total: subjects, cells: { contemplation: subjects, action: 0 } } } });

    const result = suppressGroup(input, suppressionPolicy());

    const S = { value: null, suppressed: true };
    expect(result).toEqual({
      threshold: 10,
      subjects: S,
      assessments: S,
      scores: { readiness: { mean: S, sd: S }, change: { mean: S, sd: S } },
      distributions: { stage: { threshold: 10, total: S, cells: { contemplation: S, action: S } } },
    });
  });

  it('withholds a group of 11 at threshold 11 but not at 10', () => {
    const input = group({ subjects: 11, distributions: {} });

    expect(suppressGroup(input, suppressionPolicy(11)).subjects.suppressed).toBe(true);
    expect(suppressGroup(input, suppressionPolicy(10)).subjects).toEqual({ value: 11, suppressed: false });
  });

  it('suppresses a score that rests on 1..threshold subjects or values; null (not suppressed) with no data', () => {
    const scores = { change: { n: 6, mean: 2, sd: 1, subjects: 6 }, few: { n: 3, mean: 4, sd: 1 }, none: { n: 0, mean: null, sd: null } };

    const result = suppressGroup(group({ scores }), suppressionPolicy());

    const S = { value: null, suppressed: true };
    expect(result.scores).toEqual({
      change: { mean: S, sd: S },
      few: { mean: S, sd: S },
      none: { mean: { value: null, suppressed: false }, sd: { value: null, suppressed: false } },
    });
  });

  it('withholds the whole group when a distribution must hide a total equal to its subject count', () => {
    const result = suppressGroup(group({ subjects: 12, distributions: { stage: { total: 12, cells: ones(12) } } }), suppressionPolicy());

    expect([v(result.subjects), v(result.assessments), v(result.distributions['stage']!.total)]).toEqual(['S', 'S', 'S']);
    expect(result.scores['readiness']).toEqual({ mean: { value: null, suppressed: true }, sd: { value: null, suppressed: true } });
  });
});
