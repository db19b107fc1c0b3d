import type { Hono, MiddlewareHandler } from 'hono';
import { CMS_THRESHOLD, type SuppressionPolicy, suppressionPolicy } from '../analytics/suppression';
import type { Store } from '../store/port';
import type { AssessmentDeps } from './assessments';
import type { AuthEnv } from './auth';
import { type CursorCodec, cursorCodec } from './cursor';
import type { ExportDeps } from './export';
import { newAssessmentId } from './ids';
import { jsonBody } from './json-body';
import type { Pseudonymizer } from './pseudonymizer';
import type { RateLimit } from './rate-limit';

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
  /** Browser origins allowed to call the API (CORS); none by default. */
  corsOrigins?: readonly string[];
  /** Failed authentications allowed per client address; default 5/s with bursts of 20. */
  authFailureLimit?: RateLimit;
  /** The caller's address; default API Gateway's sourceIp or the socket's (auth.ts runtimeAddress). Failed authentications are limited per address. */
  clientAddress?: (c: Parameters<MiddlewareHandler>[0]) => string | undefined;
  /**
   * Further dialects mounted on the same app (the FHIR routes): each is called once, after the web
   * conventions and the request log and before the 405/404 handling, so its own middleware wraps
   * those answers too. The API cannot import them (they sit above it); the functions layer composes.
   */
  extensions?: readonly AppExtension[];
}

/** The guards every authenticated route runs, shared so a key has one cache entry and one rate budget. */
export interface AppGuards {
  /** Bearer-key authentication (auth.ts) with the app's cache and failure limit, then the per-key rate limit (rate-limit.ts): one middleware. */
  authenticate: MiddlewareHandler<AuthEnv>;
}

/**
 * Mounts more routes on the app: given the app, its resolved context and its guards.
 * @example const extension: AppExtension = (app, ctx, guards) => app.use('/fhir/r4/*', guards.authenticate);
 */
export type AppExtension = (app: Hono<AuthEnv>, ctx: AppContext, guards: AppGuards) => void;

/** What every route handler is given: the app's dependencies, resolved once per app. */
export interface AppContext {
  store: Store;
  pseudonymizer: Pseudonymizer;
  now: () => Date;
  log: (entry: Record<string, unknown>) => void;
  /** The assessment use cases' dependencies. */
  assessments: AssessmentDeps;
  exports: ExportDeps;
  cursors: CursorCodec;
  policy: SuppressionPolicy;
  /** The JSON body reader every route with a body runs (json-body.ts). */
  jsonBody: MiddlewareHandler;
}

const stdoutLog = (entry: Record<string, unknown>) => console.log(JSON.stringify(entry));

/**
 * Resolves the app's dependencies and defaults once.
 * @example const ctx = appContext({ store, pseudonymizer });
 */
export function appContext(deps: AppDeps): AppContext {
  const now = deps.now ?? (() => new Date());
  const { store, pseudonymizer } = deps;
  return {
    store,
    pseudonymizer,
    now,
    log: deps.log ?? stdoutLog,
    assessments: { store, pseudonymizer, now, newId: deps.newId ?? newAssessmentId },
    exports: { store, pseudonymizer, now },
    cursors: cursorCodec(pseudonymizer),
    policy: suppressionPolicy(deps.suppressionThreshold ?? CMS_THRESHOLD),
    jsonBody: jsonBody(deps.maxBodyBytes ?? 64 * 1024),
  };
}
