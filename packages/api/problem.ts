import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  Conflict,
  type FieldError,
  Forbidden,
  IdempotencyInFlight,
  IdempotencyMismatch,
  NotFound,
  RateLimited,
  Unauthenticated,
  Unavailable,
  ValidationError,
} from '../domain/errors';

/** RFC 9457 body. `errors` only for validation; never submitted values, never stack traces. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  /** How many validation errors were found beyond the `errors` listed (at most MAX_ERRORS are). */
  errorsOmitted?: number;
  /** This occurrence: `urn:uuid:<request id>`, the `X-Request-Id` of the answer and of its log line. */
  instance?: string;
}

/**
 * Most validation errors one problem lists. why: the answer to a hostile body must stay small
 * and cheap whatever the body holds (thousands of bad fields): the rest are only counted.
 */
export const MAX_ERRORS = 20;

/**
 * Every problem type the API can answer with: its status, title and a typical `detail` (the
 * reference shows it as the example). Their `type` URIs (`/problems/<type>`) lead to the reference.
 */
export const PROBLEMS = {
  'malformed-request': { status: 400, title: 'Malformed request', example: 'The request body is not valid JSON in UTF-8.' },
  'validation-error': { status: 400, title: 'Request does not match the schema', example: 'The request does not match the schema.' },
  unauthenticated: {
    status: 401,
    title: 'Missing or invalid API key',
    example: 'No API key was sent: send `Authorization: Bearer <api key>`.',
  },
  forbidden: { status: 403, title: 'API key lacks the required scope', example: 'This operation needs the `assessments:write` scope.' },
  'not-found': { status: 404, title: 'Not found', example: 'No assessment with this id.' },
  'method-not-allowed': {
    status: 405,
    title: 'Method not allowed on this path',
    example: 'This path does not answer this method; see the Allow header.',
  },
  'idempotency-in-flight': {
    status: 409,
    title: 'A request with this Idempotency-Key is still in progress',
    example: 'A request with this idempotency key is still in progress.',
  },
  conflict: { status: 409, title: 'Conflict', example: 'An assessment with this id already exists.' },
  'payload-too-large': { status: 413, title: 'Request body too large', example: 'The body exceeds 65536 bytes.' },
  'rate-limited': { status: 429, title: 'Too many requests', example: 'Too many requests for this API key.' },
  'unsupported-media-type': {
    status: 415,
    title: 'Request body must be application/json',
    example: 'Send the body as application/json in UTF-8, without a content encoding.',
  },
  'unprocessable-responses': { status: 422, title: 'Responses cannot be scored', example: 'Some responses cannot be scored.' },
  'idempotency-key-reused': {
    status: 422,
    title: 'Idempotency-Key was already used with a different request',
    example: 'This idempotency key was already used with a different request.',
  },
  'storage-unavailable': {
    status: 503,
    title: 'Storage temporarily unavailable',
    example: 'Storage is temporarily unavailable; retry later.',
  },
  'internal-error': { status: 500, title: 'Internal error', example: 'An unexpected error occurred.' },
} as const satisfies Record<string, { status: number; title: string; example: string }>;

export type ProblemType = keyof typeof PROBLEMS;

/** What any `/v1` route can answer before its own work: no or a bad key, a missing scope, storage down. */
export const AUTH_ERRORS: readonly ProblemType[] = [
  'unauthenticated',
  'forbidden',
  'rate-limited',
  'storage-unavailable',
  'internal-error',
];
/** What any route with a JSON body can answer about the body itself. */
export const BODY_ERRORS: readonly ProblemType[] = ['malformed-request', 'validation-error', 'payload-too-large', 'unsupported-media-type'];

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Builds a problem body for `type`. */
export function problem(type: ProblemType, detail: string, errors?: FieldError[]): Problem {
  const { status, title } = PROBLEMS[type];
  return { type: `/problems/${type}`, title, status, detail, ...(errors ? { errors } : {}) };
}

/** Renders a problem as `application/problem+json` with optional extra headers. */
export function problemResponse(c: Context, body: Problem, headers: Record<string, string> = {}): Response {
  const id = c.get('requestId') as string | undefined;
  return c.body(JSON.stringify(id ? { ...body, instance: `urn:uuid:${id}` } : body), body.status as ContentfulStatusCode, {
    'content-type': PROBLEM_CONTENT_TYPE,
    ...headers,
  });
}

/**
 * The one error → problem mapping. Unknown errors become a bare 500 with no detail.
 * @example errorToProblem(new NotFound('Assessment not found.')) // { problem: {status: 404, …}, headers: {} }
 */
export function errorToProblem(error: unknown): { problem: Problem; headers: Record<string, string> } {
  const plain = (type: ProblemType, detail: string, headers: Record<string, string> = {}) => ({
    problem: problem(type, detail),
    headers,
  });
  if (error instanceof ValidationError) {
    const type = error.kind === 'malformed' ? 'validation-error' : 'unprocessable-responses';
    const omitted = error.errors.length - MAX_ERRORS;
    const body = problem(type, error.message, error.errors.slice(0, MAX_ERRORS));
    return { problem: omitted > 0 ? { ...body, errorsOmitted: omitted } : body, headers: {} };
  }
  if (error instanceof Unauthenticated) return plain('unauthenticated', error.message, { 'www-authenticate': 'Bearer' });
  if (error instanceof Forbidden) return plain('forbidden', error.message);
  if (error instanceof NotFound) return plain('not-found', error.message);
  if (error instanceof IdempotencyInFlight) return plain('idempotency-in-flight', error.message, { 'retry-after': '1' });
  if (error instanceof IdempotencyMismatch) return plain('idempotency-key-reused', error.message);
  if (error instanceof Conflict) return plain('conflict', error.message);
  if (error instanceof RateLimited) return plain('rate-limited', error.message, { 'retry-after': String(error.retryAfterSeconds) });
  if (error instanceof Unavailable) {
    return plain('storage-unavailable', 'Storage is temporarily unavailable; retry later.', {
      'retry-after': String(error.retryAfterSeconds),
    });
  }
  if (error instanceof HTTPException) {
    // Hono raises these for bodies it cannot parse; their messages carry no submitted values.
    if (error.status === 413) return plain('payload-too-large', 'The request body exceeds the size limit.');
    if (error.status === 400) return plain('malformed-request', 'The request body is not valid JSON.');
  }
  return plain('internal-error', 'An unexpected error occurred.');
}
