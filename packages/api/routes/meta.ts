import { lazyImport } from '../lazy';
import { problem, problemResponse } from '../problem';
import { defineRoute } from '../route';

const openapi = lazyImport(() => import('../openapi'));

/** How long the readiness check waits for storage. */
export const READY_TIMEOUT_MS = 1_000;

/** Liveness, readiness and the contract: no key needed. */
export const metaRoutes = [
  defineRoute({
    method: 'get',
    path: '/health',
    operationId: 'getLiveness',
    summary: 'Liveness',
    description: 'Answers 200 while the process serves requests; it does not touch storage (see `/health/ready`).',
    response: 'health',
    errors: [],
    handle: (c) => c.json({ status: 'ok' }),
  }),
  defineRoute({
    method: 'get',
    path: '/health/ready',
    operationId: 'getReadiness',
    summary: 'Readiness: storage answers',
    description:
      'Answers 200 when storage answers a read within a second, else 503 with `Retry-After`: take the instance out of rotation, do not restart it.',
    response: 'ready',
    errors: ['storage-unavailable'],
    async handle(c, _input, { store }) {
      // Readiness, unlike liveness, needs storage: one cheap read, bounded in time.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((done) => (timer = setTimeout(() => done('timeout'), READY_TIMEOUT_MS)));
      const outcome = await Promise.race([
        store.ping().then(
          () => 'ok' as const,
          () => 'down' as const,
        ),
        timeout,
      ]);
      clearTimeout(timer);
      if (outcome === 'ok') return c.json({ status: 'ready' });
      return problemResponse(c, problem('storage-unavailable', 'Storage did not answer; retry later.'), { 'retry-after': '5' });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This document',
    description: 'The OpenAPI 3.1 contract, generated from the same schemas the routes validate with.',
    content: { 'application/json': { type: 'object' } },
    errors: [],
    // why: the document generator loads on the first request for it (docs/architecture.md, "Cold start").
    handle: async (c) => c.json((await openapi()).openApiDocument()),
  }),
];
