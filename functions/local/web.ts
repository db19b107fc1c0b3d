import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWebApp } from '../../packages/web/app';
import { isWebRequest } from '../../packages/web/site';
import { SITES } from '../../packages/web/sites';

type FetchApp = { fetch: (request: Request) => Response | Promise<Response> };

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The web app of `npm start`: the sites' files read from the repository (node_modules included),
 * as the build copies them into the web function.
 * @example const web = localWebApp({ log: () => {} });
 */
export function localWebApp(options: { log?: (entry: Record<string, unknown>) => void } = {}) {
  return createWebApp({ sites: SITES, readFile: (source) => readFile(join(REPO_ROOT, source)), ...options });
}

/**
 * Both apps on one port, routed as the stack's HTTP API routes them: GET and HEAD under a web
 * prefix to the web app, everything else to the API.
 * @example await createLocalServer(withWeb(api, localWebApp()), { port: 3000 });
 */
export function withWeb(api: FetchApp, web: FetchApp): FetchApp {
  return {
    fetch: (request) => (isWebRequest(request.method, new URL(request.url).pathname) ? web.fetch(request) : api.fetch(request)),
  };
}
