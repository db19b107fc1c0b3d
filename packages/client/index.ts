import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './generated/openapi';
import { type Fetch, retryingFetch, type Sleep } from './retry';

/**
 * A typed client of the MI Assessments API: the types are generated from the API's OpenAPI
 * document (`npm run client:generate`), the calls go through `openapi-fetch`. It sends the bearer
 * key, gives each new assessment an `Idempotency-Key` that its own retries reuse, retries 429 and
 * 503 as `Retry-After` says, and walks paged lists as async iterators.
 */

export type { components, paths } from './generated/openapi';
export { type Fetch, repeatable, retryAfterMs, type Sleep } from './retry';

type Schemas = components['schemas'];
export type Assessment = Schemas['Assessment'];
export type ScoredResult = Schemas['ScoredResult'];
export type ExportRow = Schemas['ExportRow'];
export type ExportAudit = Schemas['ExportAudit'];
export type Problem = Schemas['Problem'];
export type BatchResponse = Schemas['BatchResponse'];
export type InstrumentId = Assessment['instrument']['id'];
export type AssessmentRequest = paths['/v1/assessments']['post']['requestBody']['content']['application/json'];
export type ScoreRequest = paths['/v1/score']['post']['requestBody']['content']['application/json'];
export type ExportQuery = Omit<NonNullable<paths['/v1/analytics/export']['get']['parameters']['query']>, 'cursor' | 'format'>;

/** The result of one instrument, out of the union of all of them. */
export type ResultOf<T extends { instrument: { id: string } }, I extends InstrumentId> = Extract<T, { instrument: { id: I } }>;

/**
 * Narrows a result or assessment to one instrument's type (its scores and interpretation named).
 * TypeScript does not narrow a union on a nested field such as `instrument.id`; this guard does.
 * @example if (isInstrument(assessment, 'urica')) assessment.interpretation.stage // 'precontemplation' | … | null
 */
export function isInstrument<T extends { instrument: { id: string } }, I extends InstrumentId>(
  result: T,
  id: I,
): result is ResultOf<T, I> & T {
  return result.instrument.id === id;
}

/** A problem answer (RFC 9457) as an error: its status and body. */
export class MiApiError extends Error {
  override readonly name = 'MiApiError';
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(problem ? `${status} ${problem.title}: ${problem.detail}` : `HTTP ${status}`);
  }
}

export interface MiClientOptions {
  /** The API's origin, e.g. `https://mi.example.org`. */
  baseUrl: string;
  /** A clinic API key (`mia_…`). */
  apiKey: string;
  /** The transport (default: the global `fetch`). */
  fetch?: Fetch;
  /** Retries of a 429, 503 or network failure after the first attempt (default 3). */
  retries?: number;
  /** How the client waits between attempts (default a timer); tests pass one that records. */
  sleep?: Sleep;
  /** New idempotency keys (default `crypto.randomUUID`). */
  newIdempotencyKey?: () => string;
}

const timer: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The data of an openapi-fetch answer, or its problem thrown. */
function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data !== undefined && result.response.ok) return result.data;
  throw new MiApiError(result.response.status, result.error as Problem | undefined);
}

/**
 * The client: `api` is the full typed openapi-fetch client (every operation of the document), the
 * other members are the calls an integration needs most, with ids, retries and paging done.
 * @example
 * const mi = createMiClient({ baseUrl: 'http://localhost:3000', apiKey: process.env.MI_API_KEY! });
 * const created = await mi.createAssessment({ instrument: 'readiness-ruler', subject: { ref: 'client-1' }, administeredOn: '2026-11-20', responses: { importance: 7 } });
 * for await (const a of mi.history(created.subjectId)) console.log(a.administeredOn, a.scores);
 */
export function createMiClient(options: MiClientOptions) {
  const send = retryingFetch(options.fetch ?? ((request, init) => fetch(request, init)), {
    retries: options.retries ?? 3,
    sleep: options.sleep ?? timer,
    baseDelayMs: 500,
    maxDelayMs: 60_000,
  });
  const newKey = options.newIdempotencyKey ?? (() => crypto.randomUUID());
  const api: Client<paths> = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/$/, ''),
    fetch: send as (request: Request) => Promise<Response>,
    headers: { Authorization: `Bearer ${options.apiKey}` },
  });

  return {
    api,

    /** Scores answers without storing anything. */
    async score(body: ScoreRequest): Promise<ScoredResult> {
      return unwrap(await api.POST('/v1/score', { body }));
    },

    /**
     * Stores an assessment under a new `Idempotency-Key` (or `idempotencyKey`, to resume an earlier
     * attempt); retries reuse it, so a retry never stores it twice.
     */
    async createAssessment(body: AssessmentRequest, { idempotencyKey = newKey() }: { idempotencyKey?: string } = {}): Promise<Assessment> {
      return unwrap(await api.POST('/v1/assessments', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } }));
    },

    /**
     * Stores up to 25 assessments in one call, each under its own new idempotency key; a retry of
     * the batch resends the same keys, so it stores none of them twice. Results are per item.
     */
    async createAssessments(assessments: AssessmentRequest[]): Promise<BatchResponse['results']> {
      const items = assessments.map((assessment) => ({ idempotencyKey: newKey(), assessment }));
      return unwrap(await api.POST('/v1/assessments/batch', { body: { items } })).results;
    },

    async getAssessment(id: string): Promise<Assessment> {
      return unwrap(await api.GET('/v1/assessments/{id}', { params: { path: { id } } }));
    },

    /** A client's assessments by subject id, newest first, page after page. */
    async *history(subjectId: string, { limit }: { limit?: number } = {}): AsyncGenerator<Assessment> {
      let cursor: string | undefined;
      do {
        const page = unwrap(
          await api.GET('/v1/subjects/{subjectId}/assessments', { params: { path: { subjectId }, query: { limit, cursor } } }),
        );
        yield* page.items;
        cursor = page.next;
      } while (cursor);
    },

    /** A client's assessments by the clinic's reference (sent in the body, never in a URL), newest first, page after page. */
    async *searchHistory(ref: string, { limit }: { limit?: number } = {}): AsyncGenerator<Assessment> {
      let cursor: string | undefined;
      do {
        const page = unwrap(await api.POST('/v1/subjects/search', { body: { ref, limit, cursor } }));
        yield* page.items;
        cursor = page.next;
      } while (cursor);
    },

    /** The export audit trail, page after page. */
    async *audit({ limit }: { limit?: number } = {}): AsyncGenerator<ExportAudit> {
      let cursor: string | undefined;
      do {
        const page = unwrap(await api.GET('/v1/analytics/audit', { params: { query: { limit, cursor } } }));
        yield* page.items;
        cursor = page.next;
      } while (cursor);
    },

    /** De-identified export rows (NDJSON), following `Export-Next-Cursor` until the last page. */
    async *exportRows(query: ExportQuery): AsyncGenerator<ExportRow> {
      let cursor: string | undefined;
      do {
        const { data, response, error } = await api.GET('/v1/analytics/export', {
          params: { query: { ...query, format: 'ndjson', cursor } },
          parseAs: 'text',
        });
        if (!response.ok) throw new MiApiError(response.status, error as Problem | undefined);
        for (const line of (data ?? '').split('\n')) if (line.trim()) yield JSON.parse(line) as ExportRow;
        cursor = response.headers.get('export-next-cursor') ?? undefined;
      } while (cursor);
    },
  };
}

export type MiClient = ReturnType<typeof createMiClient>;
