/**
 * What the web layer serves, as data. A site is a base path with its pages, the static files they
 * load and, if it needs them, routes of its own (the problem-type redirects). Adding a page set (a
 * dashboard under `/app` with its bundled JS and Vega-Lite) is one more `Site` in `SITES`
 * (sites.ts) with its base listed in `WEB_PREFIXES`: the app, the Lambda artifact (its files are
 * copied in at build time), the HTTP API routes and `npm start` all read that list.
 */
import type { Hono } from 'hono';
import type { WebEnv } from './env';

/** A static file of a site, served from `<base>/assets/<stem>.<content hash><ext>`. */
export interface Asset {
  /** How pages refer to it, e.g. `redoc.js` (the URL keeps its extension). */
  name: string;
  /**
   * The file, relative to the repository root (`node_modules/redoc/bundles/redoc.standalone.js`);
   * copied under the same relative path into the Lambda artifact's `web-assets/`. A generated file
   * must exist before `cdk synth` bundles.
   */
  source: string;
  /**
   * Exact text replacements made in the file as it is read, each of which must occur exactly once
   * (else the site fails to start, so an upgrade that moves the text is noticed); for a vendor
   * bundle that hard-codes a URL our CSP would block.
   */
  replace?: readonly { find: string; with: string }[];
}

/** The sources a page's Content-Security-Policy allows beyond `default-src 'none'`. */
export type CspDirectives = Partial<
  Record<'script-src' | 'style-src' | 'img-src' | 'font-src' | 'connect-src' | 'worker-src' | 'manifest-src', readonly string[]>
>;

/** An HTML page of a site. */
export interface Page {
  /** Its path, e.g. `/docs`. */
  path: string;
  /** What it may load: list only what it needs (`script-src 'self'` for its own assets). */
  csp: CspDirectives;
  /** The HTML; `asset(name)` is the URL of one of the site's assets. Rendered once per process. */
  render(asset: (name: string) => string): string;
}

export interface Site {
  /** The path prefix it owns, e.g. `/docs`; one of `WEB_PREFIXES`. */
  base: string;
  pages: readonly Page[];
  assets: readonly Asset[];
  /** Routes that are not pages (redirects); mounted after the pages. */
  routes?: (app: Hono<WebEnv>) => void;
}

/**
 * The path prefixes the web layer answers (`<prefix>` and `<prefix>/…`); the API answers
 * everything else. The stack routes these to the web function, `npm start` to the web app.
 * `/app` is the dashboard's.
 */
export const WEB_PREFIXES = ['/docs', '/problems', '/app'] as const;

/** The methods the web layer answers; any other under a web prefix is the API's 405 (methods.ts). */
export const WEB_METHODS: readonly string[] = ['GET', 'HEAD'];

/** Whether `npm start` should hand this request to the web app (GET and HEAD under a web prefix, as the stack routes). */
export function isWebRequest(method: string, path: string): boolean {
  if (!WEB_METHODS.includes(method)) return false;
  return WEB_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** The folder of the web function's artifact that holds the asset files, under their repository paths. */
export const WEB_ASSET_DIR = 'web-assets';
