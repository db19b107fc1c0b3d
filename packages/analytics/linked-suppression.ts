import { complementOf } from './aggregates';

/** A figure that is one cell of one or more published sums (see {@link linkedComplement}). */
export interface LinkedCell {
  hidden: boolean;
  assessments: number;
}

/**
 * Complementary suppression across linked tables. Each relation lists the keys of cells that add
 * up, its total first (a clinic's quarter = its months; a network month = its clinics; a network
 * quarter = its months and its clinics' quarters). Two steps, repeated until both hold:
 * - every relation is closed under {@link complementOf}: a cell hidden for one sum is a hidden
 *   cell of every other sum it is in, so none is left alone with a single hidden cell;
 * - no hidden cell is determined by the published ones through all the relations together
 *   (linear algebra, {@link determinedCells}); while one is, the smallest published non-empty
 *   cell of a relation it is in is hidden too.
 * Returns the keys of every hidden cell, primary ones included. Bounds (cells are counts, never
 * negative) are not audited: the complementOf rule on sums covers the common case.
 * @example linkedComplement(new Map([['a+b', { hidden: false, assessments: 12 }], ['a', { hidden: true, assessments: 3 }], ['b', { hidden: false, assessments: 9 }]]), [['a+b', 'a', 'b']]) // Set { 'a', 'b' }
 */
export function linkedComplement(cells: ReadonlyMap<string, LinkedCell>, relations: readonly (readonly string[])[]): Set<string> {
  const hidden = new Set([...cells].filter(([, cell]) => cell.hidden).map(([key]) => key));
  const size = (key: string) => cells.get(key)?.assessments ?? 0;
  const bySize = (a: string, b: string) => size(a) - size(b) || (a < b ? -1 : a > b ? 1 : 0);
  for (;;) {
    for (let changed = true; changed; ) {
      changed = false;
      for (const relation of relations) {
        for (const key of complementOf(relation.map((k) => ({ key: k, hidden: hidden.has(k), assessments: size(k) })))) {
          hidden.add(key);
          changed = true;
        }
      }
    }
    const exposed = determinedCells(relations, hidden);
    if (exposed.length === 0) return hidden;
    const open = (keys: readonly string[]) => keys.filter((k) => !hidden.has(k) && size(k) > 0);
    const near = open(relations.filter((r) => r.includes(exposed[0]!)).flat());
    const next = (near.length > 0 ? near : open(relations.flat())).sort(bySize)[0];
    if (next === undefined) return hidden; // nothing left to hide
    hidden.add(next);
  }
}

/**
 * The hidden cells whose values the published cells determine through the relations (each: total
 * = sum of the rest): Gauss–Jordan elimination over the hidden unknowns; an unknown is determined
 * when its reduced row holds no other unknown.
 * @example determinedCells([['t', 'a', 'b']], new Set(['a'])) // ['a'] (t and b are published)
 */
export function determinedCells(relations: readonly (readonly string[])[], hidden: ReadonlySet<string>): string[] {
  const unknowns = [...hidden];
  const column = new Map(unknowns.map((key, i) => [key, i]));
  const rows: number[][] = [];
  for (const [total, ...parts] of relations) {
    const row = new Array<number>(unknowns.length).fill(0);
    const add = (key: string | undefined, sign: number) => {
      const i = key === undefined ? undefined : column.get(key);
      if (i !== undefined) row[i]! += sign;
    };
    add(total, 1);
    for (const part of parts) add(part, -1);
    if (row.some((v) => v !== 0)) rows.push(row);
  }
  const EPSILON = 1e-9;
  const pivots: number[] = [];
  for (let col = 0, r = 0; col < unknowns.length && r < rows.length; col += 1) {
    const found = rows.findIndex((row, i) => i >= r && Math.abs(row[col]!) > EPSILON);
    if (found < 0) continue;
    [rows[r], rows[found]] = [rows[found]!, rows[r]!];
    const pivot = rows[r]![col]!;
    rows[r] = rows[r]!.map((v) => v / pivot);
    for (let i = 0; i < rows.length; i += 1) {
      const factor = rows[i]![col]!;
      if (i !== r && Math.abs(factor) > EPSILON) rows[i] = rows[i]!.map((v, j) => v - factor * rows[r]![j]!);
    }
    pivots.push(col);
    r += 1;
  }
  return pivots.filter((col, i) => rows[i]!.every((v, j) => j === col || Math.abs(v) < EPSILON)).map((col) => unknowns[col]!);
}
