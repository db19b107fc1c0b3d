import { BoundedMap } from './bounded-map';

export interface RateLimit {
  /** Sustained requests per second per API key. */
  perSecond: number;
  /** Requests a key may send at once above the sustained rate. */
  burst: number;
}

/** Most keys (or client addresses) whose buckets one process remembers; the least recently used go first. */
const MAX_BUCKETS = 10_000;

/** A bucket after a request: whether it was allowed, the whole requests left, seconds until full, and (refused) until the next. */
export interface BucketState {
  allowed: boolean;
  remaining: number;
  /** Seconds until the bucket is full again. */
  reset: number;
  /** Seconds until one request is allowed again (0 when allowed). */
  retryAfter: number;
}

/**
 * Token buckets by key, in this process's memory. `take(key)` spends a token when there is one;
 * `peek(key)` reads the state without spending.
 * @example const buckets = tokenBuckets({ perSecond: 5, burst: 10 }, () => new Date()); buckets.take('10.0.0.1').allowed // true
 */
export function tokenBuckets(limit: RateLimit, now: () => Date) {
  const buckets = new BoundedMap<string, { tokens: number; at: number }>(MAX_BUCKETS);
  const state = (key: string, spend: boolean): BucketState => {
    const t = now().getTime();
    const bucket = buckets.get(key) ?? { tokens: limit.burst, at: t };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((t - bucket.at) / 1000) * limit.perSecond);
    bucket.at = t;
    buckets.set(key, bucket);
    const allowed = bucket.tokens >= 1;
    if (allowed && spend) bucket.tokens -= 1;
    return {
      allowed,
      remaining: Math.floor(bucket.tokens),
      reset: Math.ceil((limit.burst - bucket.tokens) / limit.perSecond),
      retryAfter: allowed ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond)),
    };
  };
  return { take: (key: string) => state(key, true), peek: (key: string) => state(key, false) };
}

/**
 * Announces a bucket with the IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers-10):
 * `RateLimit-Policy: "<name>";q=<burst>;w=<seconds to refill it>` and `RateLimit: "<name>";r=<left>;t=<seconds to full>`.
 * `set` is `c.header` before the answer exists, or the answer's `headers.set` after it.
 * @example announce(c.header, 'per-key', { perSecond: 50, burst: 100 }, state)
 */
export function announce(set: (name: string, value: string) => void, name: string, limit: RateLimit, state: BucketState): void {
  set('RateLimit-Policy', `"${name}";q=${limit.burst};w=${Math.max(1, Math.ceil(limit.burst / limit.perSecond))}`);
  set('RateLimit', `"${name}";r=${state.remaining};t=${state.reset}`);
}
