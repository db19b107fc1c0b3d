import { describe, expect, it } from 'vitest';
import { csvField, csvHeader, csvLine, daysBetween, exportColumns, flatRow } from '../../packages/analytics/export-rows';
import { instruments } from '../../packages/instruments';

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['', ''],
    [null, ''],
    [undefined, ''],
    [0, '0'],
    [-8, '-8'],
    [0.1 + 0.2, '0.30000000000000004'],
    [false, 'false'],
    [[4, null], '"[4,null]"'],
    [[2], '[2]'],
    [{ a: 1, b: 'x' }, '"{""a"":1,""b"":""x""}"'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('csvLine', () => {
  it('follows the columns: missing values empty, unknown ones dropped, CRLF at the end', () => {
    expect(csvLine(['a', 'b', 'c'], { c: 'x,y', a: 1, z: 'dropped' })).toBe('1,,"x,y"\r\n');
    expect(csvHeader(['a', 'b.c'])).toBe('a,b.c\r\n');
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-01-01', '2026-01-01', 0],
    ['2025-12-30', '2026-03-01', 61],
    ['2024-02-28', '2024-03-01', 2],
    ['2026-03-28', '2026-03-30', 2],
  ])('from %s to %s is %i', (first, day, expected) => {
    expect(daysBetween(first, day)).toBe(expected);
  });
});

describe('exportColumns', () => {
  it('lists the readiness ruler’s columns in a fixed order', () => {
    expect(exportColumns(instruments[0]!)).toEqual([
      'exportSubject',
      'year',
      'dayIndex',
      'instrument',
      'instrumentVersion',
      'targetBehavior',
      'scale',
      'item.importance',
      'item.confidence',
      'item.readiness',
      'score.importance',
      'score.confidence',
      'score.readiness',
      'interpretation.bands.importance',
      'interpretation.bands.confidence',
      'interpretation.bands.readiness',
      'complete',
      'algorithmVersion',
    ]);
  });

  it.each(instruments.map((i) => [i.id, i] as const))('covers every field %s can produce', (_, instrument) => {
    const columns = new Set(exportColumns(instrument));
    const items = (instrument.catalog as { items: { id: string }[] }).items.map((i) => i.id);
    const worksheet = (instrument.catalog as { entry?: unknown }).entry !== undefined;
    const inputs = worksheet
      ? [Object.fromEntries(items.map((id) => [id, [{ weight: 2 }, {}]])), Object.fromEntries(items.map((id) => [id, []]))]
      : [3, 1].map((v) => Object.fromEntries(items.map((id, n) => [id, n % 2 ? v : v + 1])));
    for (const responses of inputs) {
      const scored = instrument.score({ instrument: instrument.id, responses });
      const row = flatRow({
        exportSubject: 'xs_x',
        year: 2026,
        dayIndex: 0,
        instrument: instrument.id,
        instrumentVersion: instrument.version,
        targetBehavior: null,
        items: {},
        scores: scored.scores,
        interpretation: scored.interpretation,
        complete: scored.complete,
        algorithmVersion: scored.provenance.algorithmVersion,
      });
      for (const key of Object.keys(row)) expect(columns, key).toContain(key);
    }
  });
});
