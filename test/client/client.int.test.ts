import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalServer, type LocalServer } from '../../functions/local/http-server';
import { type AssessmentRequest, createMiClient, type Fetch, isInstrument, MiApiError } from '../../packages/client';
import { NOW, type TestApi, testApi } from '../support/api';
import { contractViolations } from '../support/contract';

/**
 * The typed client against the real local HTTP server (the app of `npm start` on a DynamoDB Local
 * table). Every answer the client receives is also held to the OpenAPI document.
 */

/** `fetch`, with every answer checked against the document; `sent` records each request as sent. */
function contractFetch(sent: Request[] = []): Fetch {
  return async (request, init) => {
    sent.push(request.clone());
    const response = await fetch(request, init);
    const text = await response.clone().text();
    const broken = contractViolations(request.method, request.url, response.status, response.headers, text);
    if (broken.length > 0) throw new Error(`The answer breaks the OpenAPI contract:\n${broken.join('\n')}`);
    return response;
  };
}

async function serve(api: TestApi): Promise<{ http: LocalServer; baseUrl: string }> {
  const http = await createLocalServer(api.app, { port: 0, hostname: '127.0.0.1' });
  return { http, baseUrl: `http://127.0.0.1:${http.port}` };
}

const ruler = (ref: string, administeredOn: string, importance: number): AssessmentRequest => ({
  instrument: 'readiness-ruler',
  subject: { ref },
  administeredOn,
  responses: { importance, confidence: 4 },
});

/** `count` distinct days in November 2026, oldest first. */
const days = (count: number) => Array.from({ length: count }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);

describe('the typed client against the local server', () => {
  let api: TestApi;
  let http: LocalServer;
  let baseUrl: string;
  beforeAll(async () => {
    api = await testApi();
    ({ http, baseUrl } = await serve(api));
  });
  afterAll(async () => {
    await http.close(1_000);
    await api.table.drop();
  });

  it('stores an assessment and reads it back, typed by instrument', async () => {
    const sent: Request[] = [];
    const mi = createMiClient({ baseUrl, apiKey: await api.keyFor('clinic-a'), fetch: contractFetch(sent) });

    const created = await mi.createAssessment(ruler('client-1', '2026-11-20', 7));
    const read = await mi.getAssessment(created.id);

    expect(read).toEqual(created);
    expect(sent[0]!.headers.get('authorization')).toMatch(/^Bearer mia_/);
    expect(sent[0]!.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(isInstrument(read, 'readiness-ruler')).toBe(true);
    if (!isInstrument(read, 'readiness-ruler')) return;
    expect(read.scores).toEqual({ importance: 7, confidence: 4 });
    expect(read.interpretation.bands).toEqual({ importance: 'high', confidence: 'moderate' });
  });

  it('gives every new assessment its own idempotency key', async () => {
    const sent: Request[] = [];
    const mi = createMiClient({ baseUrl, apiKey: await api.keyFor('clinic-keys'), fetch: contractFetch(sent) });

    await mi.createAssessment(ruler('client-keys', '2026-11-20', 3));
    await mi.createAssessment(ruler('client-keys', '2026-11-21', 4));

    const keys = sent.map((r) => r.headers.get('idempotency-key'));
    expect(new Set(keys).size).toBe(2);
  });

  it('retries a POST whose answer was lost after the server stored it, and stores it once', async () => {
    const sent: Request[] = [];
    const waited: number[] = [];
    const real = contractFetch(sent);
    let failures = 1;
    // The first attempt reaches the server; its answer is replaced by a 503 on the way back.
    const lossy: Fetch = async (request, init) => {
      const response = await real(request, init);
      if (failures-- <= 0) return response;
      await response.body?.cancel();
      return new Response(null, { status: 503 });
    };
    const mi = createMiClient({ baseUrl, apiKey: await api.keyFor('clinic-b'), fetch: lossy, sleep: async (ms) => void waited.push(ms) });

    const created = await mi.createAssessment(ruler('client-2', '2026-11-20', 5));
    const history = [];
    for await (const a of mi.history(created.subjectId)) history.push(a);

    expect(sent.filter((r) => r.method === 'POST')).toHaveLength(2);
    expect(new Set(sent.filter((r) => r.method === 'POST').map((r) => r.headers.get('idempotency-key'))).size).toBe(1);
    expect(waited).toEqual([500]);
    expect(history.map((a) => a.id)).toEqual([created.id]);
    const stored = (await api.table.scanAll()).filter((item) => item['clinicId'] === 'clinic-b' && item['type'] === 'assessment');
    expect(stored.map((item) => item['id'])).toEqual([created.id]);
  });

  it('retries a lost batch answer without storing any item twice', async () => {
    let failures = 1;
    const sent: Request[] = [];
    const real = contractFetch(sent);
    const lossy: Fetch = async (request, init) => {
      const response = await real(request, init);
      if (failures-- <= 0) return response;
      await response.body?.cancel();
      throw new TypeError('fetch failed');
    };
    const mi = createMiClient({ baseUrl, apiKey: await api.keyFor('clinic-batch'), fetch: lossy, sleep: async () => {} });

    const results = await mi.createAssessments([ruler('client-b1', '2026-11-20', 2), ruler('client-b2', '2026-11-20', 8)]);

    expect(sent).toHaveLength(2);
    expect(results.map((r) => [r.status, r.replayed])).toEqual([
      [201, true],
      [201, true],
    ]);
    const stored = (await api.table.scanAll()).filter((item) => item['clinicId'] === 'clinic-batch' && item['type'] === 'assessment');
    expect(stored).toHaveLength(2);
  });

  it('walks every page of a history longer than one page, by subject id and by reference', async () => {
    const mi = createMiClient({ baseUrl, apiKey: await api.keyFor('clinic-c'), fetch: contractFetch() });
    const created = [];
    for (const [i, day] of days(7).entries()) created.push(await mi.createAssessment(ruler('client-3', day, i)));

    const byId = [];
    for await (const a of mi.history(created[0]!.subjectId, { limit: 3 })) byId.push(a.id);
    const byRef = [];
    for await (const a of mi.searchHistory('client-3', { limit: 2 })) byRef.push(a.id);

    // Newest first, every assessment once.
    expect(byId).toEqual(created.map((a) => a.id).reverse());
    expect(byRef).toEqual(created.map((a) => a.id).reverse());
  });

  it('walks every page of an export and of its audit trail', async () => {
    const mi = createMiClient({ baseUrl, apiKey: await api.keyFor('clinic-d'), fetch: contractFetch() });
    for (const [i, day] of days(5).entries()) await mi.createAssessment(ruler(`client-d-${i}`, day, i));

    const rows = [];
    for await (const row of mi.exportRows({ instrument: 'readiness-ruler', limit: 2 })) rows.push(row);
    const audits = [];
    for await (const audit of mi.audit({ limit: 1 })) audits.push(audit);

    expect(rows.map((r) => [r.instrument, r.scores])).toEqual(
      [0, 1, 2, 3, 4].map((i) => ['readiness-ruler', { importance: i, confidence: 4 }]),
    );
    expect(new Set(rows.map((r) => r.exportSubject)).size).toBe(5);
    // One export of three pages: one audit record, its rows counted once each.
    expect(audits.map((a) => [a.filters.instrument, a.rowCount])).toEqual([['readiness-ruler', 5]]);
  });

  it('throws the problem of a refused call', async () => {
    const mi = createMiClient({ baseUrl, apiKey: await api.keyFor('clinic-e', ['assessments:read']), fetch: contractFetch() });

    const error = await mi.createAssessment(ruler('client-5', '2026-11-20', 1)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MiApiError);
    expect((error as MiApiError).status).toBe(403);
    expect((error as MiApiError).problem?.type).toBe('/problems/forbidden');
  });
});

describe('the typed client under the rate limit', () => {
  let api: TestApi;
  let http: LocalServer;
  let baseUrl: string;
  let clock = NOW.getTime();
  beforeAll(async () => {
    // Two requests at once, then one every two seconds of this clock, which only the client's sleep moves.
    api = await testApi({ deps: { rateLimit: { perSecond: 0.5, burst: 2 }, now: () => new Date(clock) } });
    ({ http, baseUrl } = await serve(api));
  });
  afterAll(async () => {
    await http.close(1_000);
    await api.table.drop();
  });

  it('waits what Retry-After says on a 429 and then succeeds', async () => {
    const waited: number[] = [];
    const sent: Request[] = [];
    const sleep = async (ms: number) => {
      waited.push(ms);
      clock += ms;
    };
    const mi = createMiClient({ baseUrl, apiKey: await api.keyFor('clinic-r'), fetch: contractFetch(sent), sleep });

    const created = [];
    for (const day of days(3)) created.push(await mi.createAssessment(ruler('client-r', day, 5)));

    expect(created).toHaveLength(3);
    expect(waited).toEqual([2000]);
    expect(sent.map((r) => r.method)).toEqual(['POST', 'POST', 'POST', 'POST']);
    // The retry of the refused request carries the same idempotency key; the three assessments three keys.
    expect(sent[3]!.headers.get('idempotency-key')).toBe(sent[2]!.headers.get('idempotency-key'));
    expect(new Set(sent.map((r) => r.headers.get('idempotency-key'))).size).toBe(3);
  });

  it('gives up after its retries and returns the 429', async () => {
    const waited: number[] = [];
    const mi = createMiClient({
      baseUrl,
      apiKey: await api.keyFor('clinic-s'),
      fetch: contractFetch(),
      retries: 2,
      sleep: async (ms) => void waited.push(ms),
    });
    await mi.getAssessment('asm_x').catch(() => undefined);
    await mi.getAssessment('asm_x').catch(() => undefined);

    const error = await mi.getAssessment('asm_x').catch((e: unknown) => e);

    expect((error as MiApiError).status).toBe(429);
    expect(waited).toEqual([2000, 2000]);
  });
});
