import type { Context, Env } from 'hono';
import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';

/** One browser origin as CORS compares it: a bare scheme://host[:port], no path, no wildcard. */
export const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/;
export const ORIGIN_RULE = 'Comma-separated origins like https://portal.example (no path, no *).';

/** `https://a.example, http://localhost:5173` → the trimmed, non-empty parts. */
export const splitOrigins = (raw: string): string[] =>
  raw
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);

/** Request headers a browser client may send (CORS). */
export const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id', 'traceparent'];
/** Response headers a browser client may read (CORS). */
export const EXPOSED_HEADERS = [
  'Location',
  'Idempotent-Replayed',
  'Retry-After',
  'Export-Id',
  'Export-Next-Cursor',
  'Link',
  'RateLimit',
  'RateLimit-Policy',
  'X-Request-Id',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/i;

/**
 * The request's id, always a UUID: the caller's `X-Request-Id` when it is one, else the trace id
 * of a W3C `traceparent` written as a UUID, else a new random one.
 * why: only ids that are random by construction are taken over — a caller-chosen string could
 * carry an identifier (an MRN) into every log line.
 * @example requestIdOf(c) // '0f8fad5b-d9cb-469f-a165-70867728950e'
 */
export function requestIdOf(header: (name: string) => string | undefined): string {
  const given = header('x-request-id')?.trim();
  if (given && UUID.test(given)) return given.toLowerCase();
  const trace = TRACEPARENT.exec(header('traceparent')?.trim() ?? '')?.[1];
  if (trace && !/^0+$/.test(trace)) {
    const t = trace.toLowerCase();
    return `${t.slice(0, 8)}-${t.slice(8, 12)}-${t.slice(12, 16)}-${t.slice(16, 20)}-${t.slice(20)}`;
  }
  return crypto.randomUUID();
}

/**
 * The secure headers of every API answer: hono/secure-headers' defaults with a CSP for JSON
 * (nothing here is to be rendered, framed or to load anything), HSTS and same-origin CORP,
 * written as one fixed list because building them per request cost a fifth of a scoring request.
 */
const SECURE_HEADERS: readonly (readonly [string, string])[] = [
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

/**
 * The web conventions of every answer (docs/architecture.md, "Web conventions"): a request id
 * (`c.get('requestId')`, echoed as `X-Request-Id`), CORS for the configured origins only
 * (preflights answered here, before authentication), `nosniff` and the other secure headers, and
 * `Cache-Control: no-store` on API data. `answered` is called once the answer is final, with the
 * `performance.now()` of the request's start (the app's request log).
 * @example for (const m of webConventions({ corsOrigins: ['https://portal.clinic.example'] })) app.use('*', m);
 */
export function webConventions<E extends Env = Env>(options: {
  corsOrigins: readonly string[];
  answered?: (c: Context<E>, started: number) => void;
}) {
  const { answered } = options;
  const origins = new Set(options.corsOrigins);
  const withCors = cors({
    origin: (origin) => (origins.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
    allowHeaders: ALLOWED_HEADERS,
    exposeHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
  // why one middleware (the request id and the log line included, rather than hono/request-id
  // before it and a logger inside it): each layer costs every request, and these always run together.
  return [
    createMiddleware<E>(async (c, next) => {
      const started = performance.now();
      const id = requestIdOf((name) => c.req.header(name));
      c.set('requestId', id);
      // why: only browsers send Origin; a server-to-server call (an EHR) skips the CORS work.
      if (c.req.header('origin') === undefined) await next();
      else {
        const preflight = await withCors(c, next);
        if (preflight) c.res = preflight;
      }
      // why on the answer: headers set before it exists are copied into it, which costs more.
      const headers = c.res.headers;
      headers.set('X-Request-Id', id);
      for (const [name, value] of SECURE_HEADERS) headers.set(name, value);
      // why: clinical data must not sit in shared or browser caches; the contract and health too (they change with deploys).
      if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
      answered?.(c, started);
    }),
  ];
}
