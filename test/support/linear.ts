/**
 * The test oracle for disclosure control, written apart from the production code it checks.
 * Relations are lists of keys, total first: total = sum of the rest.
 */

/**
 * Which hidden cells the published cells and the relations determine exactly: Gauss–Jordan
 * elimination over the hidden unknowns; an unknown is determined when its reduced row has no
 * other unknown left in it.
 */
export function determined(relations: string[][], hidden: Set<string>): string[] {
  const unknowns = [...hidden];
  const rows: number[][] = relations
    .map((relation) => unknowns.map((u): number => (relation[0] === u ? 1 : relation.slice(1).includes(u) ? -1 : 0)))
    .filter((row) => row.some((v) => v !== 0));
  let pivotRow = 0;
  const pivots: number[] = [];
  for (let col = 0; col < unknowns.length && pivotRow < rows.length; col += 1) {
    const found = rows.findIndex((row, i) => i >= pivotRow && Math.abs(row[col]!) > 1e-9);
    if (found < 0) continue;
    [rows[pivotRow], rows[found]] = [rows[found]!, rows[pivotRow]!];
    const pivot = rows[pivotRow]![col]!;
    rows[pivotRow] = rows[pivotRow]!.map((v) => v / pivot);
    for (let i = 0; i < rows.length; i += 1) {
      if (i === pivotRow || Math.abs(rows[i]![col]!) < 1e-9) continue;
      const factor = rows[i]![col]!;
      rows[i] = rows[i]!.map((v, j) => v - factor * rows[pivotRow]![j]!);
    }
    pivots.push(col);
    pivotRow += 1;
  }
  return pivots
    .filter((col, i) => rows[i]!.every((v, j) => j === col || Math.abs(v) < 1e-9))
    .map((col) => unknowns[col]!)
    .filter((key) => hidden.has(key));
}
