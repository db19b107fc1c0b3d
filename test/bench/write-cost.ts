/**
 * `npm run bench:write-cost`: does the cost of storing an assessment grow with the client's
 * history? Stores BENCH_WRITES (default 2,000) daily readiness-ruler assessments of ONE client,
 * all in one quarter (a back-fill, oldest first), through the API's own use case on an in-memory
 * DynamoDB Local, one after the other, and prints what chosen writes consumed: as DynamoDB Local
 * reports it (`ReturnConsumedCapacity`) and as computed from the item sizes the way DynamoDB
 * bills the base table (see test/support/capacity.ts for why both). Target: write #2,000 within ±10 % of #1.
 * The printed writes carry the same answers (the stored view, hence the item sizes, depends on
 * them), so they differ only in what the client already has; the range over all writes follows.
 * Then deletes the client's first and latest assessment (each needs the next one read) and prints those.
 */
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { createAssessment } from '../../packages/api/assessments';
import { newAssessmentId } from '../../packages/api/ids';
import { createPseudonymizer } from '../../packages/api/pseudonymizer';
import { assessmentRequest } from '../../packages/api/schemas';
import { createDynamoClient } from '../../packages/store/client';
import { createDynamoStore } from '../../packages/store/dynamo';
import { ensureTable, startDynamoLocal } from '../../packages/store/local';
import { meterCapacity, type Reading } from '../support/capacity';
import { freePort } from './dynamo';

const WRITES = Number(process.env.BENCH_WRITES ?? 2_000);
const COMPARED = 2_000;
const QUARTER_START = Date.parse('2026-10-01T00:00:00Z');
const QUARTER_DAYS = 92;
const TABLE = 'bench-write-cost';

/** The writes whose cost is printed. */
const measured = new Set([1, 10, 100, 500, 1_000, 1_500, COMPARED, WRITES].filter((n) => n <= WRITES));

async function main() {
  const local = await startDynamoLocal({ port: await freePort() });
  process.once('exit', () => void local.stop());
  try {
    const client = createDynamoClient({ endpoint: local.endpoint, requestTimeoutMs: 30_000 });
    const raw = createDynamoClient({ endpoint: local.endpoint, requestTimeoutMs: 30_000 });
    await ensureTable(raw, TABLE);
    const meter = meterCapacity(client, { raw, TableName: TABLE });
    let clock = Date.parse('2027-01-05T09:00:00Z');
    const now = () => new Date((clock += 1000));
    const store = createDynamoStore({ client, tableName: TABLE, now });
    const pseudonymizer = createPseudonymizer({ current: 1, keys: { '1': randomBytes(32) } });
    const deps = { store, pseudonymizer, now, newId: newAssessmentId };

    const readings = new Map<number, Reading>();
    const failures: { n: number; error: string }[] = [];
    const ids: string[] = [];
    const range = { min: Number.POSITIVE_INFINITY, max: 0, at: 0 };
    const started = performance.now();
    for (let n = 1; n <= WRITES; n += 1) {
      const day = new Date(QUARTER_START + Math.floor(((n - 1) * QUARTER_DAYS) / WRITES) * 86_400_000).toISOString().slice(0, 10);
      const body = assessmentRequest.parse({
        instrument: 'readiness-ruler',
        subject: { ref: 'client-long-running' },
        administeredOn: day,
        responses: measured.has(n)
          ? { importance: 7, confidence: 5, readiness: 6 }
          : { importance: n % 11, confidence: (n * 7) % 11, readiness: (n * 3) % 11 },
      });
      meter.start(measured.has(n));
      try {
        const created = await createAssessment(deps, 'bench-cost', `cost-${n}`, body);
        ids.push((created.body as { id: string }).id);
      } catch (error) {
        failures.push({ n, error: `${(error as Error).name}: ${(error as Error).message.slice(0, 120)}` });
      }
      const reading = meter.stop();
      if (measured.has(n)) readings.set(n, reading);
      if (!failures.some((f) => f.n === n)) {
        const units = total(reading);
        if (units < range.min) range.min = units;
        if (units > range.max) [range.max, range.at] = [units, n];
      }
      if (n % 250 === 0) process.stderr.write(`\r  ${n}/${WRITES} stored, ${failures.length} failed`);
    }
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(`\r  ${WRITES} writes in ${seconds.toFixed(0)} s, ${failures.length} failed\n`);
    const deletes: [string, Reading | string][] = [];
    for (const [label, id] of [
      ['first', ids[0]!],
      ['latest', ids.at(-1)!],
    ] as const) {
      meter.start(true);
      const outcome = await store.deleteAssessment('bench-cost', id).then(
        () => undefined,
        (error: Error) => `FAILED: ${error.name}: ${error.message.slice(0, 120)}`,
      );
      deletes.push([`delete the ${label}`, outcome ?? meter.stop()]);
      meter.stop();
    }

    console.log(`MI Assessments API write-cost benchmark · node ${process.version} · ${cpus()[0]?.model.trim()} · ${cpus().length} cores`);
    console.log(`${WRITES} readiness-ruler assessments of one client in 2026-Q4, oldest first, one at a time, API use case → store:`);
    console.log(
      '  write  | DynamoDB Local reports: reads RCU + writes WCU (table + GSI) = total | computed, table: RCU + WCU = total | largest item',
    );
    const row = (label: string, r: Reading, note = '') =>
      console.log(
        `  ${label.padEnd(6)} | ${fmt(r.reported.reads)} + ${fmt(r.reported.writes)} (${fmt(r.reported.writesTable)} + ${fmt(r.reported.writesIndexes)}) = ${fmt(total(r))}` +
          ` | ${fmt(r.computed.reads)} + ${fmt(r.computed.writes)} = ${fmt(computedTotal(r))} | ${(r.computed.largestItem / 1024).toFixed(1)} KB${note}`,
      );
    for (const [n, r] of [...readings].sort(([a], [b]) => a - b)) {
      row(`#${n}`, r, failures.some((f) => f.n === n) ? '  (this write FAILED)' : '');
    }
    console.log(`  every stored write: ${fmt(range.min)} to ${fmt(range.max)} units reported (the most at #${range.at})`);
    for (const [label, r] of deletes) {
      if (typeof r === 'string') console.log(`  ${label}: ${r}`);
      else row(label, r);
    }
    if (failures.length) {
      console.log(`  ${failures.length} of ${WRITES} writes FAILED, the first at #${failures[0]!.n}: ${failures[0]!.error}`);
    }
    const first = readings.get(1)!;
    const failed = (n: number) => failures.some((f) => f.n === n);
    // A failed write consumed its reads only: compare the last printed write that was stored.
    const n = Math.max(...[...readings.keys()].filter((k) => k <= COMPARED && !failed(k)));
    const compared = readings.get(n)!;
    const ratio = total(compared) / total(first);
    const computedRatio = computedTotal(compared) / computedTotal(first);
    const pass = failures.length === 0 && Math.abs(ratio - 1) <= 0.1 && Math.abs(computedRatio - 1) <= 0.1;
    console.log(
      `  #${n} / #1: reported ${ratio.toFixed(2)}×, computed ${computedRatio.toFixed(2)}×${n < Math.min(COMPARED, WRITES) ? ` (#${Math.min(COMPARED, WRITES)} failed)` : ''}` +
        ` (target 1.00 ± 0.10, every write stored) ${pass ? 'PASS' : 'FAIL'}`,
    );
  } finally {
    await local.stop();
  }
}

const total = (r: Reading) => r.reported.reads + r.reported.writes;
const computedTotal = (r: Reading) => r.computed.reads + r.computed.writes;
const fmt = (units: number) => (Number.isInteger(units) ? String(units) : units.toFixed(1));

await main();
