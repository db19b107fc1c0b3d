import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../packages/api/app';
import { requestIdOf } from '../../packages/api/web';
import { NOW, pseudonymizer, smokingShort, useTestApi } from '../support/api';

const PORTAL = 'https://portal.clinic.example';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const api = useTestApi();
let app: ReturnType<typeof createApp>;
let key: string;
const logs: Record<string, unknown>[] = [];

beforeAll(async () => {
  key = await api.keyFor('clinic-web');
  app = createApp({
    store: api.table.store,
    pseudonymizer,
    now: () => NOW,
    log: (e) => logs.push(e),
    corsOrigins: [PORTAL],
    rateLimit: { perSecond: 50, burst: 100 },
  });
});

const get = (path: string, headers: Record<string, string> = {}) =>
  app.request(path, { headers: { authorization: `Bearer ${key}`, ...headers } });

describe('CORS for configured origins only', () => {
  it('answers a preflight from an allowed origin before authentication', async () => {
    const res = await app.request('/v1/assessments', {
      method: 'OPTIONS',
      headers: {
        origin: PORTAL,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,idempotency-key,content-type',
      },
    });

    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(res.headers.get('access-control-allow-headers')?.split(',')).toEqual(
      expect.arrayContaining(['Authorization', 'Content-Type', 'Idempotency-Key']),
    );
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('gives another origin nothing to read', async () => {
    const preflight = await app.request('/v1/assessments', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    const simple = await get('/v1/instruments', { origin: 'https://evil.example' });

    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('exposes the custom response headers to an allowed origin', async () => {
    const res = await get('/v1/instruments', { origin: PORTAL });

    expect(res.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(res.headers.get('access-control-expose-headers')?.split(',')).toEqual(
      expect.arrayContaining(['Location', 'Idempotent-Replayed', 'Retry-After', 'Export-Next-Cursor', 'RateLimit', 'X-Request-Id']),
    );
  });

  it('allows no origin at all by default', async () => {
    const res = await api.app.request('/v1/instruments', {
      method: 'OPTIONS',
      headers: { origin: PORTAL, 'access-control-request-method': 'GET' },
    });

    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('RateLimit headers', () => {
  it('announce the per-key policy on every authenticated answer', async () => {
    const first = await get('/v1/instruments');
    const second = await get('/v1/instruments/urica');

    expect(first.headers.get('ratelimit-policy')).toBe('"per-key";q=100;w=2');
    expect(first.headers.get('ratelimit')).toMatch(/^"per-key";r=\d+;t=\d+$/);
    const remaining = (res: Response) => Number(/r=(\d+)/.exec(res.headers.get('ratelimit')!)![1]);
    expect(remaining(second)).toBe(remaining(first) - 1);
  });

  it('announce the failure policy on a 401', async () => {
    const res = await app.request('/v1/instruments');

    expect(res.status).toBe(401);
    expect(res.headers.get('ratelimit-policy')).toBe('"failed-auth-per-address";q=20;w=4');
    expect(res.headers.get('ratelimit')).toMatch(/^"failed-auth-per-address";r=\d+;t=\d+$/);
  });
});

describe('request ids', () => {
  it('makes one, echoes it, logs it and names the problem by it', async () => {
    logs.length = 0;
    const res = await get('/v1/assessments/asm_AAAAAAAAAAAAAAAAAAAAAA');
    const id = res.headers.get('x-request-id')!;

    expect(id).toMatch(UUID);
    expect(((await res.json()) as { instance: string }).instance).toBe(`urn:uuid:${id}`);
    expect(logs).toEqual([expect.objectContaining({ msg: 'request', status: 404, requestId: id })]);
  });

  it('takes over a UUID or a traceparent, never free text', () => {
    const header = (values: Record<string, string>) => (name: string) => values[name];

    expect(requestIdOf(header({ 'x-request-id': 'A5E3C8D0-1B2C-4D5E-8F90-1234567890AB' }))).toBe('a5e3c8d0-1b2c-4d5e-8f90-1234567890ab');
    expect(requestIdOf(header({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' }))).toBe(
      '4bf92f35-77b3-4da6-a3ce-929d0e0e4736',
    );
    const mrn = requestIdOf(header({ 'x-request-id': 'MRN-12345-Smith' }));
    expect(mrn).toMatch(UUID);
    expect(mrn).not.toContain('12345');
  });
});

describe('caching, sniffing, methods', () => {
  it('marks API answers no-store and nosniff', async () => {
    const res = await get('/v1/instruments');

    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('answers a known path with a wrong method with 405 and Allow', async () => {
    const put = await app.request('/v1/assessments', { method: 'PUT', headers: { authorization: `Bearer ${key}` } });
    const patch = await app.request('/v1/assessments/asm_AAAAAAAAAAAAAAAAAAAAAA', {
      method: 'PATCH',
      headers: { authorization: `Bearer ${key}` },
    });
    const unknown = await app.request('/v1/nothing', { method: 'PUT', headers: { authorization: `Bearer ${key}` } });

    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('POST');
    expect(await put.json()).toMatchObject({ type: '/problems/method-not-allowed', status: 405 });
    expect(patch.status).toBe(405);
    expect(patch.headers.get('allow')?.split(', ').sort()).toEqual(['DELETE', 'GET', 'HEAD']);
    expect(unknown.status).toBe(404);
  });

  it('still stores with all of it in place', async () => {
    const res = await app.request('/v1/assessments', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': 'web-1', origin: PORTAL },
      body: JSON.stringify(smokingShort('web-ref')),
    });

    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toMatch(/^\/v1\/assessments\/asm_/);
    expect(res.headers.get('access-control-allow-origin')).toBe(PORTAL);
  });
});
