import type { Context, MiddlewareHandler } from 'hono';
import { requireScope } from '../api/auth';
import type { AppContext, AppExtension } from '../api/context';
import { lazyImport } from '../api/lazy';
import type { Scope } from '../domain/records';
import { FHIR_BASE_PATH } from './canonical';
import type { FhirHandlers } from './handlers';
import { outcomes } from './outcome';

/** The FHIR interactions this API answers: method, path under `/fhir/r4`, and the handler's name. */
export const FHIR_ROUTES = [
  { method: 'GET', path: '/metadata', handler: 'metadata', auth: false },
  { method: 'GET', path: '/CodeSystem/:id', handler: 'readCodeSystem', auth: true },
  { method: 'GET', path: '/ConceptMap/:id', handler: 'readConceptMap', auth: true },
  { method: 'GET', path: '/Questionnaire/:id', handler: 'readQuestionnaire', auth: true },
  { method: 'GET', path: '/Questionnaire', handler: 'searchQuestionnaire', auth: true },
  { method: 'GET', path: '/Observation/:id', handler: 'readObservation', auth: true, scope: 'assessments:read' },
  // why: a form body (docs/fhir-store.md), read by the handler itself, not the JSON reader.
  { method: 'POST', path: '/Observation/_search', handler: 'searchObservation', auth: true, scope: 'assessments:read', form: true },
  { method: 'POST', path: '/QuestionnaireResponse/$extract', handler: 'extractQuestionnaireResponse', auth: true },
  { method: 'POST', path: '/QuestionnaireResponse', handler: 'createQuestionnaireResponse', auth: true, scope: 'assessments:write' },
] as const satisfies readonly FhirRoute[];

export type FhirRoute = {
  method: 'GET' | 'POST';
  path: string;
  handler: keyof FhirHandlers;
  auth: boolean;
  body?: boolean;
  /** The scope the key must hold (403 otherwise), as the `/v1` route of the same use case demands. */
  scope?: Scope;
  /** The body is `application/x-www-form-urlencoded` (the handler reads it), not JSON. */
  form?: boolean;
};

/**
 * Mounts the FHIR R4 routes under `/fhir/r4` on the API's app (the `extensions` seam of
 * `createApp`). Only the routing lives here: the implementation is loaded with a dynamic
 * `import()` on the first FHIR request, so the FHIR code costs a `/v1` cold start nothing.
 * Authentication and the rate limit are the API's own (one key cache, one budget per key);
 * `/metadata` needs no key. Every error answer is an OperationOutcome (outcome.ts).
 * `routes` lets another module add interactions (e.g. the storing ones) with their own handlers.
 * @example createApp({ store, pseudonymizer, extensions: [fhirExtension()] })
 */
export function fhirExtension(extra: readonly ExtraFhirRoute[] = []): AppExtension {
  return (app, ctx, guards) => {
    const base = FHIR_BASE_PATH;
    app.use(`${base}/*`, outcomes());
    const open = new Set<string>([`${base}/metadata`]);
    const authenticate = guards.authenticate as MiddlewareHandler;
    app.use(`${base}/*`, (c, next) => (open.has(c.req.path) ? next() : authenticate(c, next)));
    const handlers = lazyHandlers(ctx);
    for (const route of FHIR_ROUTES as readonly FhirRoute[]) {
      const run = (c: Context) => handlers().then((h) => h[route.handler](c));
      // why: only the steps a route needs; every middleware is one more dispatch on each request.
      const chain: MiddlewareHandler[] = [];
      if (route.scope) chain.push(requireScope(route.scope) as MiddlewareHandler);
      if (route.method === 'POST' && !route.form) chain.push(ctx.jsonBody);
      app.on(route.method, [`${base}${route.path}`], ...chain, run);
    }
    for (const route of extra) {
      if (route.method === 'GET') app.get(`${base}${route.path}`, (c) => route.handle(c, ctx));
      else app.post(`${base}${route.path}`, ctx.jsonBody, (c) => route.handle(c, ctx));
    }
  };
}

/** An interaction mounted beside ours, sharing the FHIR auth, limits, body reader and OperationOutcomes. */
export interface ExtraFhirRoute {
  method: 'GET' | 'POST';
  /** Under `/fhir/r4`, e.g. `/QuestionnaireResponse`. */
  path: string;
  handle(c: Context, ctx: AppContext): Response | Promise<Response>;
}

/** The handlers, imported on first use and kept; a failed import is retried on the next request. */
const lazyHandlers = (ctx: AppContext) => lazyImport(() => import('./handlers').then((m) => m.fhirHandlers(ctx)));
