import { afterAll, beforeAll } from 'vitest';
import { generateApiKey } from '../../packages/api/api-keys';
import { type AppDeps, createApp } from '../../packages/api/app';
import { createPseudonymizer } from '../../packages/api/pseudonymizer';
import { SCOPES, type Scope } from '../../packages/domain/records';
import type { Store } from '../../packages/store/port';
import { contractViolations } from './contract';
import { type TestTable, testTable } from './dynamo';

/** A fixed 32-byte pseudonym key, so tests can compute expected subject ids. */
export const TEST_PSEUDONYM_KEYS = { current: 1, keys: { '1': Buffer.alloc(32, 7) } };
export const pseudonymizer = createPseudonymizer(TEST_PSEUDONYM_KEYS);

/** 2026-11-25T12:00:00Z: every test sees the same "today". */
export const NOW = new Date('2026-11-25T12:00:00Z');

export interface TestApi {
  table: TestTable;
  app: ReturnType<typeof createApp>;
  logs: Record<string, unknown>[];
  /** Creates and stores a key for `clinicId` with `scopes`; returns the full key. */
  keyFor(clinicId: string, scopes?: Scope[]): Promise<string>;
  /** Sends JSON (or a raw string body; as `contentType` unless `headers` says otherwise) with a bearer key and returns status, headers and parsed body. */
  call(
    method: string,
    path: string,
    options?: { key?: string; body?: unknown; raw?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; headers: Headers; body: any; text: string }>;
}

export interface TestApiOptions {
  /** The store the app uses, built on the test table (default: the table's own store). */
  store?: (t: TestTable) => Store;
  /** Overrides of the app's dependencies (e.g. a rate limit a long run cannot exhaust under the fixed clock). */
  deps?: Partial<AppDeps>;
  /** How the app is built from its dependencies (default `createApp`, the `/v1` API alone). */
  build?: (deps: AppDeps) => ReturnType<typeof createApp>;
  /** The media type of a body `call` sends unless its headers say otherwise (default `application/json`). */
  contentType?: string;
}

// why: the OpenAPI document describes /v1 only; FHIR answers are held to the R4 schema by their
// own tests (docs/fhir.md).
const outsideContract = (path: string) => /^\/fhir\/r4(\/|$)/.test(new URL(path, 'http://localhost').pathname);

/**
 * The app on its own DynamoDB Local table, with captured logs. Every answer outside `/fhir/r4`
 * is checked against the OpenAPI document (test/support/contract.ts).
 * @example const api = await testApi(); const key = await api.keyFor('clinic-a');
 */
export async function testApi(options: TestApiOptions = {}): Promise<TestApi> {
  const { build = createApp, contentType = 'application/json' } = options;
  const table = await testTable();
  const logs: Record<string, unknown>[] = [];
  const app = build({
    store: options.store ? options.store(table) : table.store,
    pseudonymizer,
    now: () => NOW,
    log: (entry) => logs.push(entry),
    ...options.deps,
  });
  return {
    table,
    app,
    logs,
    async keyFor(clinicId, scopes = [...SCOPES]) {
      const { key, record } = generateApiKey(clinicId, scopes, NOW);
      await table.store.putApiKey(record);
      return key;
    },
    async call(method, path, { key, body, raw, headers = {} } = {}) {
      const init: RequestInit = {
        method,
        headers: {
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          ...(body !== undefined || raw !== undefined ? { 'content-type': contentType } : {}),
          ...headers,
        },
        ...(raw !== undefined ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
      };
      const res = await app.request(path, init);
      const text = await res.text();
      const broken = outsideContract(path) ? [] : contractViolations(method, path, res.status, res.headers, text);
      if (broken.length > 0) throw new Error(`The answer breaks the OpenAPI contract:\n${broken.join('\n')}`);
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: res.status, headers: res.headers, body: parsed, text };
    },
  };
}

/**
 * `testApi(options)` for the enclosing file or `describe`: built before its tests, its table dropped
 * after them. The object is filled in by the `beforeAll` this registers (which runs before the
 * file's own), so read it only in hooks and tests.
 * @example const api = useTestApi(); let key: string; beforeAll(async () => { key = await api.keyFor('clinic-a'); });
 */
export function useTestApi(options: TestApiOptions = {}): TestApi {
  const api = {} as TestApi;
  beforeAll(async () => {
    Object.assign(api, await testApi(options));
  });
  afterAll(() => api.table?.drop());
  return api;
}

/** A complete `decisional-balance-smoking-short` request (the worked example of docs/scoring.md). */
export const smokingShort = (ref = 'clinic-ref-0001', administeredOn = '2026-11-20') => ({
  instrument: 'decisional-balance-smoking-short',
  subject: { ref },
  administeredOn,
  targetBehavior: 'tobacco',
  responses: { '1': 4, '2': 2, '3': 3, '4': 1, '5': 5, '6': 2 },
});
