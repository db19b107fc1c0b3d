import { describe, expect, it } from 'vitest';
import { composeApp } from '../../functions/app';
import { localWebApp, withWeb } from '../../functions/local/web';
import type { Store } from '../../packages/store/port';
import { WEB_PREFIXES } from '../../packages/web/site';
import { pseudonymizer } from '../support/api';

/**
 * Wrong methods on the web layer's paths, through both apps on one port as `npm start` (and the
 * stack's routes) serve them: only GET and HEAD go to the web app, so the API answers the rest.
 * None of these requests may touch storage: the store is an empty object.
 */
const logs: Record<string, unknown>[] = [];
const api = composeApp({ store: {} as Store, pseudonymizer, log: (e) => logs.push(e) });
const both = withWeb(api, localWebApp({ log: () => {} }));
const send = (method: string, path: string) => both.fetch(new Request(`http://127.0.0.1${path}`, { method }));

const cases = WEB_PREFIXES.flatMap((prefix) =>
  ['POST', 'PUT', 'PATCH', 'DELETE'].flatMap((method) => [prefix, `${prefix}/assets/x.js`].map((path) => ({ method, path }))),
);

describe('a wrong method on a web path', () => {
  it.each(cases)('$method $path answers 405 with Allow: GET, HEAD', async ({ method, path }) => {
    const res = await send(method, path);

    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(logs.at(-1)).toMatchObject({ msg: 'request', method, status: 405, requestId: res.headers.get('x-request-id') });
    expect(await res.json()).toEqual({
      type: '/problems/method-not-allowed',
      title: 'Method not allowed on this path',
      status: 405,
      detail: 'This path answers GET and HEAD only; see the Allow header.',
      instance: `urn:uuid:${res.headers.get('x-request-id')}`,
    });
  });

  it('still serves GET /docs from the web app, and answers a wrong method on an API path the same way', async () => {
    const page = await send('GET', '/docs');
    const health = await send('PUT', '/health');

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(health.status).toBe(405);
    expect(health.headers.get('allow')).toBe('GET, HEAD');
  });

  it.each(['/docsx', '/applications', '/problemsx/a'])('leaves POST %s, outside every web prefix, a 404', async (path) => {
    const res = await send('POST', path);

    expect(res.status).toBe(404);
    expect(((await res.json()) as { type: string }).type).toBe('/problems/not-found');
  });
});
