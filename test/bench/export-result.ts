/** What `export-runner.ts` reports to `export.ts` (kept apart: importing the runner would run it). */
export interface RunnerResult {
  clinicId: string;
  format: 'ndjson' | 'csv';
  rows: number;
  bytes: number;
  seconds: number;
  /** `process.resourceUsage().maxRSS` (KB) once set up, before the export starts. */
  baselineMaxRssKb: number;
  /** `process.resourceUsage().maxRSS` (KB) after the export: the peak of the whole process. */
  maxRssKb: number;
  /** `process.memoryUsage()` (bytes) after each page: where the memory goes. */
  pages: { rows: number; rss: number; heapUsed: number; external: number }[];
}

export const RESULT_PREFIX = 'BENCH_EXPORT_RESULT ';
