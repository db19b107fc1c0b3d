import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { Forbidden, RateLimited, Unauthenticated } from '../domain/errors';
import type { ApiKeyRecord, Scope } from '../domain/records';
import type { Store } from '../store/port';
import { parseApiKey, secretMatches } from './api-keys';
import { BoundedMap } from './bounded-map';
import { announce, type RateLimit, tokenBuckets } from './rate-limit';

export type AuthEnv = { Variables: { auth: ApiKeyRecord; requestId: string } };

export interface AuthOptions {
  /** How long a key lookup (found or unknown) is remembered; 0 = never. */
  cacheSeconds: number;
  /** Failed authentications allowed per client address (default 5/s, bursts of 20); beyond: 429. */
  failures?: RateLimit;
  /** The caller's network address; default `runtimeAddress` (API Gateway's source IP, the socket). `undefined` pools callers. */
  clientAddress?: (c: Context) => string | undefined;
  /**
   * Requests per API key, per process (each warm Lambda instance and each local server has its
   * own; API Gateway's stage throttling caps the total), announced on every answer; beyond: 429.
   */
  perKey: RateLimit;
}

/**
 * The caller's address as Hono's adapters leave it in `c.env`: API Gateway's
 * `requestContext.http.sourceIp` on Lambda (HTTP API), the socket's remote address on Node.
 * @example app.use(authenticate(store, now, { cacheSeconds: 30, clientAddress: runtimeAddress }))
 */
export function runtimeAddress(c: Context): string | undefined {
  const env = c.env as
    | {
        requestContext?: { http?: { sourceIp?: unknown }; identity?: { sourceIp?: unknown } };
        incoming?: { socket?: { remoteAddress?: unknown } };
      }
    | undefined;
  const address = env?.requestContext?.http?.sourceIp ?? env?.requestContext?.identity?.sourceIp ?? env?.incoming?.socket?.remoteAddress;
  return typeof address === 'string' ? address : undefined;
}

/** Most key lookups one process remembers; the least recently used are dropped first. */
const MAX_CACHED_KEYS = 10_000;
const DEFAULT_FAILURES: RateLimit = { perSecond: 5, burst: 20 };
const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Bearer-key authentication. Lookups are cached for `cacheSeconds` (a revoked key stops working
 * within that time) so that a warm Lambda does not pay a DynamoDB read per request; the secret is
 * still compared, in constant time, on every request. Unknown key ids are cached as unknown for
 * the same time. Failed attempts are limited per client address: past the limit a caller gets
 * 429 before any lookup, so guessing or flooding with random key ids costs no reads. A valid key
 * then spends a token of its own bucket (`perKey`): over the limit, 429 with `Retry-After`, so
 * well-behaved integrations back off instead of hammering.
 * why one middleware for both: each layer costs every request, and these always run together.
 * @example app.use('/v1/*', authenticate(store, () => new Date(), { cacheSeconds: 30, perKey: { perSecond: 50, burst: 100 } }))
 */
export function authenticate(store: Store, now: () => Date, options: AuthOptions) {
  const { cacheSeconds } = options;
  const cache = new BoundedMap<string, { record: ApiKeyRecord | undefined; until: number }>(MAX_CACHED_KEYS);
  const failureLimit = options.failures ?? DEFAULT_FAILURES;
  const failures = tokenBuckets(failureLimit, now);
  const perKey = tokenBuckets(options.perKey, now);
  return createMiddleware<AuthEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    const match = header ? BEARER.exec(header) : null;
    const parsed = match ? parseApiKey(match[1]!) : undefined;
    const t = now().getTime();
    const hit = parsed ? cache.get(parsed.keyId) : undefined;
    // Only a caller this process does not already know by a valid key has its address looked at.
    let address: string | undefined;
    const addressOf = () => (address ??= (options.clientAddress ?? runtimeAddress)(c) ?? 'unknown');
    const refuse = (why: string): never => {
      announce(c.header, 'failed-auth-per-address', failureLimit, failures.take(addressOf()));
      throw new Unauthenticated(why);
    };
    // why: an address past its failure limit is refused before any lookup; a key this process
    // already knows as valid still passes, so a flood behind a shared address (NAT) blocks only itself.
    if (!hit?.record) {
      const blocked = failures.peek(addressOf());
      if (!blocked.allowed) {
        announce(c.header, 'failed-auth-per-address', failureLimit, blocked);
        throw new RateLimited('Too many failed authentications from this address.', blocked.retryAfter);
      }
    }
    if (!header) refuse('No API key was sent: send `Authorization: Bearer <api key>`.');
    if (!parsed) refuse('The Authorization header was sent, but is not `Bearer <api key>` with a key of this API (`mia_…`).');
    let record: ApiKeyRecord | undefined;
    if (hit && hit.until > t) record = hit.record;
    else {
      record = await store.getApiKey(parsed!.keyId);
      if (cacheSeconds > 0) cache.set(parsed!.keyId, { record, until: t + cacheSeconds * 1000 });
    }
    if (!record || record.revokedAt || !secretMatches(parsed!.secret, record.secretHash)) {
      refuse('An API key was sent, but it is not valid or has been revoked.');
    }
    c.set('auth', record!);
    const state = perKey.take(record!.keyId);
    if (!state.allowed) {
      announce(c.header, 'per-key', options.perKey, state);
      throw new RateLimited('Too many requests for this API key.', state.retryAfter);
    }
    await next();
    // why after: set on the answer, these cost less than headers prepared before it exists (copied into it).
    const headers = c.res.headers;
    announce((name, value) => headers.set(name, value), 'per-key', options.perKey, state);
  });
}

/** Rejects with 403 unless the authenticated key holds `scope`. */
export function requireScope(scope: Scope) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    if (!c.get('auth').scopes.includes(scope)) throw new Forbidden(`This operation needs the \`${scope}\` scope.`);
    await next();
  });
}
