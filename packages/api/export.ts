import { randomBytes } from 'node:crypto';
import { EXPORT_WRITERS } from '../analytics/export-formats';
import { exportColumns, toExportRow } from '../analytics/export-rows';
import { counter } from '../analytics/rollup';
import { invalidCursor, ValidationError } from '../domain/errors';
import { EXPORT_FORMATS, type ExportFilters } from '../domain/records';
import { getInstrument } from '../instruments';
import type { Store } from '../store/port';
import { cursorCodec } from './cursor';
import type { Pseudonymizer } from './pseudonymizer';

/**
 * The de-identified export use case (docs/privacy.md, "Exports"), shared by `GET /v1/analytics/export` and the
 * CLI's `export` command. One call reads one page from DynamoDB (bounded by `limit`), records it
 * in the audit trail, and hands back the rows to write; the caller follows `next` until done.
 */

export interface ExportDeps {
  store: Store;
  pseudonymizer: Pseudonymizer;
  now: () => Date;
  newExportId?: () => string;
  /** Default `MAX_PAGE_BYTES`. */
  maxPageBytes?: number;
}

export interface ExportRequest extends ExportFilters {
  /** Rows per page, 1–5,000. */
  limit: number;
  /** The `next` of the previous page; absent to start an export. */
  cursor?: string;
}

export interface ExportPage {
  exportId: string;
  contentType: string;
  rowCount: number;
  /** The page as text chunks (CSV: the header first, on the first page only). */
  chunks(): Iterable<string>;
  /** Sealed cursor of the next page; absent on the last. */
  next?: string;
}

/** Rows joined per chunk handed to the stream: few writes, still small. */
const ROWS_PER_CHUNK = 200;
/**
 * Most bytes per page. why: Lambda answers at most 6 MB, and `hono/aws-lambda` base64-encodes
 * NDJSON (not a type it treats as text), which adds a third: 4 MiB × 4/3 stays under.
 */
export const MAX_PAGE_BYTES = 4 * 1024 * 1024;
/** Parallel GSI1 reads for dayIndex. */
const FIRST_DAY_CONCURRENCY = 16;

/** What the sealed cursor carries (scoped to the clinic). The client never sees it in the clear: `p` holds an assessment id and time. */
interface CursorState {
  e: string;
  at: string;
  f: ExportFilters;
  p: string;
}

/** @example newExportId() // 'exp_3q2-…' (128 random bits) */
export const newExportId = () => `exp_${randomBytes(16).toString('base64url')}`;

const sameFilters = (a: ExportFilters, b: ExportFilters) =>
  a.instrument === b.instrument && (a.from ?? null) === (b.from ?? null) && (a.to ?? null) === (b.to ?? null) && a.format === b.format;

/**
 * Reads, de-identifies and audits one page of an export.
 * @example
 * let cursor: string | undefined;
 * do {
 *   const page = await exportPage(deps, { clinicId: 'demo', keyId: 'cli:operator' }, { instrument: 'urica', format: 'csv', limit: 1000, cursor });
 *   for (const chunk of page.chunks()) out.write(chunk);
 *   cursor = page.next;
 * } while (cursor);
 */
export async function exportPage(deps: ExportDeps, who: { clinicId: string; keyId: string }, request: ExportRequest): Promise<ExportPage> {
  const instrument = getInstrument(request.instrument);
  if (!instrument)
    throw new ValidationError([{ path: 'instrument', message: 'Unknown instrument; see GET /v1/instruments.' }], 'unprocessable');
  if (request.from && request.to && request.from > request.to)
    throw new ValidationError([{ path: 'from', message: 'Must not be after `to`.' }], 'malformed');
  const filters: ExportFilters = {
    instrument: request.instrument,
    ...(request.from ? { from: request.from } : {}),
    ...(request.to ? { to: request.to } : {}),
    format: request.format,
  };
  const { clinicId } = who;

  const cursors = cursorCodec(deps.pseudonymizer);
  let state: CursorState | undefined;
  if (request.cursor !== undefined) {
    // Sealed for this clinic, so it is ours and this clinic's; it must also be this export's.
    state = cursors.open<CursorState>('export', clinicId, request.cursor);
    if (!sameFilters(state.f, filters)) throw invalidCursor('The cursor belongs to an export with other filters.');
  }

  const page = await deps.store.listExportSources(clinicId, filters.instrument, filters, {
    limit: request.limit,
    ...(state ? { after: state.p } : {}),
  });
  const exportId = state?.e ?? (deps.newExportId ?? newExportId)();
  const at = state?.at ?? deps.now().toISOString();

  // dayIndex: one GSI1 read per distinct subject of the page, a few at a time.
  const subjects = [...new Set(page.items.map((s) => s.subjectId))];
  const firstDays = new Map<string, string | undefined>();
  for (let i = 0; i < subjects.length; i += FIRST_DAY_CONCURRENCY) {
    const batch = subjects.slice(i, i + FIRST_DAY_CONCURRENCY);
    const days = await Promise.all(batch.map((subjectId) => deps.store.firstAssessmentDay(clinicId, subjectId)));
    for (const [j, subjectId] of batch.entries()) firstDays.set(subjectId, days[j]);
  }
  const rows = page.items.map((source) => {
    // why: GSI1 is eventually consistent; a day read before the row's own write lands never makes dayIndex negative.
    const stored = firstDays.get(source.subjectId);
    const firstDay = stored && stored < source.administeredOn ? stored : source.administeredOn;
    return toExportRow(instrument, source, { exportSubject: deps.pseudonymizer.exportKeyed(exportId, source.subjectId), firstDay });
  });

  const columns = exportColumns(instrument);
  const writer = EXPORT_WRITERS[filters.format];
  const header = state ? undefined : writer.header(columns);
  const lines: string[] = header === undefined ? [] : [header];
  // why: a Lambda response holds at most 6 MB; a page of wide rows ends early and the cursor resumes after its last row.
  let bytes = Buffer.byteLength(lines[0] ?? '');
  let kept = 0;
  for (const row of rows) {
    const text = writer.line(columns, row);
    bytes += Buffer.byteLength(text);
    if (kept > 0 && bytes > (deps.maxPageBytes ?? MAX_PAGE_BYTES)) break;
    lines.push(text);
    kept += 1;
  }

  // Audited before a single row leaves: a failed audit write fails the page.
  const positions = page.items.slice(0, kept).map((s) => s.position);
  if (state) await deps.store.addExportRows(clinicId, { at, exportId }, state.p, positions);
  else await deps.store.putExportAudit({ exportId, clinicId, at, keyId: who.keyId, filters, rowCount: kept }, positions.at(-1));

  const last = positions.at(-1);
  const more = page.more || kept < rows.length;
  const next = more && last ? cursors.seal('export', clinicId, { e: exportId, at, f: filters, p: last } satisfies CursorState) : undefined;
  return {
    exportId,
    contentType: EXPORT_FORMATS[filters.format].contentType,
    rowCount: kept,
    *chunks() {
      for (let i = 0; i < lines.length; i += ROWS_PER_CHUNK) yield lines.slice(i, i + ROWS_PER_CHUNK).join('');
    },
    ...(next ? { next } : {}),
  };
}

/**
 * How many rows an export will have, when that is cheap: from the monthly rollup counters, so
 * only for whole months (or no range). `undefined` otherwise.
 * @example await exportRowTotal(store, 'demo', { instrument: 'urica', format: 'csv' }) // 1234
 */
export async function exportRowTotal(store: Store, clinicId: string, filters: ExportFilters): Promise<number | undefined> {
  const { from, to } = filters;
  const lastOfMonth = (day: string) => new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)).getUTCDate();
  if (from && from.slice(8) !== '01') return undefined;
  if (to && Number(to.slice(8)) !== lastOfMonth(to)) return undefined;
  const rows = await store.listAggregates(
    clinicId,
    filters.instrument,
    'month',
    from?.slice(0, 7) ?? '0000-01',
    to?.slice(0, 7) ?? '9999-12',
  );
  return rows.reduce((sum, r) => sum + (r.counters[counter.assessments] ?? 0), 0);
}
