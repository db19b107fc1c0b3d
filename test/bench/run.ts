/**
 * `npm run bench`: (a) in-process POST /v1/score versus a bare Hono echo, and (b) POST
 * /v1/assessments over HTTP versus the same DynamoDB writes issued directly, all on 127.0.0.1
 * against one in-memory DynamoDB Local, and (c) our engine versus fhirpath.js evaluating the same
 * Questionnaire's calculatedExpressions (fhirpath-engine.ts), and (d) in process, POST
 * /fhir/r4/QuestionnaireResponse/$extract versus POST /v1/score on the same answers, with (d)'s
 * floor: a bare route that only reads, parses and answers the two routes' bytes, which bounds
 * what extract/score can be on this input. Run in the order (b), (c), then (a) and (d) together:
 * the in-process contenders (bare, score, extract, the two floors) in short slices interleaved
 * A B C D E E D C B A …, so that neither DynamoDB Local's start-up nor a burst of the machine's
 * noise lands on one contender alone. Each contender is measured BENCH_ROUNDS × BENCH_SECONDS
 * (defaults 2 × 5) in all, in slices of a fifth of BENCH_SECONDS; (b) measures twice as long per
 * round. Figures go to stdout and `.bench/results.json`.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { composeApp } from '../../functions/app';
import { generateApiKey } from '../../packages/api/api-keys';
import { jsonBody } from '../../packages/api/json-body';
import { createPseudonymizer } from '../../packages/api/pseudonymizer';
import { SCOPES } from '../../packages/domain/records';
import { createDynamoClient } from '../../packages/store/client';
import { createDynamoStore } from '../../packages/store/dynamo';
import { ensureTable, startDynamoLocal } from '../../packages/store/local';
import { countByClinic, freePort } from './dynamo';
import { enginesVsFhirpath } from './fhirpath-engine';
import { assessmentBody, capturedCreateInput, directInput, extractBody, scoreBody } from './fixtures';
import { httpLoad } from './http-load';
import { byRound, contender, fmt, judged, line, pct, verdict } from './report';
import { alternated, drive, figures, interleaved, type Measured, pool, type RoundStats } from './stats';

/** The runtime's own Request and Response, which (a) and (d) must run on, as the app does on Lambda. */
const NATIVE = { Request: globalThis.Request, Response: globalThis.Response };
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RESULTS_FILE = resolve(ROOT, '.bench/results.json');

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
if (!(SECONDS > 0 && SECONDS <= 60)) throw new Error('BENCH_SECONDS must be a number of seconds above 0 and at most 60.');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
if (!(Number.isInteger(ROUNDS) && ROUNDS >= 1 && ROUNDS <= 6)) throw new Error('BENCH_ROUNDS must be an integer from 1 to 6.');
const CONCURRENCY = 16;
const WARMUP_SECONDS = 1;
const A_SECONDS = SECONDS;
/** The in-process contenders run in slices of a fifth of a round, each after a short refill of its 16 in flight. */
const SLICES = 5 * ROUNDS;
const SLICE_SECONDS = SECONDS / 5;
const SLICE_WARMUP_SECONDS = 0.2;
const B_SECONDS = 2 * SECONDS;
/** DynamoDB Local's JVM keeps speeding up for a minute or more; a head start flattens the curve. */
const PREWARM_SECONDS = Math.min(15, 3 * SECONDS);
const SCORE_TARGET = 0.5;
const API_TARGET = 0.75;
const EXTRACT_TARGET = 0.7;
const API_CLINIC = 'bench-api';
const DIRECT_CLINIC = 'bench-direct';
const TABLE = 'bench';

async function main(): Promise<void> {
  const started = new Date();
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const cores = cpus().length;

  const local = await startDynamoLocal({ port: await freePort() });
  const stopOnExit = () => void local.stop();
  process.once('exit', stopOnExit);
  const stopOnSignal = () => void local.stop().finally(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  const client = createDynamoClient({ endpoint: local.endpoint });
  try {
    await ensureTable(client, TABLE);
    const store = createDynamoStore({ client, tableName: TABLE });
    const pseudonymizer = createPseudonymizer({ current: 1, keys: { '1': randomBytes(32) } });
    const { key, record } = generateApiKey(API_CLINIC, [...SCOPES], new Date());
    await store.putApiKey(record);

    // The app's log line is still built and serialized per request; only the stdout write is
    // skipped. Its status field gives the server-side count of created assessments.
    const served: Record<string, number> = {};
    let logBytes = 0;
    const app = composeApp({
      // No per-key rate limit: the benchmark measures the API, not the limiter.
      rateLimit: { perSecond: Number.MAX_SAFE_INTEGER, burst: Number.MAX_SAFE_INTEGER },
      store,
      pseudonymizer,
      log: (entry) => {
        logBytes += JSON.stringify(entry).length;
        const name = `${String(entry.method)} ${String(entry.route)} ${String(entry.status)}`;
        served[name] = (served[name] ?? 0) + 1;
      },
    });
    const bare = new Hono().post('/echo', async (c) => c.json(await c.req.json()));

    // content-length as any HTTP client (and @hono/node-server) supplies it: without it Hono's
    // bodyLimit buffers the body and rebuilds the Request, which real traffic never pays.
    const headers = {
      authorization: `Bearer ${key}`,
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(scoreBody)),
    };
    const request = (path: string, body: string, type: string) =>
      new Request(`http://127.0.0.1${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': type, 'content-length': String(Buffer.byteLength(body)) },
        body,
      });
    const post =
      (target: { fetch: (request: Request) => Response | Promise<Response> }, path: string, body = scoreBody, type = 'application/json') =>
      async () => {
        const res = await target.fetch(request(path, body, type));
        await res.arrayBuffer();
        return res.status === 200;
      };
    const scoreOp = post(app, '/v1/score');
    const bareOp = post(bare, '/echo');
    const extractOp = post(app, '/fhir/r4/QuestionnaireResponse/$extract', extractBody, 'application/fhir+json');

    // (d)'s floor: a bare route with our JSON body reader that reads and parses each body and
    // answers the bytes its route answered, doing nothing else (no key, no scoring, no FHIR).
    // The two differ only in their bodies' sizes: their gap is what $extract's bytes alone cost.
    const answered = async (path: string, body: string, type: string) => {
      const res = await app.fetch(request(path, body, type));
      return { text: await res.text(), type: res.headers.get('content-type') ?? type };
    };
    const scoreAnswer = await answered('/v1/score', scoreBody, 'application/json');
    const extractAnswer = await answered('/fhir/r4/QuestionnaireResponse/$extract', extractBody, 'application/fhir+json');
    const floor = new Hono()
      .post('/score', jsonBody(64 * 1024), async (c) => {
        await c.req.json();
        return c.body(scoreAnswer.text, 200, { 'content-type': scoreAnswer.type });
      })
      .post('/extract', jsonBody(64 * 1024), async (c) => {
        await c.req.json();
        return c.body(extractAnswer.text, 200, { 'content-type': extractAnswer.type });
      });
    const floorScoreOp = post(floor, '/score');
    const floorExtractOp = post(floor, '/extract', extractBody, 'application/fhir+json');

    // Sanity checks before the long run; the first reads the key (then cached for 30 s).
    for (const [name, op] of [
      ['POST /v1/score', scoreOp],
      ['POST $extract', extractOp],
    ] as const) {
      if (!(await op())) throw new Error(`${name} did not answer 200.`);
    }

    // (b) HTTP API versus the store called directly; rounds ordered direct, api, api, direct, …
    // Requests in flight are tracked so the final count waits for handlers whose client has
    // already hung up at the end of a round (their writes still land).
    let inFlight = 0;
    const tracked = async (request: Request) => {
      inFlight++;
      try {
        return await app.fetch(request);
      } finally {
        inFlight--;
      }
    };
    const port = await freePort();
    const server = await new Promise<ReturnType<typeof serve>>((resolveServer) => {
      // why overrideGlobalObjects false: by default @hono/node-server replaces the process's global
      // Request and Response with its own for good, and (a) and (d), measured later in this process,
      // would then run on those rather than on the runtime's own, which Lambda's adapter uses.
      const s = serve({ fetch: tracked, port, hostname: '127.0.0.1', overrideGlobalObjects: false }, () => resolveServer(s));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const template = await capturedCreateInput(pseudonymizer, DIRECT_CLINIC);
    const bodyTemplate = JSON.stringify(assessmentBody('__REF__'));
    const bOptions = { concurrency: CONCURRENCY, warmupSeconds: WARMUP_SECONDS, seconds: B_SECONDS };
    const directOp = (prefix: string) => async (n: number) => {
      const input = directInput(template, pseudonymizer, `${prefix}-${n}`, `${prefix}-${n}`);
      return (await store.createAssessment(input)).kind === 'created';
    };
    // DynamoDB Local's JIT is cold for transactions: warm it before the first measured round.
    const prewarm = await drive(directOp('direct-prewarm'), { concurrency: CONCURRENCY, warmupSeconds: 0, seconds: PREWARM_SECONDS });
    // Rounds ordered direct, api, api, direct, …
    const [directRounds, apiRounds] = await alternated(
      ROUNDS,
      (round) => drive(directOp(`direct-r${round}`), bOptions),
      (round) => httpLoad({ url, key, connections: CONCURRENCY, ...bOptions, prefix: `api-r${round}`, bodyTemplate }),
    );
    const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
    (server as HttpServer).closeAllConnections();
    await closed;
    while (inFlight > 0) await new Promise((r) => setTimeout(r, 20));

    // (c) in process, no I/O: one evaluation at a time, alternated A B B A.
    const c = enginesVsFhirpath(A_SECONDS, ROUNDS);

    if (globalThis.Request !== NATIVE.Request || globalThis.Response !== NATIVE.Response) {
      throw new Error('The global Request or Response was replaced (by @hono/node-server?): (a) and (d) would not measure the runtime.');
    }
    // (a) and (d) in process, after a warm-up of each: slices ordered bare, score, extract, the two floors, then back, …
    // The key cache has expired during (b): the sanity checks read the key again before measuring.
    for (const [name, op] of [
      ['POST /v1/score', scoreOp],
      ['POST $extract', extractOp],
    ] as const) {
      if (!(await op())) throw new Error(`${name} did not answer 200.`);
    }
    const slice = { concurrency: CONCURRENCY, warmupSeconds: SLICE_WARMUP_SECONDS, seconds: SLICE_SECONDS };
    const inProcess = [bareOp, scoreOp, extractOp, floorScoreOp, floorExtractOp];
    for (const op of inProcess) await drive(op, { concurrency: CONCURRENCY, warmupSeconds: 0, seconds: WARMUP_SECONDS });
    const [bareRounds = [], scoreRounds = [], extractRounds = [], floorScoreRounds = [], floorExtractRounds = []] = await interleaved(
      SLICES,
      inProcess.map((op) => () => drive(op, slice)),
    );
    const a = { bare: pool(bareRounds), score: pool(scoreRounds) };
    const d = { v1: a.score, extract: pool(extractRounds), floorScore: pool(floorScoreRounds), floorExtract: pool(floorExtractRounds) };
    const extractRatio = d.extract.rps / d.v1.rps;
    // One request's time is 1/rps (16 in flight on one thread). If $extract's own work (reading the
    // resource, mapping, writing the Observations) were free, it would cost /v1/score plus what its
    // bytes cost: the best extract/score any implementation could show on this input.
    const bytesCost = 1 / d.floorExtract.rps - 1 / d.floorScore.rps;
    const extractCeiling = 1 / d.v1.rps / (1 / d.v1.rps + bytesCost);

    // Accounting: every 201 the server sent is one assessment plus one idempotency record.
    const counts = await countByClinic(client, TABLE);
    const api201 = served['POST /v1/assessments 201'] ?? 0;
    const apiOther = Object.entries(served)
      .filter(([name]) => name.startsWith('POST /v1/assessments ') && !name.endsWith(' 201'))
      .reduce((sum, [, count]) => sum + count, 0);
    const client2xx = apiRounds.reduce((sum, r) => sum + (r.statusCounts['201'] ?? 0), 0);
    const directCreated = directRounds.reduce((sum, r) => sum + r.okTotal, prewarm.okTotal);
    const apiStored = counts[API_CLINIC] ?? { assessments: 0, idempotency: 0 };
    const directStored = counts[DIRECT_CLINIC] ?? { assessments: 0, idempotency: 0 };
    const apiExact = apiOther === 0 && apiStored.assessments === api201 && apiStored.idempotency === api201;
    const directExact = directStored.assessments === directCreated && directStored.idempotency === directCreated;

    const b = { direct: pool(directRounds), api: pool(apiRounds) };
    const scoreRatio = a.score.rps / a.bare.rps;
    const apiRatio = b.api.rps / b.direct.rps;

    const rows: [string, RoundStats, Measured[]][] = [
      ['(a) bare Hono echo', a.bare, bareRounds],
      ['(a) POST /v1/score', a.score, scoreRounds],
      ['(b) direct store.createAssessment', b.direct, directRounds],
      ['(b) POST /v1/assessments (HTTP)', b.api, apiRounds],
      ['(d) POST QuestionnaireResponse/$extract', d.extract, extractRounds],
      ['(d) floor: score body in, its answer out', d.floorScore, floorScoreRounds],
      ['(d) floor: $extract body in, its answer out', d.floorExtract, floorExtractRounds],
    ];
    const out = [
      'MI Assessments API benchmark',
      `node ${process.version} · ${cpu} · ${cores} cores · BENCH_SECONDS=${SECONDS} · ${started.toISOString()}`,
      'Everything on 127.0.0.1 on this machine: Node (app, load generators) and DynamoDB Local (Java, in memory) share the cores.',
      '',
      `(a) in process, app.fetch(new Request(…)), ${CONCURRENCY} in flight, after (b) and (c); ${WARMUP_SECONDS} s warm-up of each contender, then`,
      `    ${SLICES} slices of ${SLICE_SECONDS} s each (after ${SLICE_WARMUP_SECONDS} s to refill), bare, score, extract and (d)'s two floors interleaved A B C D E E D C B A …;`,
      `    20-item decisional-balance-alcohol body with content-length, valid bearer key (auth cache warm);`,
      `    bare = Hono route echoing the parsed JSON, same Request.`,
      `(b) ${CONCURRENCY} concurrent, ${WARMUP_SECONDS} s warm-up + ${B_SECONDS} s per round (after ${PREWARM_SECONDS} s of direct writes to warm DynamoDB Local's JVM: ${fmt(prewarm.rps, 0)} req/s); api = @hono/node-server + autocannon (worker thread),`,
      `    unique Idempotency-Key and subject per request; direct = the store's own createAssessment (reads of the subject's period records, then one TransactWriteItems: assessment, idempotency record, rollups).`,
      `(b): ${ROUNDS} rounds per contender, alternated A B B A, so a steady drift weighs on both alike;`,
      `each row pools its rounds or slices (requests over the summed windows, percentiles over all latencies).`,
      '',
      line(['contender', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'req/s by round in run order (slices: slowest – fastest)']),
      ...rows.map(([name, s, rounds]) =>
        line([name, fmt(s.rps, 0), fmt(s.p50, 2), fmt(s.p99, 2), String(s.errors), byRound(rounds, ROUNDS)]),
      ),
      '',
      `score/bare = ${pct(scoreRatio)} (target ≥ ${pct(SCORE_TARGET)}) ${verdict(scoreRatio, SCORE_TARGET)}`,
      `api/direct = ${pct(apiRatio)} (target ≥ ${pct(API_TARGET)}) ${verdict(apiRatio, API_TARGET)}`,
      '',
      `(c) ${c.instrument} (${c.scores} scores), same complete answers, ${A_SECONDS} s per round, fhirpath.js expressions compiled once:`,
      `    engine ${fmt(c.enginePerSecond, 0)}/s, fhirpath.js ${fmt(c.fhirpathPerSecond, 0)}/s (by round: ${c.rounds.map((r) => `${r.contender} ${fmt(r.perSecond, 0)}`).join(' / ')})`,
      `engine/fhirpath = ${fmt(c.ratio, 1)}× (target ≥ ${c.target}×) ${verdict(c.ratio, c.target)}`,
      `(d) in (a)'s slices, the same 20 answers as a QuestionnaireResponse (coded answers) to $extract, which answers a Bundle of the panel and its member Observations:`,
      `extract/score = ${pct(extractRatio)} (target ≥ ${pct(EXTRACT_TARGET)}) ${verdict(extractRatio, EXTRACT_TARGET)}`,
      `    floor: a bare route reading and parsing each body (${Buffer.byteLength(scoreBody)} / ${Buffer.byteLength(extractBody)} B) and answering its route's bytes (${Buffer.byteLength(scoreAnswer.text)} / ${Buffer.byteLength(extractAnswer.text)} B):`,
      `    the bytes alone cost ${fmt(bytesCost * 1e6, 1)} µs a request, so extract/score could be at most ${pct(extractCeiling)} here; $extract's own work costs ${fmt((1 / d.extract.rps - 1 / d.v1.rps - bytesCost) * 1e6, 1)} µs`,
      '',
      `stored (api):    ${api201} × 201 served (${apiOther} other statuses; autocannon received ${client2xx}, the rest were cut off at round ends)` +
        ` → ${apiStored.assessments} assessments, ${apiStored.idempotency} idempotency records: ${apiExact ? 'exactly one per request' : 'MISMATCH'}`,
      `stored (direct): ${directCreated} created → ${directStored.assessments} assessments, ${directStored.idempotency} idempotency records: ` +
        `${directExact ? 'exactly one per request' : 'MISMATCH'}`,
      `results: ${relative(process.cwd(), RESULTS_FILE)}`,
    ];
    console.log(out.join('\n'));

    const results = {
      startedAt: started.toISOString(),
      node: process.version,
      cpu,
      cores,
      benchSeconds: SECONDS,
      rounds: ROUNDS,
      concurrency: CONCURRENCY,
      warmupSeconds: WARMUP_SECONDS,
      dynamoPrewarm: { ...figures(prewarm), created: prewarm.okTotal },
      selection:
        'in process: slices interleaved A B C D E E D C B A (bare, score, extract, floor score, floor extract); (b): rounds ordered A B B A; each contender pools its slices or rounds (requests / summed seconds, percentiles over all latencies)',
      inProcess: {
        slices: SLICES,
        sliceSeconds: SLICE_SECONDS,
        bare: contender(a.bare, bareRounds),
        score: contender(a.score, scoreRounds),
        ...judged(scoreRatio, SCORE_TARGET),
      },
      assessments: {
        seconds: B_SECONDS,
        direct: { pooled: b.direct, rounds: directRounds.map((r) => ({ ...figures(r), created: r.okTotal })) },
        api: {
          pooled: b.api,
          rounds: apiRounds.map((r) => ({ ...figures(r), statusCounts: r.statusCounts, connectionErrors: r.connectionErrors })),
        },
        ...judged(apiRatio, API_TARGET),
        stored: {
          api: { served201: api201, otherStatuses: apiOther, client2xx, ...apiStored, exact: apiExact },
          direct: { created: directCreated, ...directStored, exact: directExact },
        },
      },
      fhirpathEngines: c,
      extract: {
        slices: SLICES,
        sliceSeconds: SLICE_SECONDS,
        score: contender(d.v1, scoreRounds),
        extract: contender(d.extract, extractRounds),
        ...judged(extractRatio, EXTRACT_TARGET),
        floor: {
          what: 'a bare Hono route with the JSON body reader: reads and parses the body, answers the route’s bytes',
          score: contender(d.floorScore, floorScoreRounds),
          extract: contender(d.floorExtract, floorExtractRounds),
          bytesCostMicros: bytesCost * 1e6,
          ceiling: extractCeiling,
        },
      },
      logBytes,
    };
    await mkdir(dirname(RESULTS_FILE), { recursive: true });
    await writeFile(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    client.destroy();
    await local.stop();
    process.off('exit', stopOnExit);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
