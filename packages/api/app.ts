import type { Context } from 'hono';
import { Hono } from 'hono';
import { matchedRoutes, routePath } from 'hono/route';
import { allowedMethods } from './allowed-methods';
import { type AuthEnv, authenticate } from './auth';
import { type AppDeps, appContext } from './context';
import { errorToProblem, problem, problemResponse } from './problem';
import { mountRoutes } from './route';
import { ROUTE_MODULES } from './routes';
import { webConventions } from './web';

export type { AppDeps, AppExtension, AppGuards } from './context';

/**
 * Builds the runtime-agnostic Hono app; Lambda and the local Node server both serve it. The
 * routes are the definitions in routes/ (one module per resource), each mounted with `app.route`.
 * @example
 * const app = createApp({ store, pseudonymizer });
 * const res = await app.request('/health');
 */
export function createApp(deps: AppDeps) {
  const ctx = appContext(deps);
  const { log } = ctx;
  const app = new Hono<AuthEnv>();

  const logRequest = (c: Context<AuthEnv>, started: number) => {
    const auth = c.get('auth');
    log({
      level: c.res.status >= 500 ? 'error' : 'info',
      msg: 'request',
      method: c.req.method,
      route: routeOf(c),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      requestId: c.get('requestId'),
      ...(auth ? { clinicId: auth.clinicId, keyId: auth.keyId } : {}),
    });
  };
  const conventions = webConventions<AuthEnv>({ corsOrigins: deps.corsOrigins ?? [], answered: logRequest });
  for (const middleware of conventions) app.use('*', middleware);
  const guards = {
    authenticate: authenticate(ctx.store, ctx.now, {
      cacheSeconds: deps.authCacheSeconds ?? 30,
      ...(deps.authFailureLimit ? { failures: deps.authFailureLimit } : {}),
      ...(deps.clientAddress ? { clientAddress: deps.clientAddress } : {}),
      perKey: deps.rateLimit ?? { perSecond: 50, burst: 100 },
    }),
  };
  for (const extend of deps.extensions ?? []) extend(app, ctx, guards);
  app.onError((error, c) => {
    const { problem: body, headers } = errorToProblem(error);
    // Only the class and where it was thrown: messages of unknown errors may carry data.
    if (body.status === 500) {
      log({ level: 'error', msg: 'unhandled', requestId: c.get('requestId'), error: error.name, at: error.stack?.split('\n')[1]?.trim() });
    }
    return problemResponse(c, body, headers);
  });
  // A known path with a wrong method ends here too: 405 with the methods it answers.
  const allowed = allowedMethods(app);
  app.notFound((c) => {
    const methods = allowed(c.req.path);
    if (methods.length === 0 || methods.includes(c.req.method)) return problemResponse(c, problem('not-found', 'No such route.'));
    const detail = 'This path does not answer this method; see the Allow header.';
    return problemResponse(c, problem('method-not-allowed', detail), { allow: methods.join(', ') });
  });

  app.use('/v1/*', guards.authenticate);

  for (const { routes } of ROUTE_MODULES) app.route('/', mountRoutes(new Hono<AuthEnv>(), routes, ctx));
  return app;
}

export type AppType = ReturnType<typeof createApp>;

/**
 * The pattern of the route that answered (`/fhir/r4/Observation/:id`), never the concrete path:
 * the last matched route registered for a method, since middleware (`ALL`) mounted after the
 * routes, such as the `/v1` modules' own, also matches every FHIR path. With no such route
 * (a 404 or 405) it is the last matching middleware pattern (`/v1/*`, `/fhir/r4/*`, `/*`).
 */
function routeOf(c: Context): string {
  const routes = matchedRoutes(c);
  for (let i = routes.length - 1; i >= 0; i -= 1) if (routes[i]!.method !== 'ALL') return routes[i]!.path;
  return routePath(c, -1);
}
