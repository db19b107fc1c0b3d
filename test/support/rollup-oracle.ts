import { expect } from 'vitest';
import { type PeriodKind, periodOf } from '../../packages/analytics/rollup';
import { getInstrument } from '../../packages/instruments';
import type { Store } from '../../packages/store/port';

/** A stored assessment as the oracle reads it back from the table. */
export interface StoredRow {
  subjectId: string;
  instrumentId: string;
  administeredOn: string;
  createdAt: string;
  id: string;
  scores: Record<string, number | null>;
  interpretation: unknown;
}

/**
 * The assessment items of one clinic among the table's items, as the oracle needs them.
 * @example const rows = storedRows(await t.scanAll(), 'clinic-a');
 */
export function storedRows(items: Record<string, unknown>[], clinicId: string): StoredRow[] {
  return items
    .filter((i) => i.type === 'assessment' && i.clinicId === clinicId)
    .map((i) => {
      const view = JSON.parse(i.view as string);
      return {
        subjectId: i.subjectId,
        instrumentId: i.instrumentId,
        administeredOn: i.administeredOn,
        createdAt: i.createdAt,
        id: i.id,
        scores: view.scores,
        interpretation: view.interpretation,
      } as StoredRow;
    });
}

function leaves(value: unknown, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) out[prefix] = String(value);
  return out;
}

const order = (r: StoredRow) => `${r.administeredOn}#${r.createdAt}#${r.id}`;

/**
 * What the counters of one instrument × period must say, recomputed from scratch from the rows
 * (every assessment, every subject's full history in the period): the meaning of each counter as
 * packages/analytics/rollup.ts defines it, without any of its code but the instruments' outcome rule.
 * @example recomputeCounters(rows, 'urica', 'month', '2026-11') // { n: 3, subjects: 2, … }
 */
export function recomputeCounters(rows: StoredRow[], instrumentId: string, kind: PeriodKind, period: string): Record<string, number> {
  const inPeriod = rows.filter((r) => r.instrumentId === instrumentId && periodOf(r.administeredOn, kind) === period);
  const out: Record<string, number> = {};
  const add = (k: string, v: number) => (out[k] = (out[k] ?? 0) + v);
  const valued = (r: StoredRow, s: string) => typeof r.scores[s] === 'number';
  for (const r of inPeriod) {
    add('n', 1);
    for (const [s, v] of Object.entries(r.scores)) {
      if (typeof v !== 'number') continue;
      add(`c:${s}`, 1);
      add(`s:${s}`, v);
      add(`q:${s}`, v * v);
    }
  }
  const bySubject = new Map<string, StoredRow[]>();
  for (const r of inPeriod) bySubject.set(r.subjectId, [...(bySubject.get(r.subjectId) ?? []), r]);
  for (const list of bySubject.values()) {
    const sorted = list.sort((a, b) => (order(a) < order(b) ? -1 : 1));
    const first = sorted[0]!;
    const latest = sorted.at(-1)!;
    add('subjects', 1);
    for (const s of new Set(sorted.flatMap((r) => Object.keys(r.scores)))) if (sorted.some((r) => valued(r, s))) add(`u:${s}`, 1);
    for (const [path, value] of Object.entries(leaves(latest.interpretation))) add(`k:${path}=${value}`, 1);
    if (sorted.length < 2) continue;
    add('d:n', 1);
    for (const s of Object.keys(latest.scores)) {
      const [a, b] = [first.scores[s], latest.scores[s]];
      if (typeof a !== 'number' || typeof b !== 'number') continue;
      add(`d:c:${s}`, 1);
      add(`d:s:${s}`, b - a);
      add(`d:q:${s}`, (b - a) ** 2);
    }
    const outcome = getInstrument(instrumentId)!.outcome;
    const [a, b] = outcome ? [first.scores[outcome.score], latest.scores[outcome.score]] : [];
    if (outcome && typeof a === 'number' && typeof b === 'number') {
      const gain = outcome.better === 'higher' ? b - a : a - b;
      add(`o:${gain > 0 ? 'improved' : gain < 0 ? 'worse' : 'unchanged'}`, 1);
    }
  }
  return out;
}

/**
 * Asserts that the stored counters of each period from `from` to `to` equal their recomputation
 * from `rows`: the same non-zero names, values equal to 6 decimals (sums of squares of thousands
 * of values are added in another order than here). Returns the periods compared.
 * @example await expectExactCounters(t.store, rows, 'clinic-a', 'urica', 'month', '2026-10', '2026-12'); // ['2026-10', …]
 */
export async function expectExactCounters(
  store: Store,
  rows: StoredRow[],
  clinicId: string,
  instrumentId: string,
  kind: PeriodKind,
  from: string,
  to: string,
): Promise<string[]> {
  const stored = await store.listAggregates(clinicId, instrumentId, kind, from, to);
  const periods = new Set([...stored.map((s) => s.period), ...rows.map((r) => periodOf(r.administeredOn, kind))]);
  const nonZero = (c: Record<string, number>) => Object.fromEntries(Object.entries(c).filter(([, v]) => Math.abs(v) > 1e-9));
  const compared = [...periods].filter((p) => p >= from && p <= to).sort();
  for (const period of compared) {
    const actual = nonZero(stored.find((s) => s.period === period)?.counters ?? {});
    const expected = nonZero(recomputeCounters(rows, instrumentId, kind, period));
    expect(Object.keys(actual).sort(), `${kind} ${period}`).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected)) expect(actual[k], `${kind} ${period} ${k}`).toBeCloseTo(v, 6);
  }
  return compared;
}
