/**
 * The client's transport: retries 429 and 503 answers (and network failures) with bounded attempts,
 * waiting what `Retry-After` says, else a fixed doubling backoff (no jitter: a test can assert every
 * wait). A request is re-sent only when repeating it cannot store anything twice.
 */

export type Fetch = (input: Request, init?: RequestInit) => Promise<Response>;
export type Sleep = (ms: number) => Promise<void>;

export interface RetryOptions {
  /** Retries after the first attempt (default 3). */
  retries: number;
  sleep: Sleep;
  /** Backoff when the server names no `Retry-After`: `baseDelayMs × 2^retry` (default 500 ms). */
  baseDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the answer is returned as it is (default 60 s). */
  maxDelayMs: number;
}

/**
 * POSTs that are safe to repeat without an `Idempotency-Key` header: scoring and search store
 * nothing, and every item of a batch carries its own idempotency key.
 */
const REPEATABLE_POSTS = [/\/v1\/score$/, /\/v1\/subjects\/search$/, /\/v1\/assessments\/batch$/];

/**
 * Whether sending this request twice has the effect of sending it once: reads and deletes, a POST
 * with an `Idempotency-Key` (the server replays the first answer), scoring, search and batches.
 * @example repeatable(new Request('https://api.example/v1/assessments', { method: 'POST' })) // false
 */
export function repeatable(request: Request): boolean {
  if (['GET', 'HEAD', 'OPTIONS', 'DELETE'].includes(request.method)) return true;
  if (request.headers.has('idempotency-key')) return true;
  const path = new URL(request.url).pathname;
  return REPEATABLE_POSTS.some((pattern) => pattern.test(path));
}

/**
 * Milliseconds a `Retry-After` value asks for (delta-seconds or an HTTP date), or `undefined`.
 * @example retryAfterMs('2') // 2000
 */
export function retryAfterMs(value: string | null, now: () => number = Date.now): number | undefined {
  if (value === null) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now());
}

/**
 * `fetch` with the retry policy. Each attempt sends a clone, so the body (and the headers,
 * `Idempotency-Key` included) are exactly those of the first attempt.
 * @example const send = retryingFetch(fetch, { retries: 3, sleep, baseDelayMs: 500, maxDelayMs: 60_000 })
 */
export function retryingFetch(fetch: Fetch, options: RetryOptions): Fetch {
  return async (request, init) => {
    const canRepeat = repeatable(request);
    for (let retry = 0; ; retry += 1) {
      const last = retry >= options.retries;
      let response: Response;
      try {
        response = await fetch(request.clone(), init);
      } catch (error) {
        if (last || !canRepeat) throw error;
        await options.sleep(options.baseDelayMs * 2 ** retry);
        continue;
      }
      const retryable = response.status === 429 || (response.status === 503 && canRepeat);
      if (!retryable || last) return response;
      const wait = retryAfterMs(response.headers.get('retry-after')) ?? options.baseDelayMs * 2 ** retry;
      if (wait > options.maxDelayMs) return response;
      // The answer is dropped: free its connection before waiting.
      await response.body?.cancel();
      await options.sleep(wait);
    }
  };
}
