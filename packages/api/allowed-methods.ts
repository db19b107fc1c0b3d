import type { Hono } from 'hono';
import { TrieRouter } from 'hono/router/trie-router';

/**
 * The methods `app` answers on a path (GET implies HEAD), from its registered routes, for the
 * 405's `Allow`. why not hono/method-not-allowed: it is a middleware around every request, a
 * cost each answer paid to serve the rare wrong method; this runs only in the not-found handler,
 * which is where a known path with a wrong method ends. The routes are read on first use, when
 * every module and extension has registered its own.
 * @example const allowed = allowedMethods(app); allowed('/v1/score') // ['POST']
 */
// biome-ignore lint/suspicious/noExplicitAny: any app's environment
export function allowedMethods(app: Hono<any>): (path: string) => string[] {
  let router: TrieRouter<string[]> | undefined;
  const build = () => {
    const byPath = new Map<string, Set<string>>();
    for (const route of app.routes) {
      if (route.method === 'ALL' || route.method === 'HEAD') continue;
      const methods = byPath.get(route.path) ?? new Set<string>();
      methods.add(route.method);
      if (route.method === 'GET') methods.add('HEAD');
      byPath.set(route.path, methods);
    }
    const r = new TrieRouter<string[]>();
    for (const [path, methods] of byPath) r.add('ALL', path, [...methods]);
    return r;
  };
  return (path) => {
    router ??= build();
    const allowed = new Set<string>();
    for (const [methods] of router.match('ALL', path)[0]) for (const m of methods) allowed.add(m);
    return [...allowed];
  };
}
