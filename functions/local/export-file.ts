import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { type ExportDeps, exportPage, exportRowTotal } from '../../packages/api/export';
import type { ExportFilters } from '../../packages/domain/records';

/** The CLI's audit identity (an operator at the machine, not an API key). */
export const CLI_OPERATOR = 'cli:operator';

export interface ExportProgress {
  rows: number;
  /** Known only when the range is whole months (from the rollup counters). */
  total?: number;
}

/**
 * Writes a whole export to `out` page by page with the same use case as the API, so memory holds
 * one page at most. The file appears only once complete (written as `<out>.partial`, then renamed).
 * @example await exportToFile(deps, 'demo', { instrument: 'urica', format: 'csv' }, 'urica.csv', { onProgress: draw });
 */
export async function exportToFile(
  deps: ExportDeps,
  clinicId: string,
  filters: ExportFilters,
  out: string,
  options: { limit?: number; onProgress?: (p: ExportProgress) => void } = {},
): Promise<{ exportId: string; rows: number }> {
  const total = await exportRowTotal(deps.store, clinicId, filters);
  const partial = `${out}.partial`;
  const file = createWriteStream(partial, { mode: 0o600 });
  const who = { clinicId, keyId: CLI_OPERATOR };
  let rows = 0;
  let exportId = '';
  let cursor: string | undefined;
  try {
    do {
      const page = await exportPage(deps, who, { ...filters, limit: options.limit ?? 1000, ...(cursor ? { cursor } : {}) });
      exportId = page.exportId;
      for (const chunk of page.chunks()) if (!file.write(chunk)) await once(file, 'drain');
      rows += page.rowCount;
      options.onProgress?.({ rows, ...(total === undefined ? {} : { total }) });
      cursor = page.next;
    } while (cursor);
    file.end();
    await once(file, 'finish');
    await rename(partial, out);
    return { exportId, rows };
  } catch (error) {
    file.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * One progress line (no newline): a bar when the total is known, else a spinner and the count.
 * @example progressLine({ rows: 250, total: 1000 }, 0) // '[#####---------------] 250/1000 rows  25%'
 */
export function progressLine(p: ExportProgress, tick: number, width = 20): string {
  if (p.total === undefined || p.total === 0) return `${SPINNER[tick % SPINNER.length]} ${p.rows} rows`;
  const share = Math.min(1, p.rows / p.total);
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${p.rows}/${p.total} rows ${String(Math.round(share * 100)).padStart(3)}%`;
}
