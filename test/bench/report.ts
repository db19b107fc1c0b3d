import { figures, type Measured, type RoundStats } from './stats';

/** How `npm run bench` prints and records its figures (run.ts). */

/** A number with `digits` decimals, or a dash when it is not finite. */
export const fmt = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
/** A ratio as a percentage with one decimal: 0.516 → `51.6%`. */
export const pct = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;
export const verdict = (ratio: number, target: number) => (ratio >= target ? 'PASS' : 'BELOW TARGET');
/** A comparison's outcome as results.json records it. */
export const judged = (ratio: number, target: number) => ({ ratio, target, pass: ratio >= target });
/** One in-process contender as results.json records it: pooled, then round by round. */
export const contender = (pooled: RoundStats, rounds: Measured[]) => ({ pooled, rounds: rounds.map(figures) });

/**
 * A contender's throughput by round in run order, or for slices (more than `rounds`) their range.
 * @example byRound(slices, 2) // '12812 – 20784 over 10 slices'
 */
export function byRound(rounds: Measured[], roundCount: number): string {
  if (rounds.length <= roundCount) return rounds.map((r) => fmt(r.rps, 0)).join(' / ');
  const sorted = rounds.map((r) => r.rps).sort((x, y) => x - y);
  return `${fmt(sorted[0]!, 0)} – ${fmt(sorted.at(-1)!, 0)} over ${rounds.length} slices`;
}

/** One row of the table: the name, four right-aligned figures, then the by-round text. */
export const line = (cells: string[]) =>
  `${cells[0]!.padEnd(36)}${cells
    .slice(1, 5)
    .map((c) => c.padStart(10))
    .join('')}  ${cells[5]}`;
