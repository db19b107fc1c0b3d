import { describe, expect, it } from 'vitest';
import { type Fetch, repeatable, retryAfterMs, retryingFetch } from '../../packages/client/retry';

const answer = (status: number, headers: Record<string, string> = {}) => new Response(status === 204 ? null : '{}', { status, headers });

/** A transport answering `statuses` in turn; `bodies` records what each attempt sent. */
function scripted(statuses: (number | Error)[], headers: Record<string, string> = {}) {
  const bodies: string[] = [];
  const keys: (string | null)[] = [];
  const fetch: Fetch = async (request) => {
    bodies.push(await request.text());
    keys.push(request.headers.get('idempotency-key'));
    const next = statuses.shift() ?? 200;
    if (next instanceof Error) throw next;
    return answer(next, headers);
  };
  return { fetch, bodies, keys };
}

function client(fetch: Fetch, retries = 3) {
  const waited: number[] = [];
  const send = retryingFetch(fetch, { retries, sleep: async (ms) => void waited.push(ms), baseDelayMs: 500, maxDelayMs: 60_000 });
  return { send, waited };
}

const post = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://api.test${path}`, { method: 'POST', body: '{"a":1}', headers });

describe('retryingFetch', () => {
  it('waits Retry-After seconds on a 429 and resends the same body', async () => {
    const t = scripted([429, 429, 201], { 'retry-after': '3' });
    const { send, waited } = client(t.fetch);

    const res = await send(post('/v1/assessments', { 'idempotency-key': 'k-1' }));

    expect(res.status).toBe(201);
    expect(waited).toEqual([3000, 3000]);
    expect(t.bodies).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);
    expect(t.keys).toEqual(['k-1', 'k-1', 'k-1']);
  });

  it('backs off 500, 1000, 2000 ms without Retry-After, then returns the last answer', async () => {
    const t = scripted([503, 503, 503, 503]);
    const { send, waited } = client(t.fetch);

    const res = await send(new Request('http://api.test/v1/instruments'));

    expect(res.status).toBe(503);
    expect(waited).toEqual([500, 1000, 2000]);
    expect(t.bodies).toHaveLength(4);
  });

  it('retries a 503 or a network failure only when the request is repeatable', async () => {
    const unkeyed = scripted([503]);
    const failing = scripted([new TypeError('fetch failed')]);
    const keyed = scripted([new TypeError('fetch failed'), 201]);

    expect((await client(unkeyed.fetch).send(post('/v1/assessments'))).status).toBe(503);
    await expect(client(failing.fetch).send(post('/v1/assessments'))).rejects.toThrow('fetch failed');
    expect((await client(keyed.fetch).send(post('/v1/assessments', { 'idempotency-key': 'k' }))).status).toBe(201);
    expect([unkeyed.bodies.length, failing.bodies.length, keyed.bodies.length]).toEqual([1, 1, 2]);
  });

  it('retries a 429 even for a request that is not repeatable: the server refused it before doing anything', async () => {
    const t = scripted([429, 200], { 'retry-after': '1' });

    expect((await client(t.fetch).send(post('/v1/assessments'))).status).toBe(200);
    expect(t.bodies).toHaveLength(2);
  });

  it('does not wait for a Retry-After beyond its limit', async () => {
    const t = scripted([429], { 'retry-after': '3600' });
    const { send, waited } = client(t.fetch);

    expect((await send(new Request('http://api.test/v1/instruments'))).status).toBe(429);
    expect(waited).toEqual([]);
  });

  it('leaves other answers alone', async () => {
    const t = scripted([404, 500, 409]);
    const { send } = client(t.fetch);

    expect((await send(new Request('http://api.test/v1/assessments/x'))).status).toBe(404);
    expect(t.bodies).toHaveLength(1);
  });
});

describe('repeatable', () => {
  it.each([
    ['GET', '/v1/instruments', {}, true],
    ['DELETE', '/v1/assessments/asm_1', {}, true],
    ['POST', '/v1/score', {}, true],
    ['POST', '/v1/subjects/search', {}, true],
    ['POST', '/v1/assessments', { 'idempotency-key': 'k' }, true],
    ['POST', '/v1/assessments', {}, false],
    ['POST', '/v1/assessments/batch', {}, true],
    ['POST', '/v1/other', {}, false],
  ] as const)('%s %s %j → %s', (method, path, headers, expected) => {
    expect(repeatable(new Request(`http://api.test${path}`, { method, headers, ...(method === 'POST' ? { body: '{}' } : {}) }))).toBe(
      expected,
    );
  });
});

describe('retryAfterMs', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('Wed, 02 Dec 2026 05:00:10 GMT', () => Date.parse('2026-12-02T05:00:00Z'))).toBe(10_000);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});
