import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Problem, ProblemType } from '../api/problem';
import { FHIR_BASE_PATH, FHIR_JSON, PROBLEM_SYSTEM } from './canonical';

/** The R4 `issue.code` (IssueType) each problem type of the API is answered with. */
const ISSUE_CODES: Record<ProblemType, string> = {
  'malformed-request': 'structure',
  'validation-error': 'structure',
  unauthenticated: 'login',
  forbidden: 'forbidden',
  'not-found': 'not-found',
  'method-not-allowed': 'not-supported',
  'idempotency-in-flight': 'conflict',
  conflict: 'conflict',
  'payload-too-large': 'too-costly',
  'rate-limited': 'throttled',
  'unsupported-media-type': 'not-supported',
  'unprocessable-responses': 'processing',
  'idempotency-key-reused': 'conflict',
  'storage-unavailable': 'transient',
  'internal-error': 'exception',
};

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: { severity: 'error' | 'fatal'; code: string; details?: unknown; diagnostics?: string; expression?: string[] }[];
}

/**
 * The OperationOutcome of an API problem: one issue per field error, its `expression` the
 * error's path (a FHIRPath such as `QuestionnaireResponse.item[3].answer[0]`), never the value;
 * the problem type and title in `details`. The status stays the problem's, so `/fhir` answers
 * with exactly the statuses of `/v1` (problem.ts holds the one error → status mapping).
 * @example problemToOutcome({ type: '/problems/not-found', title: 'Not found', status: 404, detail: 'No such route.' }).issue[0].code // 'not-found'
 */
export function problemToOutcome(problem: Problem): OperationOutcome {
  const type = problem.type.replace(/^\/problems\//, '') as ProblemType;
  const code = ISSUE_CODES[type] ?? 'exception';
  const details = { coding: [{ system: PROBLEM_SYSTEM, code: type, display: problem.title }], text: problem.title };
  const severity = problem.status >= 500 ? 'fatal' : 'error';
  const errors = problem.errors ?? [];
  if (errors.length === 0) return { resourceType: 'OperationOutcome', issue: [{ severity, code, details, diagnostics: problem.detail }] };
  const issue: OperationOutcome['issue'] = errors.map((e) => ({
    severity,
    code: type === 'unprocessable-responses' ? 'value' : 'invalid',
    details,
    diagnostics: e.message,
    ...(e.path ? { expression: [e.path] } : {}),
  }));
  if (problem.errorsOmitted)
    issue.push({ severity, code: 'too-costly', details, diagnostics: `${problem.errorsOmitted} further errors are not listed.` });
  return { resourceType: 'OperationOutcome', issue };
}

/**
 * A FHIR JSON answer: `application/fhir+json; charset=utf-8`.
 * @example return fhirJson(c, capabilityStatement(), 200);
 */
export function fhirJson(c: Context, resource: unknown, status: 200 | 201 = 200, headers: Record<string, string> = {}): Response {
  return fhirText(c, JSON.stringify(resource), status, headers);
}

/**
 * A FHIR JSON answer already serialized (observation-json.ts).
 * @example return fhirText(c, observationBundleJson(source), 201, { location });
 */
export function fhirText(c: Context, json: string, status: 200 | 201 = 200, headers: Record<string, string> = {}): Response {
  return c.body(json, status, { 'content-type': `${FHIR_JSON}; charset=utf-8`, ...headers });
}

/** The answering server's FHIR base (`https://host/fhir/r4`), under which stored resources' `fullUrl`s are absolute. */
export const baseOf = (c: Context) => `${new URL(c.req.url).origin}${FHIR_BASE_PATH}`;

/**
 * Wraps every `/fhir` answer: whatever the API answered as problem+json (authentication, rate
 * limits, the body reader, thrown domain errors through the app's one error mapping, 404 and
 * 405) is re-rendered as an OperationOutcome with the same status and headers. This is the only
 * place FHIR errors are made.
 * @example app.use('/fhir/r4/*', outcomes());
 */
export function outcomes(): MiddlewareHandler {
  return createMiddleware(async (c, next) => {
    await next();
    // why: problems are errors; a success is passed on without reading its headers.
    if (c.res.status < 400 || !/^application\/problem\+json/i.test(c.res.headers.get('content-type') ?? '')) return;
    const problem = (await c.res.json()) as Problem;
    const headers = new Headers(c.res.headers);
    headers.set('content-type', `${FHIR_JSON}; charset=utf-8`);
    headers.delete('content-length');
    const { instance, ...rest } = problem;
    const outcome = problemToOutcome(rest);
    // The occurrence id of the problem (the request id) stays visible as the resource id.
    const body = instance ? { ...outcome, id: instance.replace(/^urn:uuid:/, '') } : outcome;
    c.res = undefined;
    c.res = new Response(JSON.stringify(body), { status: problem.status, headers });
  });
}
