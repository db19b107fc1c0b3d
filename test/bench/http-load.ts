import { Worker } from 'node:worker_threads';
import type { HttpLoadJob, HttpLoadResult } from './http-load-worker';
import { type Measured, summarize } from './stats';

const TSX_API = import.meta.resolve('tsx/esm/api');

export type HttpRound = Measured & { statusCounts: Record<string, number>; connectionErrors: number; sent: number };

/**
 * One autocannon round in a worker thread.
 * @example await httpLoad({ url, key, connections: 16, warmupSeconds: 2, seconds: 10, prefix: 'r1', bodyTemplate })
 */
export function httpLoad(job: HttpLoadJob): Promise<HttpRound> {
  return new Promise((resolve, reject) => {
    // On Node 20 tsx's loader does not reach a worker's entry file, so the worker is a one-line
    // bootstrap that loads the TypeScript file through tsx's API.
    const entry = new URL('./http-load-worker.ts', import.meta.url).href;
    const bootstrap = `import(${JSON.stringify(TSX_API)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
    const worker = new Worker(bootstrap, { eval: true, workerData: job });
    let done = false;
    worker.once('message', (result: HttpLoadResult) => {
      done = true;
      void worker.terminate();
      resolve({
        ...summarize(result.latencies, result.failures, result.seconds),
        statusCounts: result.statusCounts,
        connectionErrors: result.errors,
        sent: result.sent,
      });
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`The autocannon worker exited with code ${code} before reporting.`));
    });
  });
}
