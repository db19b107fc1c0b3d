/**
 * One measured export, run by `test/bench/export.ts` in a fresh Node process so that its peak RSS
 * belongs to this export alone. Same code path as `npm run cli -- export` (`exportToFile`, default
 * page size), writing to a temp file that is measured and removed.
 * Input (env): BENCH_EXPORT_ENDPOINT, BENCH_EXPORT_TABLE, BENCH_EXPORT_CLINIC, BENCH_EXPORT_INSTRUMENT,
 * BENCH_EXPORT_FORMAT (ndjson|csv), BENCH_EXPORT_KEY (pseudonym key, hex), BENCH_EXPORT_OUT (file).
 * Output: one line `BENCH_EXPORT_RESULT <json>` on stdout.
 */
import { rm, stat } from 'node:fs/promises';
import { exportToFile } from '../../functions/local/export-file';
import { createPseudonymizer } from '../../packages/api/pseudonymizer';
import { createDynamoClient } from '../../packages/store/client';
import { createDynamoStore } from '../../packages/store/dynamo';
import { RESULT_PREFIX, type RunnerResult } from './export-result';

const need = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required.`);
  return value;
};

async function main() {
  const endpoint = need('BENCH_EXPORT_ENDPOINT');
  const tableName = need('BENCH_EXPORT_TABLE');
  const clinicId = need('BENCH_EXPORT_CLINIC');
  const instrument = need('BENCH_EXPORT_INSTRUMENT');
  const format = need('BENCH_EXPORT_FORMAT');
  if (format !== 'ndjson' && format !== 'csv') throw new Error('BENCH_EXPORT_FORMAT must be ndjson or csv.');
  const out = need('BENCH_EXPORT_OUT');

  const client = createDynamoClient({ endpoint, requestTimeoutMs: 10_000 });
  const store = createDynamoStore({ client, tableName });
  const pseudonymizer = createPseudonymizer({ current: 1, keys: { '1': Buffer.from(need('BENCH_EXPORT_KEY'), 'hex') } });
  const baselineMaxRssKb = process.resourceUsage().maxRSS;

  const pages: RunnerResult['pages'] = [];
  const onProgress = ({ rows }: { rows: number }) => {
    // Diagnosis only (BENCH_EXPORT_GC=1 runs this with --expose-gc): live memory instead of garbage.
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed, external } = process.memoryUsage();
    pages.push({ rows, rss, heapUsed, external });
  };
  const started = performance.now();
  const done = await exportToFile({ store, pseudonymizer, now: () => new Date() }, clinicId, { instrument, format }, out, { onProgress });
  const seconds = (performance.now() - started) / 1000;
  const maxRssKb = process.resourceUsage().maxRSS;

  const { size } = await stat(out);
  await rm(out, { force: true });
  client.destroy();
  const result: RunnerResult = { clinicId, format, rows: done.rows, bytes: size, seconds, baselineMaxRssKb, maxRssKb, pages };
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

await main();
