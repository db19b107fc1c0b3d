import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { localWebApp, withWeb } from '../../functions/local/web';
import { PROBLEMS } from '../../packages/api/problem';
import { CACHE_ASSET, CACHE_HTML, createWebApp } from '../../packages/web/app';
import { REDOC_LOGO } from '../../packages/web/docs';
import { isWebRequest, type Site, WEB_PREFIXES } from '../../packages/web/site';
import { assetSources, SITES } from '../../packages/web/sites';

const BIG_JS = `console.log(${JSON.stringify('x'.repeat(4000))});\n`;
const files: Record<string, string> = { 'dist/app.js': BIG_JS, 'dist/app.css': 'body{margin:0}', 'fonts/a.woff2': 'wOF2' };

const site: Site = {
  base: '/demo',
  assets: [
    { name: 'app.js', source: 'dist/app.js' },
    { name: 'app.css', source: 'dist/app.css' },
    { name: 'a.woff2', source: 'fonts/a.woff2' },
  ],
  pages: [
    {
      path: '/demo',
      csp: { 'script-src': ["'self'"], 'style-src': ["'self'"] },
      render: (asset) => `<!doctype html><link rel="stylesheet" href="${asset('app.css')}"><script src="${asset('app.js')}"></script>`,
    },
  ],
};

function demoApp() {
  const logs: Record<string, unknown>[] = [];
  const reads: string[] = [];
  const app = createWebApp({
    sites: [site],
    readFile: async (source) => {
      reads.push(source);
      if (!(source in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return new TextEncoder().encode(files[source]);
    },
    log: (e) => logs.push(e),
  });
  return { app, logs, reads };
}

const assetUrls = (html: string) => [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!);

describe('createWebApp', () => {
  it('serves a page with its own CSP, nosniff, a request id and a revalidated cache', async () => {
    const { app, logs } = demoApp();

    const res = await app.request('/demo');

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; script-src 'self'; style-src 'self'",
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe(CACHE_HTML);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(logs).toEqual([
      {
        level: 'info',
        msg: 'request',
        method: 'GET',
        path: '/demo',
        status: 200,
        ms: expect.any(Number),
        requestId: res.headers.get('x-request-id'),
      },
    ]);
  });

  it('names assets by content hash and serves them with their type and an immutable cache', async () => {
    const { app } = demoApp();
    const [css, js] = assetUrls(await (await app.request('/demo')).text());

    expect(css).toMatch(/^\/demo\/assets\/app\.[A-Za-z0-9_-]{10}\.css$/);
    expect(js).toMatch(/^\/demo\/assets\/app\.[A-Za-z0-9_-]{10}\.js$/);
    const res = await app.request(js!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe(CACHE_ASSET);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe(BIG_JS);
    expect((await app.request(css!)).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers 304 to a matching If-None-Match, and gzip to a browser that takes it', async () => {
    const { app } = demoApp();
    const [, js] = assetUrls(await (await app.request('/demo')).text());
    const first = await app.request(js!);
    const etag = first.headers.get('etag')!;

    const again = await app.request(js!, { headers: { 'if-none-match': etag } });
    const zipped = await app.request(js!, { headers: { 'accept-encoding': 'gzip, br' } });

    expect(etag).toMatch(/^"[A-Za-z0-9_-]{16}"$/);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toBe(BIG_JS);
    expect(first.headers.get('content-encoding')).toBeNull();
  });

  it.each(['/demo/assets/app.js', '/demo/assets/app.0000000000.js', '/demo/nothing', '/elsewhere'])(
    'answers %s with a 404 problem',
    async (path) => {
      const { app } = demoApp();

      const res = await app.request(path);

      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = await res.json();
      expect(body).toEqual({
        type: '/problems/not-found',
        title: 'Not found',
        status: 404,
        detail: 'No such page.',
        instance: `urn:uuid:${res.headers.get('x-request-id')}`,
      });
    },
  );

  it('reads every file once per process, and again after a failed read', async () => {
    const { app, reads } = demoApp();
    await app.request('/demo');
    await app.request('/demo');
    expect(reads).toEqual(['dist/app.js', 'dist/app.css', 'fonts/a.woff2']);

    delete files['fonts/a.woff2'];
    const broken = demoApp();
    const res = await broken.app.request('/demo');
    files['fonts/a.woff2'] = 'wOF2';
    const healed = await broken.app.request('/demo');

    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ type: '/problems/internal-error', detail: 'An unexpected error occurred.' });
    expect(JSON.stringify(broken.logs)).not.toContain('fonts/a.woff2');
    expect(healed.status).toBe(200);
  });
});

describe('an asset with replacements', () => {
  const patched = (text: string) =>
    createWebApp({
      sites: [
        {
          base: '/p',
          assets: [{ name: 'v.js', source: 'v.js', replace: [{ find: '"https://cdn.example/logo.svg"', with: '"data:,"' }] }],
          pages: [{ path: '/p', csp: {}, render: (asset) => asset('v.js') }],
        },
      ],
      readFile: async () => new TextEncoder().encode(text),
      log: () => {},
    });

  it('is served with the text replaced, under the hash of what is served', async () => {
    const app = patched('img.src="https://cdn.example/logo.svg";');
    const url = await (await app.request('/p')).text();

    expect(await (await app.request(url)).text()).toBe('img.src="data:,";');
    expect(url).toMatch(/^\/p\/assets\/v\.[A-Za-z0-9_-]{10}\.js$/);
  });

  it.each([
    ['absent', 'img.src="https://cdn.example/other.svg";'],
    ['there twice', '"https://cdn.example/logo.svg","https://cdn.example/logo.svg"'],
  ])('refuses to serve the site when the text to replace is %s', async (_, text) => {
    const res = await patched(text).request('/p');

    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ type: '/problems/internal-error', detail: 'An unexpected error occurred.' });
  });

  it('serves the reference’s Redoc bundle with no URL of Redocly’s CDN in it', async () => {
    const web = localWebApp({ log: () => {} });
    const [script] = assetUrls(await (await web.request('/docs')).text()).filter((u) => u.startsWith('/docs/assets/'));
    const js = await (await web.request(script!)).text();

    expect(js).not.toContain('cdn.redoc.ly');
    expect(js.split(REDOC_LOGO.with)).toHaveLength(2);
  });
});

describe('the sites', () => {
  it('keeps every site under one of the web prefixes the stack routes', () => {
    for (const s of SITES) expect(WEB_PREFIXES).toContain(s.base);
    expect(assetSources(SITES)).toEqual([
      'node_modules/redoc/bundles/redoc.standalone.js',
      'packages/web/dashboard/dist/dashboard.js',
      'packages/web/dashboard/dashboard.css',
    ]);
  });

  it.each(Object.keys(PROBLEMS))('redirects /problems/%s to its section of the reference', async (type) => {
    const res = await localWebApp({ log: () => {} }).request(`/problems/${type}`);

    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/docs#section/Problem-${type}`);
  });

  it.each(['/problems/nope', '/problems/__proto__', '/problems/constructor'])(
    'answers an unknown type %s with a 404 problem',
    async (path) => {
      const res = await localWebApp({ log: () => {} }).request(path);

      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ type: '/problems/not-found', detail: 'No such problem type.' });
    },
  );

  it('serves /docs with the self-hosted renderer from the same origin', async () => {
    const web = localWebApp({ log: () => {} });
    const html = await (await web.request('/docs')).text();
    const [script] = assetUrls(html).filter((u) => u.startsWith('/docs/assets/'));

    expect(html).toContain('spec-url="/openapi.json"');
    expect(script).toMatch(/^\/docs\/assets\/redoc\.[A-Za-z0-9_-]{10}\.js$/);
    expect(assetUrls(html).filter((u) => /^(https?:)?\/\//.test(u))).toEqual([]);
    expect((await web.request(script!)).status).toBe(200);
  });
});

describe('npm start on one port', () => {
  it.each([
    ['GET', '/docs', true],
    ['HEAD', '/docs/assets/x.js', true],
    ['GET', '/problems/not-found', true],
    ['GET', '/app', true],
    ['GET', '/app/x', true],
    ['POST', '/docs', false],
    ['GET', '/docsx', false],
    ['GET', '/openapi.json', false],
    ['GET', '/v1/instruments', false],
  ])('%s %s goes to the web app: %s', (method, path, web) => {
    expect(isWebRequest(method, path)).toBe(web);
  });

  it('sends web requests to the web app and the rest to the API', async () => {
    const api = { fetch: () => new Response('api') };
    const web = { fetch: () => new Response('web') };
    const both = withWeb(api, web);

    expect(await (await both.fetch(new Request('http://127.0.0.1/docs'))).text()).toBe('web');
    expect(await (await both.fetch(new Request('http://127.0.0.1/health'))).text()).toBe('api');
    expect(await (await both.fetch(new Request('http://127.0.0.1/docs', { method: 'POST' }))).text()).toBe('api');
  });
});
