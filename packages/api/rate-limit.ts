import { createMiddleware } from 'hono/factory';
import { RateLimited } from '../domain/errors';
import type { AuthEnv } from './auth';
import { BoundedMap } from './bounded-map';

export interface RateLimit {
  /** Sustained requests per second per API key. */
  perSecond: number;
  /** Requests a key may send at once above the sustained rate. */
  burst: number;
}

/** Most keys (or client addresses) whose buckets one process remembers; the least recently used go first. */
const MAX_BUCKETS = 10_000;

/**
 * Token buckets by key, in this process's memory. `take(key)` spends a token and returns
 * `undefined`, or, when the bucket is empty, the seconds until one is back (nothing spent);
 * `peek(key)` says the same without spending.
 * @example const buckets = tokenBuckets({ perSecond: 5, burst: 10 }, () => new Date()); buckets.take('10.0.0.1') // undefined
 */
export function tokenBuckets(limit: RateLimit, now: () => Date) {
  const buckets = new BoundedMap<string, { tokens: number; at: number }>(MAX_BUCKETS);
  const refill = (key: string) => {
    const t = now().getTime();
    const bucket = buckets.get(key) ?? { tokens: limit.burst, at: t };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((t - bucket.at) / 1000) * limit.perSecond);
    bucket.at = t;
    buckets.set(key, bucket);
    return bucket;
  };
  const wait = (tokens: number) => Math.max(1, Math.ceil((1 - tokens) / limit.perSecond));
  return {
    take(key: string): number | undefined {
      const bucket = refill(key);
      if (bucket.tokens < 1) return wait(bucket.tokens);
      bucket.tokens -= 1;
      return undefined;
    },
    peek(key: string): number | undefined {
      const bucket = refill(key);
      return bucket.tokens < 1 ? wait(bucket.tokens) : undefined;
    },
  };
}

/**
 * Token bucket per API key (each warm Lambda instance and each local server has its own; API
 * Gateway's stage throttling caps the total). Over the limit: 429 with `Retry-After`, so
 * well-behaved integrations back off instead of hammering.
 * @example app.use('/v1/*', rateLimit({ perSecond: 50, burst: 100 }, () => new Date()))
 */
export function rateLimit(limit: RateLimit, now: () => Date) {
  const buckets = tokenBuckets(limit, now);
  return createMiddleware<AuthEnv>(async (c, next) => {
    const retryAfter = buckets.take(c.get('auth').keyId);
    if (retryAfter !== undefined) throw new RateLimited('Too many requests for this API key.', retryAfter);
    await next();
  });
}
