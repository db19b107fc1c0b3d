/**
 * `npm run bench:analytics`: does analytics cost grow with the number of stored assessments?
 * Seeds one clinic with 1,000 and another with 50,000 real assessments (scored and stored by the
 * API's own use case, rollups included) on an in-memory DynamoDB Local, then measures
 * GET /v1/analytics/aggregates (12 months) in process for each, alternating.
 * BENCH_LARGE overrides 50,000 for a quick run.
 */
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { generateApiKey } from '../../packages/api/api-keys';
import { createApp } from '../../packages/api/app';
import { createAssessment } from '../../packages/api/assessments';
import { newAssessmentId } from '../../packages/api/ids';
import { createPseudonymizer } from '../../packages/api/pseudonymizer';
import { assessmentRequest } from '../../packages/api/schemas';
import { createDynamoClient } from '../../packages/store/client';
import { createDynamoStore } from '../../packages/store/dynamo';
import { ensureTable, startDynamoLocal } from '../../packages/store/local';
import { freePort } from './dynamo';
import { percentile } from './stats';

const UNLIMITED = { perSecond: Number.MAX_SAFE_INTEGER, burst: Number.MAX_SAFE_INTEGER };

const SMALL = 1_000;
const LARGE = Number(process.env.BENCH_LARGE ?? 50_000);
const SUBJECTS_PER_1000 = 100; // ten assessments per subject over the year
const CONCURRENCY = 16;
const QUERY_ROUNDS = 4;
const QUERIES_PER_ROUND = 100;
const NOW = new Date('2026-12-31T12:00:00Z');

async function main() {
  const local = await startDynamoLocal({ port: await freePort() });
  process.once('exit', () => void local.stop());
  try {
    const client = createDynamoClient({ endpoint: local.endpoint, requestTimeoutMs: 10_000 });
    await ensureTable(client, 'bench-analytics');
    const store = createDynamoStore({ client, tableName: 'bench-analytics' });
    const pseudonymizer = createPseudonymizer({ current: 1, keys: { '1': randomBytes(32) } });
    const deps = { store, pseudonymizer, now: () => NOW, newId: newAssessmentId };

    const seed = async (clinicId: string, count: number) => {
      const started = performance.now();
      const subjects = Math.max(1, Math.round((count / 1000) * SUBJECTS_PER_1000));
      let next = 0;
      const worker = async () => {
        for (let i = next++; i < count; i = next++) {
          const month = (i % 12) + 1;
          const body = assessmentRequest.parse({
            instrument: 'readiness-ruler',
            subject: { ref: `subject-${i % subjects}` },
            administeredOn: `2026-${String(month).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
            responses: { importance: i % 11, confidence: (i * 7) % 11, readiness: (i * 3) % 11 },
          });
          await createAssessment(deps, clinicId, `${clinicId}-${i}`, body);
          if (i % 5000 === 0) process.stderr.write(`\r  ${clinicId}: ${i}/${count}`);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      const seconds = (performance.now() - started) / 1000;
      process.stderr.write(`\r  ${clinicId}: ${count} assessments stored in ${seconds.toFixed(0)} s (${(count / seconds).toFixed(0)}/s)\n`);
    };
    console.error('seeding…');
    await seed('bench-small', SMALL);
    await seed('bench-large', LARGE);

    // No per-key rate limit: the benchmark measures the query, not the limiter.
    const app = createApp({ store, pseudonymizer, now: () => NOW, log: () => {}, rateLimit: UNLIMITED });
    const keys: Record<string, string> = {};
    for (const clinic of ['bench-small', 'bench-large']) {
      const { key, record } = generateApiKey(clinic, ['analytics:read'], NOW);
      await store.putApiKey(record);
      keys[clinic] = key;
    }
    const query = async (clinic: string) => {
      const t = performance.now();
      const res = await app.request('/v1/analytics/aggregates?instrument=readiness-ruler&from=2026-01&to=2026-12', {
        headers: { authorization: `Bearer ${keys[clinic]}` },
      });
      const body = (await res.json()) as { groups: { subjects: { value: number | null } }[] };
      if (res.status !== 200) throw new Error(`aggregates answered ${res.status}`);
      return { ms: performance.now() - t, assessments: body.groups.length };
    };
    const latencies: Record<string, number[]> = { 'bench-small': [], 'bench-large': [] };
    for (let round = 0; round < QUERY_ROUNDS; round += 1) {
      const order = round % 2 === 0 ? ['bench-small', 'bench-large'] : ['bench-large', 'bench-small'];
      for (const clinic of order) for (let i = 0; i < QUERIES_PER_ROUND; i += 1) latencies[clinic]!.push((await query(clinic)).ms);
    }
    const stat = (clinic: string) => {
      const sorted = [...latencies[clinic]!].sort((a, b) => a - b);
      return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
    };
    const [small, large] = [stat('bench-small'), stat('bench-large')];
    console.log(`MI Assessments API analytics benchmark · node ${process.version} · ${cpus()[0]?.model.trim()} · ${cpus().length} cores`);
    console.log(
      `GET /v1/analytics/aggregates, 12 monthly groups, in process, ${QUERY_ROUNDS * QUERIES_PER_ROUND} requests per clinic, alternated:`,
    );
    console.log(`  ${String(SMALL).padStart(6)} stored assessments: p50 ${small.p50.toFixed(2)} ms, p99 ${small.p99.toFixed(2)} ms`);
    console.log(`  ${String(LARGE).padStart(6)} stored assessments: p50 ${large.p50.toFixed(2)} ms, p99 ${large.p99.toFixed(2)} ms`);
    const ratio = large.p50 / small.p50;
    console.log(`  ratio of medians ${ratio.toFixed(2)}× (target ≤ 1.5×) ${ratio <= 1.5 ? 'PASS' : 'NOT MET'}`);
  } finally {
    await local.stop();
  }
}

await main();
