import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { instruments } from '../../packages/instruments/index';
import type { Instrument } from '../../packages/instruments/types';

const SCORING_MD = readFileSync(new URL('../../docs/scoring.md', import.meta.url), 'utf8');

/** The cells of the per-instrument table under "## The instruments", by column header. */
function instrumentTable(markdown: string): Record<string, string>[] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith('The instruments\n'));
  if (!section) throw new Error('docs/scoring.md has no "## The instruments" section');
  const lines = section.split('\n').filter((line) => line.startsWith('|'));
  const cells = (line: string) =>
    line
      .slice(1, -1)
      .split(' | ')
      .map((c) => c.trim());
  const [header, , ...rows] = lines.map(cells);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ''])));
}

/**
 * The ids a row names: "`decisional-balance-alcohol`, `-drugs`" is two, the short form taking
 * the first id's stem; a trailing remark such as "(worksheet)" is not an id.
 */
function idsOf(cell: string): string[] {
  const names = [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  const first = names[0]!;
  return names.map((n) => (n.startsWith('-') ? first.slice(0, first.lastIndexOf('-')) + n : n));
}

/** What each checked column should say for an instrument, derived from the registry. */
function expectedCells(instrument: Instrument): Record<string, string> {
  const { items, licence } = instrument.catalog;
  const lists = items.filter((item) => item.kind === 'list').length;
  const unscored = items.filter((item) => item.scored === false).length;
  const itemCount =
    lists === items.length ? `${lists} lists` : unscored > 0 ? `${items.length} (${items.length - unscored} scored)` : `${items.length}`;
  // why: the table writes the outcome score in words ("taking steps" for takingSteps).
  const score = instrument.outcome.score.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
  return {
    version: instrument.version,
    items: itemCount,
    'outcome (aggregates)': `${score}, ${instrument.outcome.better}`,
    licence: `${licence.status.replace('-', ' ')}${licence.itemText ? '' : ' (no item text)'}`,
  };
}

describe('docs/scoring.md per-instrument table', () => {
  const rows = instrumentTable(SCORING_MD);

  it('names every instrument of the registry once, in catalog order', () => {
    expect(rows.flatMap((row) => idsOf(row.id!))).toEqual(instruments.map((i) => i.id));
  });

  it.each(instruments.map((i) => [i.id, i] as const))('%s: version, items, outcome and licence are the registry’s', (id, instrument) => {
    const row = rows.find((r) => idsOf(r.id!).includes(id));
    const expected = expectedCells(instrument);

    expect(row && Object.fromEntries(Object.keys(expected).map((column) => [column, row[column]]))).toEqual(expected);
  });

  it('reads the short form of a second id and the cells by header', () => {
    const table = instrumentTable('## The instruments\n\n| id | version |\n|---|---|\n| `a-b-x`, `-y` (note) | 2.0.0 |\n\n## Next\n');

    expect(table).toEqual([{ id: '`a-b-x`, `-y` (note)', version: '2.0.0' }]);
    expect(idsOf(table[0]!.id!)).toEqual(['a-b-x', 'a-b-y']);
  });
});
