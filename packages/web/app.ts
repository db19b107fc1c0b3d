import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Context, Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { problem, problemResponse } from '../api/problem';
import { requestIdOf } from '../api/web';
import type { WebEnv } from './env';
import type { Asset, CspDirectives, Site } from './site';

export interface WebAppOptions {
  sites: readonly Site[];
  /** The bytes of an asset's file, by its `source` path (from the repository locally, from the artifact in Lambda). */
  readFile: (source: string) => Promise<Uint8Array>;
  /** One structured log line per request; defaults to stdout JSON. */
  log?: (entry: Record<string, unknown>) => void;
}

/** Content types by file extension; anything else is refused at start-up rather than served as a guess. */
export const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};
const HTML = 'text/html; charset=utf-8';
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;

/** why: an asset's URL changes with its bytes, so a browser may keep it for a year; HTML names the current URLs, so it is revalidated on every use (a cheap 304). */
export const CACHE_ASSET = 'public, max-age=31536000, immutable';
export const CACHE_HTML = 'no-cache';
export const CACHE_REDIRECT = 'public, max-age=300';

const BASE_CSP: CspDirectives & Record<string, readonly string[]> = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The Content-Security-Policy header of a page: nothing but what the page lists.
 * @example contentSecurityPolicy({ 'script-src': ["'self'"] }) // "default-src 'none'; base-uri 'none'; …; script-src 'self'"
 */
export function contentSecurityPolicy(directives: CspDirectives): string {
  return Object.entries({ ...BASE_CSP, ...directives })
    .map(([name, sources]) => `${name} ${(sources as readonly string[]).join(' ')}`)
    .join('; ');
}

interface Served {
  body: Uint8Array;
  gzip?: Uint8Array;
  type: string;
  etag: string;
  cache: string;
  csp: string;
}

const digest = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('base64url');

function served(body: Uint8Array, type: string, cache: string, csp: string): Served {
  const gzip = COMPRESSIBLE.test(type) && body.byteLength > 1024 ? gzipSync(body, { level: 9 }) : undefined;
  return { body, type, cache, csp, etag: `"${digest(body).slice(0, 16)}"`, ...(gzip ? { gzip } : {}) };
}

/** Every URL the sites serve, read and hashed once per process. */
async function buildTable(options: WebAppOptions): Promise<Map<string, Served>> {
  const table = new Map<string, Served>();
  const assetCsp = contentSecurityPolicy({});
  for (const site of options.sites) {
    const urls = new Map<string, string>();
    for (const asset of site.assets) {
      const ext = extname(asset.name);
      const type = CONTENT_TYPES[ext];
      if (!type) throw new Error(`No content type for asset ${asset.name} of ${site.base}.`);
      const body = replaced(await options.readFile(asset.source), asset);
      const url = `${site.base}/assets/${asset.name.slice(0, -ext.length)}.${digest(body).slice(0, 10)}${ext}`;
      urls.set(asset.name, url);
      table.set(url, served(body, type, CACHE_ASSET, assetCsp));
    }
    const assetUrl = (name: string) => urls.get(name) ?? fail(`Page of ${site.base} names unknown asset ${name}.`);
    for (const page of site.pages) {
      const html = new TextEncoder().encode(page.render(assetUrl));
      table.set(page.path, served(html, HTML, CACHE_HTML, contentSecurityPolicy(page.csp)));
    }
  }
  return table;
}

/** The file with the asset's replacements made; each must match exactly once. */
function replaced(bytes: Uint8Array, asset: Asset): Uint8Array {
  if (!asset.replace?.length) return bytes;
  let text = new TextDecoder().decode(bytes);
  for (const { find, with: by } of asset.replace) {
    const parts = text.split(find);
    if (parts.length !== 2)
      fail(`Asset ${asset.name}: expected its text to contain ${JSON.stringify(find)} once, found ${parts.length - 1}.`);
    text = parts.join(by);
  }
  return new TextEncoder().encode(text);
}

function fail(message: string): never {
  throw new Error(message);
}

function answer(c: Context<WebEnv>, file: Served): Response {
  c.header('Cache-Control', file.cache);
  c.header('ETag', file.etag);
  c.header('Content-Security-Policy', file.csp);
  if (file.gzip) c.header('Vary', 'Accept-Encoding');
  const tags = c.req.header('if-none-match');
  if (tags && (tags.trim() === '*' || tags.split(',').some((t) => t.trim().replace(/^W\//, '') === file.etag))) return c.body(null, 304);
  c.header('Content-Type', file.type);
  if (file.gzip && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
    c.header('Content-Encoding', 'gzip');
    return c.body(file.gzip as Uint8Array<ArrayBuffer>);
  }
  return c.body(file.body as Uint8Array<ArrayBuffer>);
}

const stdoutLog = (entry: Record<string, unknown>) => console.log(JSON.stringify(entry));

/**
 * The web layer: the sites' HTML pages and static files, each with its content type, `nosniff`,
 * a Content-Security-Policy of its own, `Cache-Control` and an ETag (304 on a match), gzip when
 * the browser takes it; anything else is a 404 problem. Files are read on the first request and
 * kept. It never touches storage or keys, so it runs as a function of its own, and none of its
 * files enter the API's bundle.
 * @example
 * const web = createWebApp({ sites: SITES, readFile: (source) => readFile(join(root, source)) });
 * await web.request('/docs'); // 200 text/html
 */
export function createWebApp(options: WebAppOptions) {
  const log = options.log ?? stdoutLog;
  let table: Promise<Map<string, Served>> | undefined;
  const load = () => {
    table ??= buildTable(options).catch((error: unknown) => {
      table = undefined; // a missing file is retried by the next request, not cached as a failure
      throw error;
    });
    return table;
  };
  const serve = async (c: Context<WebEnv>) => {
    const file = (await load()).get(c.req.path);
    return file ? answer(c, file) : c.notFound();
  };

  const app = new Hono<WebEnv>();
  app.use('*', requestId({ headerName: '', generator: (c) => requestIdOf((name) => c.req.header(name)) }));
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    c.res.headers.set('X-Request-Id', c.get('requestId'));
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
    c.res.headers.set('Cross-Origin-Resource-Policy', 'same-origin');
    c.res.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
    // why: the path, not the URL: a query string is whatever the visitor typed and is never logged.
    log({
      level: c.res.status >= 500 ? 'error' : 'info',
      msg: 'request',
      method: c.req.method,
      path: c.req.path.slice(0, 200),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      requestId: c.get('requestId'),
    });
  });
  for (const site of options.sites) {
    for (const page of site.pages) app.get(page.path, serve);
    if (site.assets.length > 0) app.get(`${site.base}/assets/:file`, serve);
    site.routes?.(app);
  }
  app.notFound((c) => problemResponse(c, problem('not-found', 'No such page.')));
  app.onError((error, c) => {
    log({ level: 'error', msg: 'unhandled', requestId: c.get('requestId'), error: error.name, at: error.stack?.split('\n')[1]?.trim() });
    return problemResponse(c, problem('internal-error', 'An unexpected error occurred.'));
  });
  return app;
}

export type WebApp = ReturnType<typeof createWebApp>;
