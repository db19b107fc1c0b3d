import { invalidCursor } from '../domain/errors';
import type { ApiKeyRecord, ExportAudit, ExportSource, Rescore, StoredAssessment } from '../domain/records';
import type { Item } from './context';
import { assessmentKey, ItemType, instrumentPartition, subjectPartition, subjectSortKey } from './schema';

/**
 * The one codec between the domain's records and the table's items (schema.ts names the keys),
 * and of the positions the store hands out as page cursors (the API seals them: api/cursor.ts).
 */

/** The stored form of an assessment: its keys for the table, the subject index (GSI1) and the export index (GSI2). */
export function toAssessmentItem(clinicId: string, a: StoredAssessment): Item {
  return {
    ...assessmentKey(clinicId, a.id),
    GSI1PK: subjectPartition(clinicId, a.subjectId),
    GSI1SK: subjectSortKey(a.administeredOn, a.createdAt, a.id),
    GSI2PK: instrumentPartition(clinicId, a.instrumentId),
    GSI2SK: subjectSortKey(a.administeredOn, a.createdAt, a.id),
    type: ItemType.assessment,
    clinicId,
    id: a.id,
    subjectId: a.subjectId,
    keyVersion: a.keyVersion,
    instrumentId: a.instrumentId,
    instrumentVersion: a.instrumentVersion,
    administeredOn: a.administeredOn,
    createdAt: a.createdAt,
    answers: JSON.stringify(a.answers),
    view: JSON.stringify(a.view),
  };
}

/** An assessment item as the record it was stored from. */
export function fromAssessmentItem(item: Item): StoredAssessment {
  return {
    id: item.id as string,
    clinicId: item.clinicId as string,
    subjectId: item.subjectId as string,
    keyVersion: item.keyVersion as string,
    instrumentId: item.instrumentId as string,
    instrumentVersion: item.instrumentVersion as string,
    administeredOn: item.administeredOn as string,
    createdAt: item.createdAt as string,
    answers: JSON.parse(item.answers as string) as StoredAssessment['answers'],
    view: JSON.parse(item.view as string) as StoredAssessment['view'],
    ...(Array.isArray(item.rescores) && { rescores: item.rescores.map((r) => JSON.parse(r as string) as Rescore) }),
  };
}

/** An API key item as its record (never the secret: only its hash is stored). */
export function fromApiKeyItem(item: Item): ApiKeyRecord {
  const record: ApiKeyRecord = {
    keyId: item.keyId as string,
    clinicId: item.clinicId as string,
    scopes: item.scopes as ApiKeyRecord['scopes'],
    secretHash: item.secretHash as string,
    createdAt: item.createdAt as string,
  };
  if (typeof item.revokedAt === 'string') record.revokedAt = item.revokedAt;
  return record;
}

/**
 * An export-index row as the export reads it: the assessment codec's fields that GSI2 projects
 * (schema.ts `GSI2_ATTRIBUTES`), with the row's position.
 */
export function toExportSource(item: Item): ExportSource {
  const { subjectId, administeredOn, instrumentVersion, answers, view } = fromAssessmentItem(item);
  return { position: item.GSI2SK as string, subjectId, administeredOn, instrumentVersion, answers, view };
}

/** An export audit item as its record. */
export function toExportAudit(item: Item): ExportAudit {
  const filters: ExportAudit['filters'] = {
    instrument: item.instrument as string,
    format: item.format as ExportAudit['filters']['format'],
  };
  if (typeof item.from === 'string') filters.from = item.from;
  if (typeof item.to === 'string') filters.to = item.to;
  return {
    exportId: item.exportId as string,
    clinicId: item.clinicId as string,
    at: item.at as string,
    keyId: item.keyId as string,
    filters,
    rowCount: item.rowCount as number,
  };
}

/** A history position: the GSI1 sort key of the last row read (`<day>#<createdAt>#<id>`). */
const HISTORY_POSITION = /^\d{4}-\d{2}-\d{2}#[^#]{1,64}#(asm_[A-Za-z0-9_-]{1,64})$/;
/** An export position: the GSI2 sort key (`<administeredOn>#<createdAt>#<id>`). */
const EXPORT_POSITION = /^\d{4}-\d{2}-\d{2}#[^#]{1,64}#([A-Za-z0-9_-]{1,64})$/;
/** An audit position: the audit item's sort key. */
const AUDIT_POSITION = /^[^#]{1,64}#exp_[A-Za-z0-9_-]{1,64}$/;

/**
 * Where the next page of a subject's history starts.
 * @example historyPosition(lastRow) // '2026-11-20#2026-11-20T10:00:00.000Z#asm_…'
 */
export const historyPosition = (last: StoredAssessment) => subjectSortKey(last.administeredOn, last.createdAt, last.id);

/**
 * A position read back, with the assessment id it names; `invalidCursor` for anything else.
 * @example readPosition('history', '2026-11-20#2026-11-20T10:00:00.000Z#asm_x') // { sk: '…', id: 'asm_x' }
 */
export function readPosition(kind: 'history' | 'export' | 'audit', position: string): { sk: string; id: string } {
  const pattern = kind === 'history' ? HISTORY_POSITION : kind === 'export' ? EXPORT_POSITION : AUDIT_POSITION;
  const match = pattern.exec(position);
  if (!match) throw invalidCursor();
  return { sk: position, id: match[1] ?? '' };
}
