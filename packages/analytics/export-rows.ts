import type { ExportSource } from '../domain/records';
import type { Instrument } from '../instruments/types';

/**
 * De-identified export rows (docs/privacy.md, "Exports"). Pure: no I/O. A row carries no subject
 * ref, subjectId, assessment id, exact date or write time; only the year, days since the
 * subject's first assessment, and a pseudonym that is valid within one export.
 */

/** A worksheet list as exported: how many entries and their weights (null when unweighted); labels are never stored. */
export interface WorksheetListAnswer {
  count: number;
  weights: (number | null)[];
}

export interface ExportRow {
  exportSubject: string;
  year: number;
  dayIndex: number;
  instrument: string;
  instrumentVersion: string;
  targetBehavior: string | null;
  /** Only for instruments with response-scale variants (the readiness ruler's 0–10 / 1–10). */
  scale?: string;
  items: Record<string, number | WorksheetListAnswer | null>;
  scores: Record<string, number | null>;
  interpretation: Record<string, unknown>;
  complete: boolean;
  algorithmVersion: string;
}

type Catalog = {
  items?: { id: string }[];
  scales?: { id: string }[];
  derivedScores?: { id: string }[];
  entry?: unknown;
  responseScale?: { min: number; max: number };
  responseScaleVariants?: { default: string };
};

const catalogOf = (instrument: Instrument) => instrument.catalog as Catalog;
const isWorksheet = (instrument: Instrument) => catalogOf(instrument).entry !== undefined;
const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;

/**
 * Whole days from `first` to `day` (both YYYY-MM-DD).
 * @example daysBetween('2026-02-27', '2026-03-01') // 2
 */
export function daysBetween(first: string, day: string): number {
  return dayNumber(day) - dayNumber(first);
}

/**
 * One export row.
 * @example toExportRow(instrument, source, { exportSubject: 'xs_…', firstDay: '2026-10-05' }).dayIndex // 15 for 2026-10-20
 */
export function toExportRow(instrument: Instrument, source: ExportSource, subject: { exportSubject: string; firstDay: string }): ExportRow {
  const { view, answers } = source;
  const responses = (answers.responses ?? {}) as Record<string, unknown>;
  const items: ExportRow['items'] = {};
  for (const { id } of catalogOf(instrument).items ?? []) {
    const value = responses[id];
    if (isWorksheet(instrument)) {
      items[id] = Array.isArray(value)
        ? {
            count: value.length,
            weights: value.map((e) => (typeof (e as { weight?: unknown }).weight === 'number' ? (e as { weight: number }).weight : null)),
          }
        : null;
    } else {
      items[id] = typeof value === 'number' ? value : null;
    }
  }
  const variants = catalogOf(instrument).responseScaleVariants;
  return {
    exportSubject: subject.exportSubject,
    year: Number(source.administeredOn.slice(0, 4)),
    dayIndex: daysBetween(subject.firstDay, source.administeredOn),
    instrument: view.instrument.id,
    instrumentVersion: source.instrumentVersion,
    targetBehavior: view.targetBehavior ?? null,
    ...(variants && { scale: typeof answers.scale === 'string' ? answers.scale : variants.default }),
    items,
    scores: view.scores,
    interpretation: view.interpretation,
    complete: view.complete,
    algorithmVersion: view.provenance.algorithmVersion,
  };
}

/** Flattens nested objects to dotted paths; arrays and scalars are leaves. */
function flatten(value: unknown, prefix: string, out: Record<string, unknown>): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, `${prefix}.${k}`, out);
  } else {
    out[prefix] = value;
  }
  return out;
}

/**
 * A row as CSV columns: `item.<id>` (worksheets: `item.<list>.count`, `item.<list>.weights`),
 * `score.<name>`, `interpretation.<path>`.
 * @example flatRow(row)['score.readiness'] // 7
 */
export function flatRow(row: ExportRow): Record<string, unknown> {
  const { items, scores, interpretation, ...rest } = row;
  const out: Record<string, unknown> = { ...rest };
  flatten(items, 'item', out);
  flatten(scores, 'score', out);
  flatten(interpretation, 'interpretation', out);
  return out;
}

/** Answers that give every interpretation field its shape: the scale's maximum and minimum on every item. */
function probes(instrument: Instrument): Record<string, unknown>[] {
  const c = catalogOf(instrument);
  const ids = (c.items ?? []).map((i) => i.id);
  if (isWorksheet(instrument)) return [Object.fromEntries(ids.map((id) => [id, [{ weight: 1 }]]))];
  const { min = 0, max = 1 } = c.responseScale ?? {};
  return [max, min].map((v) => Object.fromEntries(ids.map((id) => [id, v])));
}

const columnCache = new Map<string, string[]>();

/**
 * The CSV header of an instrument's export: fixed per instrument and version, so every page
 * agrees. Items and scores come from the catalog; interpretation paths from scoring the
 * instrument's own extreme answers (the catalog describes them in prose only).
 * @example exportColumns(getInstrument('readiness-ruler')!).slice(0, 3) // ['exportSubject', 'year', 'dayIndex']
 */
export function exportColumns(instrument: Instrument): string[] {
  const cached = columnCache.get(instrument.id);
  if (cached) return cached;
  const c = catalogOf(instrument);
  const items = (c.items ?? []).flatMap(({ id }) =>
    isWorksheet(instrument) ? [`item.${id}.count`, `item.${id}.weights`] : [`item.${id}`],
  );
  const scores = [...(c.scales ?? []), ...(c.derivedScores ?? [])].map(({ id }) => `score.${id}`);
  const interpretation = new Set<string>();
  for (const responses of probes(instrument)) {
    const scored = instrument.score({ instrument: instrument.id, responses });
    for (const path of Object.keys(flatten(scored.interpretation, 'interpretation', {}))) interpretation.add(path);
  }
  const columns = [
    'exportSubject',
    'year',
    'dayIndex',
    'instrument',
    'instrumentVersion',
    'targetBehavior',
    ...(c.responseScaleVariants ? ['scale'] : []),
    ...items,
    ...[...new Set(scores)],
    ...interpretation,
    'complete',
    'algorithmVersion',
  ];
  columnCache.set(instrument.id, columns);
  return columns;
}

/**
 * One RFC 4180 field: quoted when it holds a comma, quote, CR or LF (quotes doubled); empty for
 * null; arrays and objects as JSON.
 * @example csvField('say "hi", then go') // '"say ""hi"", then go"'
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One CSV record (CRLF-terminated) of `values` in `columns` order; a value without a column is
 * dropped, a column without a value is empty.
 * @example csvLine(['a', 'b'], { b: 'x,y' }) // ',"x,y"\r\n'
 */
export function csvLine(columns: string[], values: Record<string, unknown>): string {
  return `${columns.map((c) => csvField(values[c])).join(',')}\r\n`;
}

/** The header record. @example csvHeader(['a', 'b']) // 'a,b\r\n' */
export function csvHeader(columns: string[]): string {
  return `${columns.map(csvField).join(',')}\r\n`;
}
