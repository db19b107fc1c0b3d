/** Figures of one measured round: throughput and latency percentiles (ms). */
export interface RoundStats {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Latencies (ms) of one round's successful requests, kept for pooling and left out of JSON. */
export type Measured = RoundStats & { latencies: number[] };

/** Turns the latencies of successful requests in a window of `seconds` into figures. */
export function summarize(latencies: number[], errors: number, seconds: number): Measured {
  const sorted = Array.from(Float64Array.from(latencies).sort());
  return {
    requests: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    latencies,
  };
}

/** The figures without the raw latencies. */
export const figures = ({ latencies: _omit, ...rest }: Measured): RoundStats => ({
  requests: rest.requests,
  errors: rest.errors,
  seconds: rest.seconds,
  rps: rest.rps,
  p50: rest.p50,
  p99: rest.p99,
});

/**
 * All rounds of one contender as one measurement: requests over the summed windows, percentiles
 * over every latency. With rounds ordered A B B A, a linear drift weighs on both contenders alike.
 */
export function pool(rounds: Measured[]): RoundStats {
  const latencies = rounds.flatMap((r) => r.latencies);
  const errors = rounds.reduce((sum, r) => sum + r.errors, 0);
  const seconds = rounds.reduce((sum, r) => sum + r.seconds, 0);
  return figures(summarize(latencies, errors, seconds));
}

/**
 * Closed-loop load: `concurrency` workers each await `op` back to back until the window ends.
 * Only requests that start and finish inside the measured window (after the warm-up) count;
 * requests still in flight at the end are awaited so nothing outlives the round.
 * @example await drive(() => fetchSomething(), { concurrency: 16, warmupSeconds: 1, seconds: 5 })
 */
export async function drive(
  op: (n: number) => Promise<boolean>,
  options: { concurrency: number; warmupSeconds: number; seconds: number },
): Promise<Measured & { okTotal: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let okTotal = 0;
  let n = 0;
  const t0 = performance.now();
  const measureStart = t0 + options.warmupSeconds * 1000;
  const measureEnd = measureStart + options.seconds * 1000;
  const worker = async () => {
    while (performance.now() < measureEnd) {
      const started = performance.now();
      let ok = false;
      try {
        ok = await op(n++);
      } catch {
        ok = false;
      }
      const ended = performance.now();
      if (ok) okTotal++;
      if (started >= measureStart && ended <= measureEnd) {
        if (ok) latencies.push(ended - started);
        else errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { ...summarize(latencies, errors, options.seconds), okTotal };
}

/**
 * Runs `rounds` rounds of every contender, ordered A B C C B A A B C …, so that a steady drift of
 * the machine weighs on all alike; each gets the round's number. Results are by contender.
 * @example const [bare, score, extract] = await interleaved(10, [bareOp, scoreOp, extractOp].map((op) => () => drive(op, o)));
 */
export async function interleaved<T>(rounds: number, contenders: readonly ((round: number) => Promise<T>)[]): Promise<T[][]> {
  const results = contenders.map((): T[] => []);
  for (let round = 0; round < rounds; round++) {
    const order = contenders.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) results[i]!.push(await contenders[i]!(round));
  }
  return results;
}

/**
 * Two contenders of different result types, interleaved A B B A A B ….
 * @example const [direct, api] = await alternated(2, () => drive(directOp, o), () => httpLoad(o));
 */
export async function alternated<A, B>(
  rounds: number,
  a: (round: number) => Promise<A>,
  b: (round: number) => Promise<B>,
): Promise<[A[], B[]]> {
  const [as, bs] = await interleaved<A | B>(rounds, [a, b]);
  return [as as A[], bs as B[]];
}
