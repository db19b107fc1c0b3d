import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { expect } from 'vitest';
import { type TestApi, testApi } from '../support/api';
import type { TestTable } from '../support/dynamo';
import type { Json } from './json-text';
import type { FuzzRequest, Keys } from './requests';
import type { Fixtures } from './valid';

/**
 * The app under fuzz, and the sender: it sends a fuzzed request in process (`app.request`) and
 * records everything the invariants judge: the answer (read up to 1 MB), how long it took, the
 * log lines it wrote and the table's item count before and after.
 */

export interface Answer {
  status: number;
  headers: [string, string][];
  text: string;
  /** Bytes of the body; at least MAX_READ_BYTES when `truncated`. */
  bytes: number;
  truncated: boolean;
  ms: number;
}

export interface Observation {
  request: FuzzRequest;
  answer: Answer;
  logs: Record<string, unknown>[];
  itemsBefore: number;
  itemsAfter: number;
}

/** More than any answer should be; reading on would only hold a runaway answer in memory twice. */
export const MAX_READ_BYTES = 1024 * 1024;
/** A request still unanswered after this is reported as a stall instead of hanging the run. */
const DEADLINE_MS = 30_000;

/** Items in the table, read consistently. */
export async function countItems(table: TestTable): Promise<number> {
  let count = 0;
  let ExclusiveStartKey: Record<string, any> | undefined;
  do {
    const page = await table.client.send(
      new ScanCommand({ TableName: table.tableName, Select: 'COUNT', ConsistentRead: true, ExclusiveStartKey }),
    );
    count += page.Count ?? 0;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return count;
}

async function readCapped(res: Response): Promise<{ text: string; bytes: number; truncated: boolean }> {
  if (!res.body) return { text: '', bytes: 0, truncated: false };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.length;
    if (bytes > MAX_READ_BYTES) {
      await reader.cancel();
      return { text: new TextDecoder().decode(Buffer.concat(chunks)), bytes, truncated: true };
    }
  }
  return { text: new TextDecoder().decode(Buffer.concat(chunks)), bytes, truncated: false };
}

/**
 * A sender bound to one test app. Requests go one at a time, so each one's log lines and
 * count change are its own; the count after one request is the count before the next.
 * @example const send = sender(api); const observation = await send(request);
 */
export function sender(api: TestApi) {
  let items: number | undefined;
  return async (request: FuzzRequest, env?: unknown): Promise<Observation> => {
    const itemsBefore = items ?? (await countItems(api.table));
    const logsFrom = api.logs.length;
    const started = performance.now();
    const init: RequestInit = {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
    };
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${DEADLINE_MS} ms`)), DEADLINE_MS);
    });
    try {
      const res = await Promise.race([api.app.request(request.url, init, env as never), stalled]);
      const body = await Promise.race([readCapped(res), stalled]);
      const ms = performance.now() - started;
      items = await countItems(api.table);
      return {
        request,
        answer: { status: res.status, headers: [...res.headers.entries()], ...body, ms },
        logs: api.logs.slice(logsFrom),
        itemsBefore,
        itemsAfter: items,
      };
    } catch (error) {
      items = undefined;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Refs of the stored subjects: canaries, so any answer naming them fails. */
export const FIXTURE_REFS = ['zqxfix001', 'zqxfix002'];

/** A complete readiness-ruler assessment request. */
export const ruler = (ref: string, administeredOn = '2026-11-20'): { [key: string]: Json } => ({
  instrument: 'readiness-ruler',
  subject: { ref },
  administeredOn,
  responses: { importance: 7, confidence: 3, readiness: 5 },
});

export interface FuzzTarget {
  api: TestApi;
  keys: Keys;
  fixtures: Fixtures;
  send: ReturnType<typeof sender>;
}

/**
 * The app on a fresh table holding three assessments of two subjects and two exports, with the
 * ids and cursors they handed out. Each property gets its own, so the table stays small (a
 * count is one Scan per request) and a replayed failure starts from the same state.
 * @example const target = await fuzzTarget(); ...; await target.api.table.drop();
 */
export async function fuzzTarget(): Promise<FuzzTarget> {
  // The per-key rate limit out of the way: under the fixed clock its bucket would never refill.
  const api = await testApi({ deps: { rateLimit: { perSecond: 1, burst: 1e9 } } });
  const keys = { full: await api.keyFor('fuzz-clinic'), readOnly: await api.keyFor('fuzz-clinic', ['assessments:read']) };
  const call = async (method: string, path: string, body?: Json, headers: Record<string, string> = {}) => {
    const res = await api.call(method, path, { key: keys.full, ...(body !== undefined ? { body } : {}), headers });
    expect(res.status, `${method} ${path}: ${res.text}`).toBeLessThan(300);
    return res;
  };
  const bodies = [ruler(FIXTURE_REFS[0]!, '2026-10-10'), ruler(FIXTURE_REFS[0]!), ruler(FIXTURE_REFS[1]!)];
  const stored: { id: string; subjectId: string }[] = [];
  for (const [i, body] of bodies.entries())
    stored.push((await call('POST', '/v1/assessments', body, { 'idempotency-key': `fixture-${i}` })).body);
  const exportPage = await call('GET', '/v1/analytics/export?instrument=readiness-ruler&limit=1');
  await call('GET', '/v1/analytics/export?instrument=readiness-ruler&format=csv&limit=1');
  const next = async (path: string, body?: Json) => (await call(body ? 'POST' : 'GET', path, body)).body.next as string;
  const fixtures: Fixtures = {
    instruments: ((await call('GET', '/v1/instruments')).body.items as { id: string }[]).map((i) => i.id),
    storedInstrument: 'readiness-ruler',
    assessmentIds: stored.map((s) => s.id),
    subjectIds: [...new Set(stored.map((s) => s.subjectId))],
    refs: FIXTURE_REFS,
    cursors: {
      'get /v1/subjects/{subjectId}/assessments': [await next(`/v1/subjects/${stored[0]!.subjectId}/assessments?limit=1`)],
      'post /v1/subjects/search': [await next('/v1/subjects/search', { ref: FIXTURE_REFS[0]!, limit: 1 })],
      'get /v1/analytics/audit': [await next('/v1/analytics/audit?limit=1')],
      'get /v1/analytics/export': [exportPage.headers.get('export-next-cursor')!],
    },
  };
  return { api, keys, fixtures, send: sender(api) };
}
