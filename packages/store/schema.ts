import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The single-table key schema: attribute names, the two GSIs and every key builder.
 * Pure data so the CDK stack, the adapter and the tests share one definition.
 * Key components are joined with `#`; clinic ids must therefore never contain it (the builders
 * throw), so no clinic's prefix can be a prefix of another's.
 */

export const PK = 'PK';
export const SK = 'SK';
export const GSI1 = 'GSI1';
export const GSI1PK = 'GSI1PK';
export const GSI1SK = 'GSI1SK';
/** Clinic × instrument × day: the de-identified export walks it in order (docs/privacy.md, "Exports"). */
export const GSI2 = 'GSI2';
export const GSI2PK = 'GSI2PK';
export const GSI2SK = 'GSI2SK';
/**
 * What GSI2 carries besides the keys: exactly what an export row is built from.
 * why: not ALL — re-scorings (`rescores`, unbounded) and the other bookkeeping stay out, so an
 * `addRescore` never writes to this index and a 5,000-row page needs fewer 1 MB Query rounds.
 */
export const GSI2_ATTRIBUTES = ['subjectId', 'administeredOn', 'instrumentVersion', 'answers', 'view'] as const;
/** Epoch seconds; DynamoDB TTL deletes the item some time after it passes. */
export const TTL_ATTRIBUTE = 'expiresAt';
/** Discriminator stored on every item, for analytics and operator scans. */
export const TYPE_ATTRIBUTE = 'type';

export const ItemType = {
  assessment: 'assessment',
  idempotency: 'idempotency',
  apiKey: 'apiKey',
  aggregate: 'aggregate',
  subjectPeriod: 'subjectPeriod',
  subjectPoint: 'subjectPoint',
  clinic: 'clinic',
  exportAudit: 'exportAudit',
  clinicSettings: 'clinicSettings',
  formMap: 'formMap',
} as const;
export type ItemType = (typeof ItemType)[keyof typeof ItemType];

export interface TableKey {
  PK: string;
  SK: string;
}

export interface Gsi1Key {
  GSI1PK: string;
  GSI1SK: string;
}

const SEPARATOR = '#';

function component(value: string, what: string): string {
  if (value.length === 0 || value.includes(SEPARATOR)) {
    throw new Error(`A ${what} used in a key must be non-empty and must not contain "${SEPARATOR}".`);
  }
  return value;
}

/**
 * Primary key of one assessment. Scoped by clinic, so another clinic's id simply misses.
 * @example assessmentKey('demo', 'asm_1') // { PK: 'C#demo#ASM#asm_1', SK: 'ASM' }
 */
export function assessmentKey(clinicId: string, assessmentId: string): TableKey {
  return { PK: `C#${component(clinicId, 'clinic id')}#ASM#${assessmentId}`, SK: 'ASM' };
}

/**
 * GSI1 partition holding one subject's history within one clinic.
 * @example subjectPartition('demo', 'sub_x') // 'C#demo#SUB#sub_x'
 */
export function subjectPartition(clinicId: string, subjectId: string): string {
  return `C#${component(clinicId, 'clinic id')}#SUB#${subjectId}`;
}

/**
 * GSI1 sort key of an assessment; sorting it descending gives newest first.
 * @example subjectSortKey('2026-11-20', '2026-11-20T10:00:00.000Z', 'asm_1')
 * // '2026-11-20#2026-11-20T10:00:00.000Z#asm_1'
 */
export function subjectSortKey(administeredOn: string, createdAt: string, assessmentId: string): string {
  return `${administeredOn}#${createdAt}#${assessmentId}`;
}

/**
 * Primary key of an idempotency record. `keyHash` is the sha256 hex of the client's key;
 * the raw key is never stored.
 * @example idempotencyKey('demo', 'ab12…') // { PK: 'C#demo#IDEM#ab12…', SK: 'IDEM' }
 */
export function idempotencyKey(clinicId: string, keyHash: string): TableKey {
  return { PK: `C#${component(clinicId, 'clinic id')}#IDEM#${keyHash}`, SK: 'IDEM' };
}

/**
 * Primary key of an API key record (looked up by key id before the clinic is known).
 * @example apiKeyKey('key_3f9c') // { PK: 'KEY#key_3f9c', SK: 'KEY' }
 */
export function apiKeyKey(keyId: string): TableKey {
  return { PK: `KEY#${keyId}`, SK: 'KEY' };
}

/**
 * GSI1 key listing a clinic's API keys, oldest first.
 * @example apiKeyIndexKey('demo', '2026-11-20T10:00:00.000Z', 'key_1')
 * // { GSI1PK: 'KEYS#demo', GSI1SK: '2026-11-20T10:00:00.000Z#key_1' }
 */
export function apiKeyIndexKey(clinicId: string, createdAt: string, keyId: string): Gsi1Key {
  return { GSI1PK: clinicKeysPartition(clinicId), GSI1SK: `${createdAt}#${keyId}` };
}

/**
 * GSI1 partition of a clinic's API keys.
 * @example clinicKeysPartition('demo') // 'KEYS#demo'
 */
export function clinicKeysPartition(clinicId: string): string {
  return `KEYS#${component(clinicId, 'clinic id')}`;
}

/**
 * GSI2 partition of one clinic's assessments of one instrument; its sort key is
 * `subjectSortKey(...)`, so a Query walks them by day, oldest first.
 * @example instrumentPartition('demo', 'urica') // 'C#demo#I#urica'
 */
export function instrumentPartition(clinicId: string, instrumentId: string): string {
  return `C#${component(clinicId, 'clinic id')}#I#${component(instrumentId, 'instrument id')}`;
}

/**
 * Partition of a clinic's export audit trail.
 * @example auditPartition('demo') // 'C#demo#AUDIT'
 */
export function auditPartition(clinicId: string): string {
  return `C#${component(clinicId, 'clinic id')}#AUDIT`;
}

/**
 * One export's audit record; the ISO start time leads the sort key, so newest first is a
 * descending Query.
 * @example exportAuditKey('demo', '2026-11-25T12:00:00.000Z', 'exp_1')
 * // { PK: 'C#demo#AUDIT', SK: '2026-11-25T12:00:00.000Z#exp_1' }
 */
export function exportAuditKey(clinicId: string, at: string, exportId: string): TableKey {
  return { PK: auditPartition(clinicId), SK: `${at}#${component(exportId, 'export id')}` };
}

/** Key of the item `ping()` reads; it never exists. */
export const PING_KEY: TableKey = { PK: 'PING', SK: 'PING' };

/**
 * The table as CreateTable takes it: on-demand billing, string keys, GSI1 projecting all, GSI2
 * projecting `GSI2_ATTRIBUTES`.
 * TTL is enabled separately (UpdateTimeToLive on `TTL_ATTRIBUTE`).
 * @example await client.send(new CreateTableCommand(tableDefinition('mi-assessments')));
 */
export function tableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [PK, SK, GSI1PK, GSI1SK, GSI2PK, GSI2SK].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: PK, KeyType: 'HASH' },
      { AttributeName: SK, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: GSI1,
        KeySchema: [
          { AttributeName: GSI1PK, KeyType: 'HASH' },
          { AttributeName: GSI1SK, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
      {
        IndexName: GSI2,
        KeySchema: [
          { AttributeName: GSI2PK, KeyType: 'HASH' },
          { AttributeName: GSI2SK, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...GSI2_ATTRIBUTES] },
      },
    ],
  };
}

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

const aggregatePartition = (clinicId: string, instrumentId: string) => `C#${component(clinicId, 'clinic id')}#AGG#${instrumentId}`;

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

const subjectRollupPartition = (clinicId: string, subjectId: string) => `C#${component(clinicId, 'clinic id')}#SP#${subjectId}`;

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

/** The registry of clinics (one small partition): written with each API key, read by network analytics. */
export const CLINICS_PARTITION = 'CLINICS';

/**
 * @example clinicKey('demo') // { PK: 'CLINICS', SK: 'demo' }
 */
export function clinicKey(clinicId: string): TableKey {
  return { PK: CLINICS_PARTITION, SK: component(clinicId, 'clinic id') };
}

/**
 * A clinic's settings (the Part 2 flag). Its own item, not the registry's: `putApiKey` rewrites
 * the registry item with every key.
 * @example clinicSettingsKey('demo') // { PK: 'C#demo#SETTINGS', SK: 'SETTINGS' }
 */
export function clinicSettingsKey(clinicId: string): TableKey {
  return { PK: `C#${component(clinicId, 'clinic id')}#SETTINGS`, SK: 'SETTINGS' };
}

/**
 * The partition of a clinic's form maps; a map's sort key is its EHR questionnaire URL, so the
 * lookup of a posted response is one GetItem and the listing is one Query, sorted by URL.
 * @example formMapPartition('demo') // 'C#demo#FORMS'
 */
export function formMapPartition(clinicId: string): string {
  return `C#${component(clinicId, 'clinic id')}#FORMS`;
}

/**
 * @example formMapKey('demo', 'https://ehr.example/Questionnaire/77') // { PK: 'C#demo#FORMS', SK: 'https://ehr.example/Questionnaire/77' }
 */
export function formMapKey(clinicId: string, questionnaire: string): TableKey {
  if (questionnaire.length === 0) throw new Error('A form map needs a questionnaire URL.');
  return { PK: formMapPartition(clinicId), SK: questionnaire };
}
