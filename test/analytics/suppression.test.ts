import fc from 'fast-check';
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

// ---- properties -------------------------------------------------------------------------------

const KEYS = ['a', 'b', 'c', 'd', 'e'];
const count = (max: number) => fc.oneof(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max }));
const distribution = (maxCells: number, max: number) =>
  fc
    .record({
      threshold: fc.integer({ min: 10, max: 12 }),
      counts: fc.array(count(max), { minLength: 1, maxLength: maxCells }),
    })
    .map(({ threshold, counts }) => ({
      threshold,
      total: counts.reduce((s, c) => s + c, 0),
      cells: Object.fromEntries(counts.map((c, i) => [KEYS[i]!, c])),
    }));

/**
 * Independent brute-force attacker. Sees only the published output; enumerates every assignment of
 * the suppressed cells in `min..total` summing to total − Σ published, and returns the feasible
 * values of each suppressed cell (stops early once each has two: that is all the caller asks).
 */
function feasibleValues(out: SuppressedDistribution, min: number): Map<string, Set<number>> {
  const total = out.total.value!;
  const hidden = Object.keys(out.cells).filter((k) => out.cells[k]!.suppressed);
  const remainder = total - Object.values(out.cells).reduce((s, p) => s + (p.value ?? 0), 0);
  const seen = new Map(hidden.map((k) => [k, new Set<number>()]));
  const values: number[] = [];
  const done = () => [...seen.values()].every((s) => s.size >= 2);
  const walk = (i: number, left: number): void => {
    if (done()) return;
    if (i === hidden.length) {
      if (left === 0) for (const [j, x] of values.entries()) seen.get(hidden[j]!)!.add(x);
      return;
    }
    for (let x = min; x <= Math.min(left, total); x++) {
      values.push(x);
      walk(i + 1, left - x);
      values.pop();
    }
  };
  walk(0, remainder);
  return seen;
}

describe('suppressDistribution (properties)', () => {
  it('no suppressed cell can be pinned down from the published total and cells (domain 0..total, and 1..total)', () => {
    fc.assert(
      fc.property(distribution(5, 30), ({ threshold, total, cells }) => {
        const out = suppressDistribution(total, cells, suppressionPolicy(threshold));
        if (out.total.suppressed) {
          // A hidden total leaves no equation; then nothing else in the table may be shown either.
          expect(Object.values(out.cells).every((p) => p.suppressed || (p.value === 0 && total > threshold))).toBe(true);
          return;
        }
        for (const [key, values] of feasibleValues(out, 0)) expect([key, values.size >= 2]).toEqual([key, true]);
        // The stronger attacker who assumes every suppressed cell is non-zero (true whenever it is).
        const hiddenAreNonZero = Object.entries(out.cells).every(([k, p]) => !p.suppressed || cells[k]! > 0);
        if (hiddenAreNonZero) for (const [key, values] of feasibleValues(out, 1)) expect([key, values.size >= 2]).toEqual([key, true]);
      }),
      { numRuns: 2000 },
    );
  });

  it('an attacker who knows the algorithm still cannot pin down a suppressed cell', () => {
    fc.assert(
      fc.property(distribution(4, 15), ({ threshold, total, cells }) => {
        const policy = suppressionPolicy(threshold);
        const out = suppressDistribution(total, cells, policy);
        if (out.total.suppressed) return;
        const hidden = Object.keys(cells).filter((k) => out.cells[k]!.suppressed);
        const remainder = total - Object.values(out.cells).reduce((s, p) => s + (p.value ?? 0), 0);
        const seen = new Map(hidden.map((k) => [k, new Set<number>()]));
        // Every input with the same published cells and total whose output is identical.
        const walk = (i: number, candidate: Record<string, number>, left: number): void => {
          const key = hidden[i]!;
          if (i === hidden.length - 1) {
            const input = { ...candidate, [key]: left };
            if (JSON.stringify(suppressDistribution(total, input, policy)) !== JSON.stringify(out)) return;
            for (const [k, s] of seen) s.add(input[k]!);
            return;
          }
          for (let x = 0; x <= left; x++) walk(i + 1, { ...candidate, [key]: x }, left - x);
        };
        const known = Object.fromEntries(Object.entries(out.cells).map(([k, p]) => [k, p.value ?? 0]));
        if (hidden.length > 0) walk(0, known, remainder);
        for (const [key, values] of seen) expect([key, values.size >= 2]).toEqual([key, true]);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    [3, 45, 10],
    [4, 36, 10],
    [3, 45, 11],
  ])(
    'exhaustively, over every %d-cell table with total ≤ %d (threshold %d), equal outputs never pin a hidden cell',
    (n, maxTotal, threshold) => {
      const policy = suppressionPolicy(threshold);
      const keys = KEYS.slice(0, n);
      const byOutput = new Map<string, number[][]>();
      const compose = (prefix: number[], left: number, total: number): void => {
        if (prefix.length === n - 1) {
          const counts = [...prefix, left];
          const out = JSON.stringify(suppressDistribution(total, Object.fromEntries(keys.map((k, i) => [k, counts[i]!])), policy));
          byOutput.set(out, [...(byOutput.get(out) ?? []), counts]);
          return;
        }
        for (let x = 0; x <= left; x++) compose([...prefix, x], left - x, total);
      };
      for (let total = 0; total <= maxTotal; total++) compose([], total, total);

      const pinned = [...byOutput].flatMap(([out, inputs]) => {
        const cells = (JSON.parse(out) as SuppressedDistribution).cells;
        return keys.filter((k, i) => cells[k]!.suppressed && new Set(inputs.map((c) => c[i])).size < 2).map((k) => [k, inputs]);
      });
      expect(pinned).toEqual([]);
    },
  );

  it('never publishes a value in 1..threshold, publishes true values only, and flags suppression with null', () => {
    fc.assert(
      fc.property(distribution(5, 30), ({ threshold, total, cells }) => {
        const out = suppressDistribution(total, cells, suppressionPolicy(threshold));
        expect(out.threshold).toBe(threshold);
        for (const [published, truth] of [
          [out.total, total],
          ...Object.keys(cells).map((k) => [out.cells[k]!, cells[k]!] as const),
        ] as const) {
          if (published.suppressed) expect(published.value).toBeNull();
          else {
            expect(published.value).toBe(truth);
            expect(published.value === 0 || published.value > threshold).toBe(true);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('is deterministic and independent of key insertion order', () => {
    fc.assert(
      fc.property(distribution(5, 30), ({ threshold, total, cells }) => {
        const policy = suppressionPolicy(threshold);
        const reversed = Object.fromEntries(Object.entries(cells).reverse());
        const first = suppressDistribution(total, cells, policy);
        expect(suppressDistribution(total, cells, policy)).toEqual(first);
        expect(suppressDistribution(total, reversed, policy)).toEqual(first);
      }),
      { numRuns: 1000 },
    );
  });
});
