/**
 * Runs autocannon in a worker thread so the load generator has its own event loop and does
 * not steal the server's. Every request carries a unique Idempotency-Key and subject ref.
 */
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

export interface HttpLoadJob {
  url: string;
  key: string;
  connections: number;
  /** Measured window, after `warmupSeconds` of unmeasured load. */
  seconds: number;
  warmupSeconds: number;
  /** Unique per round, so keys never repeat across rounds. */
  prefix: string;
  /** Body template; `__REF__` is replaced by the request's subject ref. */
  bodyTemplate: string;
}

export interface HttpLoadResult {
  /** Latencies (ms) of 2xx responses received in the measured window, as autocannon timed them. */
  latencies: number[];
  /** Non-2xx responses received in the measured window. */
  failures: number;
  /** Every response of the round (warm-up included), by status code. */
  statusCounts: Record<string, number>;
  errors: number;
  timeouts: number;
  /** Length of the measured window. */
  seconds: number;
  sent: number;
}

const job = workerData as HttpLoadJob;
let n = 0;
let failures = 0;
let measureFrom = Number.POSITIVE_INFINITY;
const latencies: number[] = [];
const statusCounts: Record<string, number> = {};

const instance = autocannon(
  {
    url: job.url,
    connections: job.connections,
    duration: job.warmupSeconds + job.seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/v1/assessments',
        setupRequest(request) {
          const id = `${job.prefix}-${n++}`;
          return {
            ...request,
            headers: {
              authorization: `Bearer ${job.key}`,
              'content-type': 'application/json',
              'idempotency-key': id,
            },
            body: job.bodyTemplate.replace('__REF__', id),
          };
        },
      },
    ],
  },
  (error, result) => {
    if (error) throw error;
    const out: HttpLoadResult = {
      latencies,
      failures,
      statusCounts,
      errors: result.errors,
      timeouts: result.timeouts,
      seconds: result.duration - job.warmupSeconds,
      sent: n,
    };
    parentPort!.postMessage(out);
  },
);

instance.once('start', () => {
  measureFrom = performance.now() + job.warmupSeconds * 1000;
});
instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
  statusCounts[status] = (statusCounts[status] ?? 0) + 1;
  if (performance.now() < measureFrom) return;
  if (status >= 200 && status < 300) latencies.push(responseTime);
  else failures++;
});
