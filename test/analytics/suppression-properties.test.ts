import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SuppressedDistribution, suppressDistribution, suppressionPolicy } from '../../packages/analytics/suppression';

// Properties of the cell suppression: an attacker who sees only the output (or also knows the
// algorithm) cannot pin a hidden cell down. The hand-computed cases are in suppression.test.ts.
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
