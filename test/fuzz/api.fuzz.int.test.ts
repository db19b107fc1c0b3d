import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../packages/api/app';
import type { Store } from '../../packages/store/port';
import { pseudonymizer } from '../support/api';
import { type FuzzTarget, fuzzTarget, type Observation } from './harness';
import { summary, violations } from './invariants';
import { describe as describeRequest, type Keys, requests } from './requests';
import { goodParams, type OpenApi, operationsOf } from './valid';

/**
 * The fuzz suite: every operation of the app's own OpenAPI document gets seeded, mutated
 * requests (requests.ts) against DynamoDB Local, and every answer is held to the invariants
 * (invariants.ts).
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

const failure = (o: Observation, broken: string[], keys: Keys) =>
  `${broken.map((v) => `- ${v}`).join('\n')}\n${summary(o)}\nrequest:\n${describeRequest(o.request, keys)}`;

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
