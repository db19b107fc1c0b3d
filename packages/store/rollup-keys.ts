import { keyComponent, subjectSortKey, type TableKey } from './schema';

/**
 * The keys of the rollup items (docs/architecture.md, "Rollups: heads and point items"): the
 * sharded counters of a clinic × instrument × period, and each subject's period heads and point
 * items, in the same single table as schema.ts describes.
 */

/** `M` for months, `Q` for quarters: the two periods aggregates are kept for. */
export type PeriodTag = 'M' | 'Q';

/**
 * How many counter items one clinic × instrument × period is spread over. Every write adds to
 * its counters inside a transaction, and DynamoDB cancels transactions that touch an item another
 * transaction is writing (TransactionConflict): with a single item, a clinic's parallel writes
 * (a batch, several intake desks) would queue on it. Counters only ever ADD, so the shards sum
 * back exactly on read. Reading costs grow with the shard count (a year of monthly groups is
 * 12 × shards items; `BENCH_LARGE=2000 npm run bench:analytics` p50 on DynamoDB Local: 3.1 ms
 * with 1 item per period, 5.4 ms with 4, 9.8 ms with 8): 4 spreads a clinic's concurrent writes
 * over four items for less than twice the read (the contention relief itself is unmeasured:
 * DynamoDB Local serializes transactions).
 */
export const AGGREGATE_SHARDS = 4;

/**
 * The counter shard a subject's writes go to: a stable string hash of its pseudonymous id, so
 * one subject's additions and removals land on the same item.
 * @example aggregateShard('sub_1_abc') // an integer in [0, AGGREGATE_SHARDS)
 */
export function aggregateShard(subjectId: string): number {
  let hash = 0;
  for (let i = 0; i < subjectId.length; i += 1) hash = (Math.imul(hash, 31) + subjectId.charCodeAt(i)) | 0;
  return (hash >>> 0) % AGGREGATE_SHARDS;
}

/**
 * Pre-aggregated counters of one clinic × instrument × period, shard `shard` of
 * AGGREGATE_SHARDS; a range of periods is one Query on the partition (`aggregateRange`).
 * Items written before sharding have no shard suffix (`M#2026-11`) and are read and summed the same way.
 * @example aggregateKey('demo', 'urica', 'M', '2026-11', 3) // { PK: 'C#demo#AGG#urica', SK: 'M#2026-11#3' }
 */
export function aggregateKey(clinicId: string, instrumentId: string, tag: PeriodTag, period: string, shard: number): TableKey {
  return { PK: aggregatePartition(clinicId, instrumentId), SK: `${tag}#${period}#${shard}` };
}

const aggregatePartition = (clinicId: string, instrumentId: string) => `C#${keyComponent(clinicId, 'clinic id')}#AGG#${instrumentId}`;

/**
 * The partition and sort-key bounds holding every counter item (all shards, and unsharded
 * items) of the periods `from`..`to`.
 * @example aggregateRange('demo', 'urica', 'M', '2026-01', '2026-12') // { PK: 'C#demo#AGG#urica', from: 'M#2026-01', to: 'M#2026-12#~' }
 */
export function aggregateRange(clinicId: string, instrumentId: string, tag: PeriodTag, from: string, to: string) {
  return { PK: aggregatePartition(clinicId, instrumentId), from: `${tag}#${from}`, to: `${tag}#${to}#~` };
}

/**
 * One subject's rollup head of one instrument in one period (its count, first and latest
 * assessment there, see SubjectPeriod in analytics/rollup.ts), which the aggregates need for
 * subject counts, category shares and change.
 * @example subjectPeriodKey('demo', 'sub_1_x', 'urica', 'M', '2026-11') // { PK: 'C#demo#SP#sub_1_x', SK: 'urica#M#2026-11' }
 */
export function subjectPeriodKey(clinicId: string, subjectId: string, instrumentId: string, tag: PeriodTag, period: string): TableKey {
  return { PK: subjectRollupPartition(clinicId, subjectId), SK: `${instrumentId}#${tag}#${period}` };
}

const subjectRollupPartition = (clinicId: string, subjectId: string) => `C#${keyComponent(clinicId, 'clinic id')}#SP#${subjectId}`;

/**
 * One assessment's rollup point, in its subject's rollup partition beside the heads and sorted
 * by day, so the next first or latest of any period is one Query (`subjectPointRange`).
 * why `P`: the heads' sort keys carry `M` or `Q` at that place, so points never mix with them.
 * @example subjectPointKey('demo', 'sub_1_x', 'urica', '2026-11-20', '2026-11-20T10:00:00.000Z', 'asm_1')
 * // { PK: 'C#demo#SP#sub_1_x', SK: 'urica#P#2026-11-20#2026-11-20T10:00:00.000Z#asm_1' }
 */
export function subjectPointKey(
  clinicId: string,
  subjectId: string,
  instrumentId: string,
  administeredOn: string,
  createdAt: string,
  assessmentId: string,
): TableKey {
  return {
    PK: subjectRollupPartition(clinicId, subjectId),
    SK: `${instrumentId}#P#${subjectSortKey(administeredOn, createdAt, assessmentId)}`,
  };
}

/**
 * The partition and sort-key bounds of one subject's points of one instrument administered in
 * the months `from`..`to` (`~` sorts after every day suffix of the last month).
 * @example subjectPointRange('demo', 'sub_1_x', 'urica', '2026-10', '2026-12')
 * // { PK: 'C#demo#SP#sub_1_x', from: 'urica#P#2026-10', to: 'urica#P#2026-12~' }
 */
export function subjectPointRange(clinicId: string, subjectId: string, instrumentId: string, from: string, to: string) {
  return { PK: subjectRollupPartition(clinicId, subjectId), from: `${instrumentId}#P#${from}`, to: `${instrumentId}#P#${to}~` };
}
