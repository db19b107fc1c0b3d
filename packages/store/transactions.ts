import { type CancellationReason, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { Unavailable } from '../domain/errors';
import { retryAfterFor } from './errors';

/** How often a write that lost a race for a subject's rollup heads is tried in all. */
export const MAX_WRITE_ATTEMPTS = 8;

/** What a cancelled TransactWriteItems means for the write that sent it. */
export type Cancellation =
  /** Not a cancellation: rethrow. */
  | { kind: 'other' }
  /** A guarded item moved (another writer won, or is writing it): re-read and retry. */
  | { kind: 'raced'; reasons: (CancellationReason | undefined)[] }
  /** No race and no throttling: the reasons say which condition failed. */
  | { kind: 'refused'; reasons: (CancellationReason | undefined)[] };

const RACED = new Set(['ConditionalCheckFailed', 'TransactionConflict']);

/**
 * The one classifier of cancelled transactions (create, delete, legacy conversion). Throttling
 * or an unavailable table among the reasons throws `Unavailable` with its Retry-After; a failed
 * condition or a conflict on any of `guarded` (indexes of items guarded by a version) is a race;
 * anything else is `refused` with its reasons for the caller to read.
 * @example const c = cancellation(error, [2, 3]); if (c.kind === 'raced') await retryPause(attempt);
 */
export function cancellation(error: unknown, guarded: (index: number) => boolean = () => true): Cancellation {
  if (!(error instanceof TransactionCanceledException)) return { kind: 'other' };
  const reasons = error.CancellationReasons ?? [];
  const retryAfter = reasons.map((r) => retryAfterFor(r?.Code)).find((x) => x !== undefined);
  if (retryAfter !== undefined) throw new Unavailable('Storage is throttling requests.', retryAfter, { cause: error });
  const raced = reasons.some((r, i) => guarded(i) && r?.Code !== undefined && RACED.has(r.Code));
  return raced ? { kind: 'raced', reasons } : { kind: 'refused', reasons };
}

/**
 * The one retry rule for a write that lost a race: a jittered, growing pause, and after
 * MAX_WRITE_ATTEMPTS tries `Unavailable` (503 with Retry-After) instead of trying forever.
 * @example for (let attempt = 1; ; attempt += 1) { …; if (raced) { await retryPause(attempt, error); continue; } }
 */
export async function retryPause(attempt: number, cause?: unknown): Promise<void> {
  if (attempt >= MAX_WRITE_ATTEMPTS) throw new Unavailable('Too many concurrent writes for this subject; retry.', 1, { cause });
  await new Promise<void>((done) => setTimeout(done, Math.random() * 15 * 2 ** Math.min(attempt, 5)));
}
