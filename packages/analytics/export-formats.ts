import type { ExportFormat } from '../domain/records';
import { csvHeader, csvLine, type ExportRow, flatRow } from './export-rows';

/** How one export format writes a page: the header (first page only) and one line per row. */
export interface ExportWriter {
  header(columns: string[]): string | undefined;
  line(columns: string[], row: ExportRow): string;
}

/**
 * The writer of every format of the registry (domain/records.ts EXPORT_FORMATS): a format without
 * a writer does not compile.
 * @example EXPORT_WRITERS.csv.header(['a', 'b']) // 'a,b\r\n'
 */
export const EXPORT_WRITERS: Record<ExportFormat, ExportWriter> = {
  ndjson: { header: () => undefined, line: (_columns, row) => `${JSON.stringify(row)}\n` },
  csv: { header: (columns) => csvHeader(columns), line: (columns, row) => csvLine(columns, flatRow(row)) },
};
