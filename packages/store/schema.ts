import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The single-table key schema: attribute names, the two GSIs and the key builders (those of the
 * rollup items are in rollup-keys.ts). Pure data so the CDK stack, the adapter and the tests
 * share one definition.
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

/**
 * One part of a key, checked: non-empty and free of the separator.
 * @example keyComponent('demo', 'clinic id') // 'demo'
 */
export function keyComponent(value: string, what: string): string {
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
  return { PK: `C#${keyComponent(clinicId, 'clinic id')}#ASM#${assessmentId}`, SK: 'ASM' };
}

/**
 * GSI1 partition holding one subject's history within one clinic.
 * @example subjectPartition('demo', 'sub_x') // 'C#demo#SUB#sub_x'
 */
export function subjectPartition(clinicId: string, subjectId: string): string {
  return `C#${keyComponent(clinicId, 'clinic id')}#SUB#${subjectId}`;
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
  return { PK: `C#${keyComponent(clinicId, 'clinic id')}#IDEM#${keyHash}`, SK: 'IDEM' };
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
  return `KEYS#${keyComponent(clinicId, 'clinic id')}`;
}

/**
 * GSI2 partition of one clinic's assessments of one instrument; its sort key is
 * `subjectSortKey(...)`, so a Query walks them by day, oldest first.
 * @example instrumentPartition('demo', 'urica') // 'C#demo#I#urica'
 */
export function instrumentPartition(clinicId: string, instrumentId: string): string {
  return `C#${keyComponent(clinicId, 'clinic id')}#I#${keyComponent(instrumentId, 'instrument id')}`;
}

/**
 * Partition of a clinic's export audit trail.
 * @example auditPartition('demo') // 'C#demo#AUDIT'
 */
export function auditPartition(clinicId: string): string {
  return `C#${keyComponent(clinicId, 'clinic id')}#AUDIT`;
}

/**
 * One export's audit record; the ISO start time leads the sort key, so newest first is a
 * descending Query.
 * @example exportAuditKey('demo', '2026-11-25T12:00:00.000Z', 'exp_1')
 * // { PK: 'C#demo#AUDIT', SK: '2026-11-25T12:00:00.000Z#exp_1' }
 */
export function exportAuditKey(clinicId: string, at: string, exportId: string): TableKey {
  return { PK: auditPartition(clinicId), SK: `${at}#${keyComponent(exportId, 'export id')}` };
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

/** The registry of clinics (one small partition): written with each API key, read by network analytics. */
export const CLINICS_PARTITION = 'CLINICS';

/**
 * @example clinicKey('demo') // { PK: 'CLINICS', SK: 'demo' }
 */
export function clinicKey(clinicId: string): TableKey {
  return { PK: CLINICS_PARTITION, SK: keyComponent(clinicId, 'clinic id') };
}

/**
 * A clinic's settings (the Part 2 flag). Its own item, not the registry's: `putApiKey` rewrites
 * the registry item with every key.
 * @example clinicSettingsKey('demo') // { PK: 'C#demo#SETTINGS', SK: 'SETTINGS' }
 */
export function clinicSettingsKey(clinicId: string): TableKey {
  return { PK: `C#${keyComponent(clinicId, 'clinic id')}#SETTINGS`, SK: 'SETTINGS' };
}

/**
 * The partition of a clinic's form maps; a map's sort key is its EHR questionnaire URL, so the
 * lookup of a posted response is one GetItem and the listing is one Query, sorted by URL.
 * @example formMapPartition('demo') // 'C#demo#FORMS'
 */
export function formMapPartition(clinicId: string): string {
  return `C#${keyComponent(clinicId, 'clinic id')}#FORMS`;
}

/**
 * @example formMapKey('demo', 'https://ehr.example/Questionnaire/77') // { PK: 'C#demo#FORMS', SK: 'https://ehr.example/Questionnaire/77' }
 */
export function formMapKey(clinicId: string, questionnaire: string): TableKey {
  if (questionnaire.length === 0) throw new Error('A form map needs a questionnaire URL.');
  return { PK: formMapPartition(clinicId), SK: questionnaire };
}
