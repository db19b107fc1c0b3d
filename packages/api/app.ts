import { zValidator } from '@hono/zod-validator';
import { type Context, Hono } from 'hono';
import { routePath } from 'hono/route';
import { stream } from 'hono/streaming';
import { CMS_THRESHOLD, suppressionPolicy } from '../analytics/suppression';
import { getInstrument, instruments } from '../instruments';
import { NotFound, ValidationError } from '../instruments/errors';
import type * as z from '../instruments/zod';
import type { AssessmentView, Store } from '../store/port';
import { aggregatesReport } from './aggregates';
import { type AssessmentDeps, createAssessment, newAssessmentId, scoreOnly } from './assessments';
import { type AuthEnv, authenticate, requireScope } from './auth';
import { cursorCodec } from './cursor';
import { docsPage } from './docs';
import { DEFAULT_EXPORT_LIMIT, type ExportDeps, exportPage } from './export';
import { jsonBody as readJsonBody } from './json-body';
import { openApiDocument } from './openapi';
import { errorToProblem, problem, problemResponse } from './problem';
import type { Pseudonymizer } from './pseudonymizer';
import { type RateLimit, rateLimit } from './rate-limit';
import {
  ASSESSMENT_ID_PATTERN,
  aggregatesQuery,
  assessmentRequest,
  batchRequest,
  exportQuery,
  idempotencyKey,
  pageQuery,
  parseAssessmentRequest,
  parseScoreRequest,
  SUBJECT_ID_PATTERN,
  scoreRequest,
  subjectSearchRequest,
  toValidationError,
} from './schemas';
import { type SearchPosition, searchAcrossVersions } from './subject-search';
import { buildTrajectory } from './trajectory';

export interface AppDeps {
  store: Store;
  pseudonymizer: Pseudonymizer;
  now?: () => Date;
  newId?: () => string;
  /** One structured log line per call; never given bodies, refs or keys. Defaults to stdout JSON. */
  log?: (entry: Record<string, unknown>) => void;
  maxBodyBytes?: number;
  authCacheSeconds?: number;
  /** Per API key, per process; default 50/s with bursts of 100. */
  rateLimit?: RateLimit;
  /** Aggregate cells resting on 1..threshold subjects are suppressed; 10 (CMS) or more. */
  suppressionThreshold?: number;
  /** Failed authentications allowed per client address; default 5/s with bursts of 20. */
  authFailureLimit?: RateLimit;
  /** The caller's address, from the runtime (socket, API Gateway's sourceIp); failed authentications are limited per address. */
  clientAddress?: (c: Context) => string | undefined;
}

/** How long the readiness check waits for storage. */
export const READY_TIMEOUT_MS = 1_000;

export const DEFAULT_PAGE_SIZE = 20;
/** A trajectory reads at most this many assessments, newest first; beyond it `truncated` is true. */
export const MAX_TRAJECTORY = 1000;

const stdoutLog = (entry: Record<string, unknown>) => console.log(JSON.stringify(entry));

/**
 * zod-validator hook: failures become our problem+json (the default would echo input). `parse`,
 * when given, parses in the schema's place (the instrument requests: see byInstrument in schemas.ts).
 */
const valid = <T extends z.ZodMiniType>(target: 'json' | 'query' | 'param', schema: T, parse?: (value: unknown) => unknown) =>
  zValidator(
    target,
    schema,
    (result) => {
      if (!result.success) throw toValidationError(result.error);
    },
    // why: zod-validator types this result as classic zod's; zod/mini's has the same fields (success, data, error).
    parse && { validationFunction: (_schema, value) => parse(value) as never },
  );

/**
 * Builds the runtime-agnostic Hono app; Lambda and the local Node server both serve it.
 * @example
 * const app = createApp({ store, pseudonymizer });
 * const res = await app.request('/health');
 */
export function createApp(deps: AppDeps) {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? stdoutLog;
  const svc: AssessmentDeps = {
    store: deps.store,
    pseudonymizer: deps.pseudonymizer,
    now,
    newId: deps.newId ?? newAssessmentId,
  };
  const exportDeps: ExportDeps = { store: deps.store, pseudonymizer: deps.pseudonymizer, now };
  const maxBytes = deps.maxBodyBytes ?? 64 * 1024;
  const policy = suppressionPolicy(deps.suppressionThreshold ?? CMS_THRESHOLD);

  const jsonBody = readJsonBody(maxBytes);
  const cursors = cursorCodec(deps.pseudonymizer);

  const requireIdempotencyKey = (c: Context): string => {
    const parsed = idempotencyKey.safeParse(c.req.header('idempotency-key'));
    if (!parsed.success) {
      throw new ValidationError([{ path: 'header.Idempotency-Key', message: 'Required, 1 to 255 characters.' }], 'malformed');
    }
    return parsed.data;
  };

  const app = new Hono<AuthEnv>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    const auth = c.get('auth');
    log({
      level: c.res.status >= 500 ? 'error' : 'info',
      msg: 'request',
      method: c.req.method,
      route: routePath(c, -1),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(auth ? { clinicId: auth.clinicId, keyId: auth.keyId } : {}),
    });
  });

  app.onError((error, c) => {
    const { problem: body, headers } = errorToProblem(error);
    // Only the class and where it was thrown: messages of unknown errors may carry data.
    if (body.status === 500) log({ level: 'error', msg: 'unhandled', error: error.name, at: error.stack?.split('\n')[1]?.trim() });
    return problemResponse(c, body, headers);
  });
  app.notFound((c) => problemResponse(c, problem('not-found', 'No such route.')));

  app.use(
    '/v1/*',
    authenticate(deps.store, now, {
      cacheSeconds: deps.authCacheSeconds ?? 30,
      ...(deps.authFailureLimit ? { failures: deps.authFailureLimit } : {}),
      ...(deps.clientAddress ? { clientAddress: deps.clientAddress } : {}),
    }),
  );
  app.use('/v1/*', rateLimit(deps.rateLimit ?? { perSecond: 50, burst: 100 }, now));

  const routes = app
    .get('/health', (c) => c.json({ status: 'ok' }))
    .get('/health/ready', async (c) => {
      // Readiness, unlike liveness, needs storage: one cheap read, bounded in time.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((done) => (timer = setTimeout(() => done('timeout'), READY_TIMEOUT_MS)));
      const outcome = await Promise.race([
        deps.store.ping().then(
          () => 'ok' as const,
          () => 'down' as const,
        ),
        timeout,
      ]);
      clearTimeout(timer);
      if (outcome === 'ok') return c.json({ status: 'ready' });
      return problemResponse(c, problem('storage-unavailable', 'Storage did not answer; retry later.'), { 'retry-after': '5' });
    })
    .get('/openapi.json', (c) => c.json(openApiDocument()))
    .get('/docs', (c) => c.html(docsPage()))
    .get('/v1/instruments', (c) =>
      c.json({
        items: instruments.map((i) => ({
          id: i.id,
          version: i.version,
          title: i.title,
          licence: (i.catalog as { licence?: unknown }).licence,
        })),
      }),
    )
    .get('/v1/instruments/:id', (c) => {
      const instrument = getInstrument(c.req.param('id'));
      if (!instrument) throw new NotFound('No instrument with this id.');
      return c.json(instrument.catalog);
    })
    .post('/v1/score', jsonBody, valid('json', scoreRequest, parseScoreRequest), (c) => c.json(scoreOnly(c.req.valid('json'))))
    .post(
      '/v1/assessments',
      requireScope('assessments:write'),
      jsonBody,
      valid('json', assessmentRequest, parseAssessmentRequest),
      async (c) => {
        const key = requireIdempotencyKey(c);
        const auth = c.get('auth');
        const out = await createAssessment(svc, auth.clinicId, key, c.req.valid('json'));
        const body = out.body as { id?: string };
        if (out.replayed) c.header('idempotent-replayed', 'true');
        if (out.status === 201 && body.id) c.header('location', `/v1/assessments/${body.id}`);
        return c.json(out.body as object, out.status as 201);
      },
    )
    .post('/v1/assessments/batch', requireScope('assessments:write'), jsonBody, valid('json', batchRequest), async (c) => {
      const { items } = c.req.valid('json');
      const seen = new Set<string>();
      const duplicates = items.flatMap((item, index) => {
        const dup = seen.has(item.idempotencyKey);
        seen.add(item.idempotencyKey);
        return dup ? [{ path: `items.${index}.idempotencyKey`, message: 'Repeats an earlier item’s key.' }] : [];
      });
      if (duplicates.length > 0) throw new ValidationError(duplicates, 'malformed');
      const clinicId = c.get('auth').clinicId;
      type Result = { index: number; status: number; replayed: boolean; body: unknown };
      const failed = (index: number, error: unknown): Result => {
        const { problem: body } = errorToProblem(error);
        if (body.status >= 500) log({ level: 'error', msg: 'batch item failed', index, status: body.status, error: (error as Error).name });
        return { index, status: body.status, replayed: false, body };
      };
      const results: Result[] = [];
      // why: every item is validated before anything reads its fields (a ref may be any JSON until then).
      const valid = items.flatMap((item, index) => {
        const parsed = parseAssessmentRequest(item.assessment);
        if (parsed.success) return [{ index, key: item.idempotencyKey, body: parsed.data }];
        results[index] = failed(index, toValidationError(parsed.error));
        return [];
      });
      // Items of the same subject and instrument share rollup records: write those one after
      // another (in request order) instead of racing; different subjects go in parallel.
      const lanes = new Map<string, typeof valid>();
      for (const item of valid) {
        const { subject, instrument } = item.body as { subject: { ref: string }; instrument: string };
        const lane = `${subject.ref}\u001f${instrument}`;
        lanes.set(lane, [...(lanes.get(lane) ?? []), item]);
      }
      await Promise.all(
        [...lanes.values()].map(async (lane) => {
          for (const { index, key, body } of lane) {
            try {
              const out = await createAssessment(svc, clinicId, key, body);
              results[index] = { index, status: out.status, replayed: out.replayed, body: out.body };
            } catch (error) {
              results[index] = failed(index, error);
            }
          }
        }),
      );
      return c.json({ results });
    })
    .get('/v1/assessments/:id', requireScope('assessments:read'), async (c) => {
      const { id } = c.req.param();
      const found = ASSESSMENT_ID_PATTERN.test(id) ? await deps.store.getAssessment(c.get('auth').clinicId, id) : undefined;
      if (!found) throw new NotFound('No assessment with this id.');
      // The stored result is returned as scored; later re-scorings ride beside it, never over it.
      return c.json(found.rescores ? { ...found.view, rescores: found.rescores } : found.view);
    })
    .delete('/v1/assessments/:id', requireScope('assessments:write'), async (c) => {
      const { id } = c.req.param();
      if (!ASSESSMENT_ID_PATTERN.test(id)) throw new NotFound('No assessment with this id.');
      // Removes the assessment and its share of the aggregates in one transaction; to correct
      // one, delete it and post the corrected answers under a new Idempotency-Key.
      await deps.store.deleteAssessment(c.get('auth').clinicId, id);
      return c.body(null, 204);
    })
    .post('/v1/subjects/search', requireScope('assessments:read'), jsonBody, valid('json', subjectSearchRequest), async (c) => {
      const { ref, limit, cursor } = c.req.valid('json');
      const clinicId = c.get('auth').clinicId;
      const ids = deps.pseudonymizer.subjectIdsAllVersions(clinicId, ref);
      // why: the cursor is scoped to the client it was made for, by its current id.
      const scope = `${clinicId}\u001f${ids[0]}`;
      const from = cursor === undefined ? undefined : cursors.open<SearchPosition>('search', scope, cursor);
      const page = await searchAcrossVersions(deps.store, clinicId, ids, limit ?? DEFAULT_PAGE_SIZE, from);
      return c.json({
        subjectId: ids[0]!,
        items: page.items.map((a) => a.view),
        ...(page.next ? { next: cursors.seal('search', scope, page.next) } : {}),
      });
    })
    .get('/v1/subjects/:subjectId/assessments', requireScope('assessments:read'), valid('query', pageQuery), async (c) => {
      const { subjectId } = c.req.param();
      const { limit, cursor } = c.req.valid('query');
      if (!SUBJECT_ID_PATTERN.test(subjectId)) throw new NotFound('No subject with this id.');
      const clinicId = c.get('auth').clinicId;
      const scope = `${clinicId}\u001f${subjectId}`;
      const page = await deps.store.listSubjectAssessments(clinicId, subjectId, {
        limit: limit ?? DEFAULT_PAGE_SIZE,
        ...(cursor ? { cursor: cursors.open<string>('history', scope, cursor) } : {}),
      });
      if (page.items.length === 0 && !cursor) throw new NotFound('No subject with this id.');
      return c.json({
        subjectId,
        items: page.items.map((a) => a.view),
        ...(page.cursor ? { next: cursors.seal('history', scope, page.cursor) } : {}),
      });
    })
    .get('/v1/analytics/aggregates', requireScope('analytics:read'), valid('query', aggregatesQuery), async (c) =>
      c.json(await aggregatesReport(deps.store, c.get('auth'), c.req.valid('query'), now(), policy)),
    )
    .get('/v1/analytics/export', requireScope('analytics:read'), valid('query', exportQuery), async (c) => {
      const q = c.req.valid('query');
      const auth = c.get('auth');
      const page = await exportPage(exportDeps, auth, { ...q, format: q.format ?? 'ndjson', limit: q.limit ?? DEFAULT_EXPORT_LIMIT });
      c.header('content-type', page.contentType);
      c.header('export-id', page.exportId);
      if (page.next) {
        // why: a relative reference; building it from the request URL would reflect its Host header.
        const next = new URLSearchParams(new URL(c.req.url).search);
        next.set('cursor', page.next);
        c.header('export-next-cursor', page.next);
        c.header('link', `<${c.req.path}?${next}>; rel="next"`);
      }
      // The page is already read and audited: the stream only writes it out, chunk by chunk.
      return stream(c, async (out) => {
        for (const chunk of page.chunks()) await out.write(chunk);
      });
    })
    .get('/v1/analytics/audit', requireScope('analytics:read'), valid('query', pageQuery), async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const clinicId = c.get('auth').clinicId;
      const page = await deps.store.listExportAudits(clinicId, {
        limit: limit ?? DEFAULT_PAGE_SIZE,
        ...(cursor ? { cursor: cursors.open<string>('audit', clinicId, cursor) } : {}),
      });
      return c.json({
        items: page.items.map(({ clinicId: _, ...audit }) => audit),
        ...(page.cursor ? { next: cursors.seal('audit', clinicId, page.cursor) } : {}),
      });
    })
    .get('/v1/subjects/:subjectId/trajectory', requireScope('assessments:read'), async (c) => {
      const { subjectId } = c.req.param();
      if (!SUBJECT_ID_PATTERN.test(subjectId)) throw new NotFound('No subject with this id.');
      const clinicId = c.get('auth').clinicId;
      const views: AssessmentView[] = [];
      let cursor: string | undefined;
      do {
        const page = await deps.store.listSubjectAssessments(clinicId, subjectId, { limit: 100, ...(cursor ? { cursor } : {}) });
        views.push(...page.items.map((a) => a.view));
        cursor = page.cursor;
      } while (cursor && views.length < MAX_TRAJECTORY);
      if (views.length === 0) throw new NotFound('No subject with this id.');
      return c.json({ subjectId, truncated: Boolean(cursor), instruments: buildTrajectory(views) });
    });

  return routes;
}

export type AppType = ReturnType<typeof createApp>;
