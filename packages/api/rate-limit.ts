import { createMiddleware } from 'hono/factory';
import { RateLimited } from '../instruments/errors';
import type { AuthEnv } from './auth';

export interface RateLimit {
  /** Sustained requests per second per API key. */
  perSecond: number;
  /** Requests a key may send at once above the sustained rate. */
  burst: number;
}

/**
 * Token bucket per API key, in this process's memory (each warm Lambda instance and each local
 * server has its own; API Gateway's stage throttling caps the total). Over the limit: 429 with
 * `Retry-After`, so well-behaved integrations back off instead of hammering.
 * @example app.use('/v1/*', rateLimit({ perSecond: 50, burst: 100 }, () => new Date()))
 */
export function rateLimit(limit: RateLimit, now: () => Date) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return createMiddleware<AuthEnv>(async (c, next) => {
    const keyId = c.get('auth').keyId;
    const t = now().getTime();
    const bucket = buckets.get(keyId) ?? { tokens: limit.burst, at: t };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((t - bucket.at) / 1000) * limit.perSecond);
    bucket.at = t;
    if (buckets.size > 10_000 && !buckets.has(keyId)) buckets.clear();
    buckets.set(keyId, bucket);
    if (bucket.tokens < 1) {
      throw new RateLimited('Too many requests for this API key.', Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond)));
    }
    bucket.tokens -= 1;
    await next();
  });
}
