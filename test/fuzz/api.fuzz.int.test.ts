import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../packages/api/app';
import type { Store } from '../../packages/store/port';
import { pseudonymizer, testApi } from '../support/api';
import { checked } from '../support/contract';
import { type FuzzTarget, fuzzTarget, type Observation, ruler } from './harness';
import { summary, TIME_BOUND_MS, violations } from './invariants';
import { type Json, jsonText } from './json-text';
import { deepNesting, manyKeys } from './junk';
import { describe as describeRequest, type FuzzRequest, type Keys, requests } from './requests';
import { goodParams, type OpenApi, operationsOf } from './valid';

/**
 * The fuzz suite: every operation of the app's own OpenAPI document gets seeded, mutated
 * requests (requests.ts) against DynamoDB Local, and every answer is held to the invariants
 * (invariants.ts). Findings stay as named regression cases below the property.
 *
 *   npx vitest run test/fuzz                                  default seed and run count
 *   FUZZ_SEED=42 FUZZ_RUNS=1000 npx vitest run test/fuzz      another seed, more requests per operation
 *   FUZZ_SEED=… FUZZ_PATH=… npx vitest run test/fuzz -t 'post /v1/score'   replay one failure
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
/** Requests per operation: 16 operations × 100 = 1,600 by default, about 20 s on an idle 2-core machine. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const PATH = process.env.FUZZ_PATH;
/** Room for the run and for fast-check's shrinking of a failure; shrinking stops first. */
const PROPERTY_TIMEOUT_MS = 120_000 + RUNS * 200;

// The operations are read once, at collection, from the app itself (the document needs no storage).
const docApp = createApp({ store: {} as Store, pseudonymizer, log: () => {} });
const doc = (await (await docApp.request('/openapi.json')).json()) as OpenApi;
const operations = operationsOf(doc);

let target: FuzzTarget;
beforeAll(async () => {
  target = await fuzzTarget();
}, 60_000);
afterAll(() => target.api.table.drop());

/** A request as the generator would make it, for the named cases. */
function request(method: string, path: string, options: { body?: Json; raw?: string; headers?: Record<string, string> } = {}) {
  const text = options.raw ?? (options.body === undefined ? '' : jsonText(options.body));
  const r: FuzzRequest = {
    operation: `${method.toLowerCase()} ${new URL(path, 'http://localhost').pathname}`,
    method,
    url: new URL(path, 'http://localhost').href,
    headers: Object.entries({
      authorization: `Bearer ${target.keys.full}`,
      ...(text ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    }),
    ...(text ? { body: text } : {}),
    text,
    notes: ['a named case'],
  };
  return r;
}

const failure = (o: Observation, broken: string[], keys: Keys) =>
  `${broken.map((v) => `- ${v}`).join('\n')}\n${summary(o)}\nrequest:\n${describeRequest(o.request, keys)}`;

/** Sends a named case and holds it to every invariant of the fuzz. */
async function sendClean(r: FuzzRequest): Promise<Observation> {
  const o = await target.send(r);
  const broken = violations(o);
  expect(broken, failure(o, broken, target.keys)).toEqual([]);
  return o;
}

describe('the fuzzer reads the OpenAPI document', () => {
  it('has good values for every parameter of every documented operation', () => {
    const table = goodParams(target.fixtures);
    expect(Object.keys(table).sort()).toEqual(operations.map((op) => op.key).sort());
    for (const op of operations) {
      expect(Object.keys(table[op.key]!).sort(), op.key).toEqual([...op.pathParams, ...op.queryParams, ...op.headerParams].sort());
    }
  });
});

describe('fuzzed requests to every operation', () => {
  it.each(operations.map((op) => [op.key, op] as const))(
    '%s: no 5xx, small problems, no echo, nothing stored, no stall',
    async (_, op) => {
      const { api, keys, fixtures, send } = await fuzzTarget();
      try {
        await fc.assert(
          fc.asyncProperty(requests(op, doc, fixtures, keys), async (r) => {
            const o = await send(r);
            const broken = violations(o);
            if (broken.length) throw new Error(failure(o, broken, keys));
          }),
          {
            seed: SEED,
            numRuns: RUNS,
            ...(PATH ? { path: PATH } : {}),
            plugins: [fc.interruptAfterTimeLimit(PROPERTY_TIMEOUT_MS - 15_000)],
          },
        );
      } finally {
        await api.table.drop();
      }
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe('regressions found by the fuzzer', () => {
  const many = manyKeys(7_000);

  it.each([
    ['POST /v1/subjects/search', '/v1/subjects/search', { ref: 'zqxmany01', ...many }, 400],
    [
      'POST /v1/assessments/batch',
      '/v1/assessments/batch',
      { items: [{ idempotencyKey: 'zqxmany02', assessment: ruler('zqxmany03') }], ...many },
      400,
    ],
    ['POST /v1/assessments (under responses)', '/v1/assessments', { ...ruler('zqxmany04'), responses: many }, 422],
  ])('answers %s with 7,000 unknown keys by a short problem that counts the rest', async (_, path, body, status) => {
    const o = await sendClean(request('POST', path, { body, headers: { 'idempotency-key': 'zqxmany05' } }));
    const problem = JSON.parse(o.answer.text);
    expect(o.answer.status).toBe(status);
    expect(problem.errors.length).toBeLessThanOrEqual(20);
    // The ones not listed are counted, in the detail or a field of their own.
    expect(Math.max(...o.answer.text.match(/\d+/g)!.map(Number))).toBeGreaterThanOrEqual(7_000 - problem.errors.length);
    expect(o.answer.ms).toBeLessThan(TIME_BOUND_MS);
  });

  it('answers a batch item with 7,000 unknown response keys by a short item problem', async () => {
    const item = { idempotencyKey: 'zqxmany06', assessment: { ...ruler('zqxmany07'), responses: many } };
    const o = await sendClean(request('POST', '/v1/assessments/batch', { body: { items: [item] } }));
    expect(o.answer.status).toBe(200);
    expect(JSON.parse(o.answer.text).results[0]).toMatchObject({ index: 0, status: 422 });
  });

  it.each([
    ['a search', '/v1/subjects/search', '{"ref":"x","John Smith MRN 12345":1}'],
    [
      'a batch',
      '/v1/assessments/batch',
      `{"items":[{"idempotencyKey":"zqxjohn01","assessment":${jsonText(ruler('x'))}}],"John Smith MRN 12345":1}`,
    ],
  ])('names no free-text unknown key of %s, not even in the message', async (_, path, raw) => {
    const o = await sendClean(request('POST', path, { raw }));
    expect(o.answer.status).toBe(400);
    for (const secret of ['John Smith', 'MRN', '12345']) {
      expect(o.answer.text).not.toContain(secret);
      expect(JSON.stringify(o.answer.headers)).not.toContain(secret);
      expect(JSON.stringify(o.logs)).not.toContain(secret);
    }
  });

  it.each([
    ['subject.ref', { ...ruler('x'), subject: { ref: { toString: 1 } } }, 400],
    ['instrument', { ...ruler('x'), instrument: { toString: 1 } }, 422],
  ] as [string, Json, number][])(
    'rejects a batch item whose %s is {"toString":1} and stores the other item',
    async (_, assessment, status) => {
      const items = [
        { idempotencyKey: 'zqxtostr1', assessment },
        { idempotencyKey: 'zqxtostr2', assessment: ruler('zqxtostr3') },
      ];
      const o = await sendClean(request('POST', '/v1/assessments/batch', { body: { items } }));
      expect(o.answer.status).toBe(200);
      expect(JSON.parse(o.answer.text).results.map((r: { status: number }) => r.status)).toEqual([status, 201]);
    },
  );

  const deepRef = deepNesting(5_000, 'array', '"zqxdeep01"');
  it.each([
    [
      'a batch item’s ref',
      '/v1/assessments/batch',
      { items: [{ idempotencyKey: 'zqxdeep02', assessment: { ...ruler('x'), subject: { ref: deepRef } } }] },
    ],
    ['an assessment’s ref', '/v1/assessments', { ...ruler('x'), subject: { ref: deepRef } }],
    ['a search ref', '/v1/subjects/search', { ref: deepRef }],
    ['a score’s responses', '/v1/score', { instrument: 'readiness-ruler', responses: { importance: deepRef } }],
    ['a search ref of objects', '/v1/subjects/search', { ref: deepNesting(5_000, 'object', '"zqxdeep03"') }],
  ] as [string, string, Json][])('answers 400 to %s nested 5,000 deep', async (_, path, body) => {
    const o = await sendClean(request('POST', path, { body, headers: { 'idempotency-key': 'zqxdeep04' } }));
    expect(o.answer.status).toBe(400);
  });

  it('keeps the Host sent out of the export’s Link header', async () => {
    const o = await sendClean(
      request('GET', 'http://evil.example/v1/analytics/export?instrument=readiness-ruler&limit=1', { headers: { host: 'evil.example' } }),
    );
    const link = o.answer.headers.find(([n]) => n === 'link')?.[1];
    expect(o.answer.status).toBe(200);
    expect(link).toMatch(/^<[^>]*cursor=[^>]+>; rel="next"$/);
    expect(JSON.stringify(o.answer.headers)).not.toContain('evil.example');
  });

  it('answers 400 to an aggregates range that starts before year 1', async () => {
    const o = await sendClean(request('GET', '/v1/analytics/aggregates?instrument=readiness-ruler&to=0001-01', {}));
    expect(o.answer.status).toBe(400);
    expect(o.answer.text).not.toContain('"from":"0-02"');
  });
});

describe('unauthenticated attempts are limited per client address', () => {
  // The address as each runtime's Hono adapter hands it to the app in `c.env`.
  const adapters: [string, (address: string) => unknown][] = [
    ['Lambda behind an HTTP API', (address) => ({ event: {}, requestContext: { http: { sourceIp: address } }, lambdaContext: {} })],
    [
      'the local Node server',
      (address) => ({ incoming: { socket: { remoteAddress: address, remotePort: 50_000, remoteFamily: 'IPv4' } } }),
    ],
  ];
  it.each(adapters)('answers 429 to a key that is not ours, sent 200 times from one address (%s)', async (_, env) => {
    const own = await testApi();
    const notOurs = { headers: { authorization: `Bearer mia_0123456789abcdef${'A'.repeat(43)}` } };
    const attempt = (address: string) => own.app.request('/v1/instruments', notOurs, env(address) as never);
    try {
      const answers: Response[] = [];
      for (let i = 0; i < 200; i += 1) answers.push(await attempt('203.0.113.7'));
      const other = await attempt('198.51.100.9');

      const statuses = answers.map((a) => a.status);
      const firstLimited = statuses.indexOf(429);
      expect(firstLimited).toBeGreaterThan(0);
      expect(statuses.slice(0, firstLimited).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(firstLimited).every((s) => s === 429)).toBe(true);
      expect(answers.at(-1)!.headers.get('content-type')).toBe('application/problem+json');
      expect(Number(answers.at(-1)!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(other.status).toBe(401);
    } finally {
      await own.table.drop();
    }
  });
});

describe('the response contract', () => {
  it('held every operation’s success answer to the document in this run', () => {
    const ids = Object.values(doc.paths).flatMap((methods) =>
      Object.values(methods).map((op) => (op as { operationId: string }).operationId),
    );
    const succeeded = new Set([...checked].filter((c) => / 2\d\d$/.test(c)).map((c) => c.split(' ')[0]));

    expect(ids.filter((id) => !succeeded.has(id))).toEqual([]);
    expect(ids.length).toBeGreaterThanOrEqual(17);
  });
});
