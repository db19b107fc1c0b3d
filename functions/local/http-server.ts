import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';

export interface ServerTimeouts {
  /** From connection (or the end of the last request) to the last request header. */
  headersMs: number;
  /** From connection to the end of the request body. */
  requestMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveMs: number;
  /** How often Node checks the first two (its default, 30 s, would let them slip by up to that much). */
  checkIntervalMs: number;
}

/** For a small JSON API (bodies of a few KB): Node's defaults are 60 s for headers and 300 s per request. */
export const JSON_API_TIMEOUTS: ServerTimeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000, checkIntervalMs: 1_000 };

export interface LocalServer {
  server: Server;
  port: number;
  /**
   * Stops accepting connections, closes idle keep-alive ones, lets the requests in flight finish
   * (each answered with `Connection: close`) for up to `graceMs`, then cuts what is left. Resolves
   * with how many requests were cut.
   */
  close(graceMs: number): Promise<{ cut: number }>;
}

/**
 * The Node HTTP server of `npm start`: the app on `hostname:port` (port 0: a free one) with
 * timeouts that do not let a slow client hold a connection for minutes.
 * @example
 * const http = await createLocalServer(app, { port: 3000 });
 * process.once('SIGTERM', () => void http.close(10_000).then(stopDatabase));
 */
export async function createLocalServer(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  options: { port: number; hostname?: string; timeouts?: Partial<ServerTimeouts> },
): Promise<LocalServer> {
  const t = { ...JSON_API_TIMEOUTS, ...options.timeouts };
  const listener = getRequestListener(app.fetch);
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  const server = createServer(
    {
      headersTimeout: t.headersMs,
      requestTimeout: t.requestMs,
      keepAliveTimeout: t.keepAliveMs,
      connectionsCheckingInterval: t.checkIntervalMs,
    },
    (req: IncomingMessage, res: ServerResponse) => {
      inFlight.add(res);
      if (draining) res.setHeader('connection', 'close');
      // A keep-alive response that began before the stop: end its connection once written (end, not
      // destroy: what is still buffered for a slow reader is sent first).
      res.once('finish', () => draining && req.socket.end());
      res.once('close', () => inFlight.delete(res));
      void listener(req, res);
    },
  );
  server.keepAliveTimeout = t.keepAliveMs;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  let closing: Promise<{ cut: number }> | undefined;
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close(graceMs) {
      closing ??= new Promise((resolve) => {
        draining = true;
        for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
        const timer = setTimeout(() => {
          const cut = inFlight.size;
          server.closeAllConnections();
          resolve({ cut });
        }, graceMs);
        // Node's close() also closes the idle keep-alive connections; its callback waits for the rest.
        server.close(() => {
          clearTimeout(timer);
          resolve({ cut: 0 });
        });
      });
      return closing;
    },
  };
}
