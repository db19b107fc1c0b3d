/**
 * `npm run bench:export`: does a de-identified export keep memory flat as it grows?
 * Seeds one in-memory DynamoDB Local table with two clinics — 10,000 and 50,000 real assessments,
 * scored and stored by the API's own `createAssessment` (one shared worker pool, so both are seeded
 * in one pass) — then runs each full export (following the cursor to the end, default page size)
 * in a fresh Node process (`export-runner.ts`) through the CLI's code path (`exportToFile`), so
 * that each peak RSS is that export's alone and not the seeding's.
 * BENCH_EXPORT_SMALL / BENCH_EXPORT_LARGE override 10,000 / 50,000 for a quick run;
 * BENCH_EXPORT_CSV=0 skips the CSV exports; BENCH_EXPORT_CONCURRENCY sets the seeding workers (32).
 * BENCH_EXPORT_GC=1 (diagnosis, not a measurement) forces a GC after each page, so that the
 * per-page lines show live memory rather than garbage not yet collected.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAssessment } from '../../packages/api/assessments';
import { newAssessmentId } from '../../packages/api/ids';
import { createPseudonymizer } from '../../packages/api/pseudonymizer';
import { assessmentRequest } from '../../packages/api/schemas';
import { createDynamoClient } from '../../packages/store/client';
import { createDynamoStore } from '../../packages/store/dynamo';
import { type DynamoLocal, ensureTable, startDynamoLocal } from '../../packages/store/local';
import { freePort } from './dynamo';
import { RESULT_PREFIX, type RunnerResult } from './export-result';

const SMALL = Number(process.env.BENCH_EXPORT_SMALL ?? 10_000);
const LARGE = Number(process.env.BENCH_EXPORT_LARGE ?? 50_000);
const WITH_CSV = process.env.BENCH_EXPORT_CSV !== '0';
const FORCE_GC = process.env.BENCH_EXPORT_GC === '1';
const SUBJECTS_PER_1000 = 100; // ten assessments per subject over the year
const CONCURRENCY = Number(process.env.BENCH_EXPORT_CONCURRENCY ?? 32);
const TABLE = 'bench-export';
const INSTRUMENT = 'readiness-ruler';
const RSS_TARGET = 1.3;
const NOW = new Date('2026-12-31T12:00:00Z');
const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '../..');
const runnerPath = join(here, 'export-runner.ts');

let local: DynamoLocal | undefined;
let running: ChildProcess | undefined;
let workDir: string | undefined;
/** Synchronous last resort (the process is exiting): signal DynamoDB Local and any runner. */
const cleanUpSync = () => {
  running?.kill('SIGKILL');
  void local?.stop(); // sends SIGTERM synchronously
  if (workDir) rmSync(workDir, { recursive: true, force: true });
};
process.once('exit', cleanUpSync);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cleanUpSync();
    process.exit(130);
  });
}

/** One full export in a fresh `node --import tsx` process; resolves with what it reports. */
function measure(clinicId: string, format: 'ndjson' | 'csv', key: Buffer): Promise<RunnerResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...(FORCE_GC ? ['--expose-gc'] : []), '--import', 'tsx', runnerPath], {
      cwd: root,
      // stderr is kept and shown only if the runner fails (the AWS SDK warns about Node 20 on every start).
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        BENCH_EXPORT_ENDPOINT: local!.endpoint,
        BENCH_EXPORT_TABLE: TABLE,
        BENCH_EXPORT_CLINIC: clinicId,
        BENCH_EXPORT_INSTRUMENT: INSTRUMENT,
        BENCH_EXPORT_FORMAT: format,
        BENCH_EXPORT_KEY: key.toString('hex'),
        BENCH_EXPORT_OUT: join(workDir!, `${clinicId}.${format}`),
      },
    });
    running = child;
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8_000)));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      running = undefined;
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line)
        return reject(new Error(`export runner for ${clinicId} ${format} ended with ${signal ?? code}:\n${stdout}${stderr}`));
      resolvePromise(JSON.parse(line.slice(RESULT_PREFIX.length)) as RunnerResult);
    });
  });
}

async function main() {
  local = await startDynamoLocal({ port: await freePort() });
  workDir = mkdtempSync(join(tmpdir(), 'bench-export-'));
  const client = createDynamoClient({ endpoint: local.endpoint, requestTimeoutMs: 10_000 });
  await ensureTable(client, TABLE);
  const store = createDynamoStore({ client, tableName: TABLE });
  const key = randomBytes(32);
  const pseudonymizer = createPseudonymizer({ current: 1, keys: { '1': key } });
  const deps = { store, pseudonymizer, now: () => NOW, newId: newAssessmentId };

  // Both clinics from one pool of workers: no idle tail between them.
  const clinics = [
    { clinicId: 'bench-export-small', count: SMALL },
    { clinicId: 'bench-export-large', count: LARGE },
  ];
  const total = SMALL + LARGE;
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    for (let n = next++; n < total; n = next++) {
      const { clinicId, count } = n < SMALL ? clinics[0]! : clinics[1]!;
      const i = n < SMALL ? n : n - SMALL;
      const subjects = Math.max(1, Math.round((count / 1000) * SUBJECTS_PER_1000));
      const body = assessmentRequest.parse({
        instrument: INSTRUMENT,
        subject: { ref: `subject-${i % subjects}` },
        administeredOn: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        responses: { importance: i % 11, confidence: (i * 7) % 11, readiness: (i * 3) % 11 },
      });
      await createAssessment(deps, clinicId, `${clinicId}-${i}`, body);
      if (n % 5000 === 0) process.stderr.write(`\r  seeding: ${n}/${total}`);
    }
  };
  console.error(`seeding ${SMALL} + ${LARGE} assessments (${CONCURRENCY} workers)…`);
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seedSeconds = (performance.now() - started) / 1000;
  process.stderr.write(`\r  seeding: ${total} assessments stored in ${seedSeconds.toFixed(0)} s (${(total / seedSeconds).toFixed(0)}/s)\n`);
  client.destroy();

  // NDJSON small→large, then CSV large→small: neither size always goes first.
  const plan: [string, 'ndjson' | 'csv'][] = [
    ['bench-export-small', 'ndjson'],
    ['bench-export-large', 'ndjson'],
    ...(WITH_CSV
      ? ([
          ['bench-export-large', 'csv'],
          ['bench-export-small', 'csv'],
        ] as [string, 'csv'][])
      : []),
  ];
  const results: RunnerResult[] = [];
  for (const [clinicId, format] of plan) {
    process.stderr.write(`  exporting ${clinicId} as ${format}…\n`);
    const result = await measure(clinicId, format, key);
    const expected = clinics.find((c) => c.clinicId === clinicId)!.count;
    if (result.rows !== expected) throw new Error(`${clinicId} ${format}: exported ${result.rows} rows, expected ${expected}`);
    results.push(result);
  }

  const mb = (kb: number) => (kb / 1024).toFixed(1);
  console.log(`MI Assessments API export benchmark · node ${process.version} · ${cpus()[0]?.model.trim()} · ${cpus().length} cores`);
  console.log(
    `Full export (${INSTRUMENT}, cursor followed to the end, default page of 1,000 rows) through the CLI's exportToFile to a temp file,`,
  );
  console.log('each in a fresh Node process; DynamoDB Local in memory, seeded with real assessments via createAssessment.');
  console.log(`  format    rows   seconds   rows/s   peak RSS MB   (at start MB)        bytes`);
  for (const r of results) {
    console.log(
      `  ${r.format.padEnd(6)} ${String(r.rows).padStart(7)} ${r.seconds.toFixed(1).padStart(9)} ${(r.rows / r.seconds).toFixed(0).padStart(8)}` +
        ` ${mb(r.maxRssKb).padStart(13)} ${`(${mb(r.baselineMaxRssKb)})`.padStart(15)} ${String(r.bytes).padStart(12)}`,
    );
  }
  if (FORCE_GC) console.log('  BENCH_EXPORT_GC=1: a GC was forced after every page — a diagnosis, not the figures to publish.');
  console.log(`  memory after the first / the last page (RSS, V8 heap used, MB${FORCE_GC ? ', after a forced GC' : ''}):`);
  for (const r of results) {
    const at = (p: RunnerResult['pages'][number] | undefined) =>
      p ? `${(p.rss / 2 ** 20).toFixed(1)} / ${(p.heapUsed / 2 ** 20).toFixed(1)}` : '-';
    console.log(
      `  ${r.format.padEnd(6)} ${String(r.rows).padStart(7)}   first page ${at(r.pages[0])}   last page ${at(r.pages.at(-1))}   (${r.pages.length} pages)`,
    );
  }
  for (const format of WITH_CSV ? (['ndjson', 'csv'] as const) : (['ndjson'] as const)) {
    const small = results.find((r) => r.format === format && r.clinicId === 'bench-export-small')!;
    const large = results.find((r) => r.format === format && r.clinicId === 'bench-export-large')!;
    const ratio = large.maxRssKb / small.maxRssKb;
    console.log(
      `  ${format}: peak RSS ${LARGE} vs ${SMALL} rows ${ratio.toFixed(2)}× (target ≤ ${RSS_TARGET}×) ${ratio <= RSS_TARGET ? 'PASS' : 'NOT MET'}`,
    );
  }
}

try {
  await main();
} finally {
  running?.kill('SIGKILL');
  await local?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
}
