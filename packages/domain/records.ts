/**
 * The domain's records: what scoring produces, what is stored and read back, who may call. Every
 * layer shares these (docs/architecture.md): they depend on nothing.
 */

/** The five MI principles (Miller & Rollnick); every guidance entry names the one it serves. */
export type MiPrinciple = 'express-empathy' | 'develop-discrepancy' | 'avoid-argument' | 'roll-with-resistance' | 'support-self-efficacy';

/** One MI-consistent prompt a clinician can use: an open question, never confrontation. */
export interface Guidance {
  principle: MiPrinciple;
  /** What the conversation should work on, e.g. `explore-importance`, `strengthen-commitment`. */
  focus: string;
  prompt: string;
}

/** Traces a stored score to the exact rule that produced it. */
export interface Provenance {
  /** e.g. `urica-28`, `decisional-balance-alcohol-20`. */
  algorithm: string;
  algorithmVersion: string;
  /** `sha256:<hex>` of the canonical JSON of the instrument's definition data. */
  definitionHash: string;
}

/** What scoring returns; the API adds `id`, `subjectId`, `administeredOn` around it. */
export interface ScoredResult {
  instrument: { id: string; version: string };
  complete: boolean;
  /** Ids of the items (or worksheet lists) that were not answered, in definition order. */
  missing: string[];
  /** Unrounded; `null` when any item the score depends on is missing. Key names per instrument: docs/scoring.md. */
  scores: Record<string, number | null>;
  interpretation: Record<string, unknown>;
  guidance: Guidance[];
  provenance: Provenance;
}

/** API scopes (docs/privacy.md, "Tenancy and keys"). */
export const SCOPES = ['assessments:write', 'assessments:read', 'analytics:read'] as const;
/** Granted only by an operator with the keys CLI, never part of the development key's "all scopes". */
export const OPERATOR_SCOPES = ['analytics:network'] as const;
export type Scope = (typeof SCOPES)[number] | (typeof OPERATOR_SCOPES)[number];

/** The public view of an assessment: same shape from /v1/score, /v1/assessments and reads. */
export interface AssessmentView extends ScoredResult {
  id: string;
  subjectId: string;
  administeredOn: string;
  targetBehavior?: string;
}

/** Everything stored for one assessment. No `ref`, no free text: `answers` is already redacted. */
export interface StoredAssessment {
  id: string;
  clinicId: string;
  subjectId: string;
  /** Version of the pseudonym key that produced `subjectId`. */
  keyVersion: string;
  instrumentId: string;
  instrumentVersion: string;
  administeredOn: string;
  /** ISO timestamp of the write, server clock. */
  createdAt: string;
  /** The redacted instrument input (`{ instrument, responses, scale? }`), kept for re-scoring. */
  answers: Record<string, unknown>;
  view: AssessmentView;
  /** Later scorings under newer definitions, oldest first; `view` is never rewritten. */
  rescores?: Rescore[];
}

/** A re-scoring stored beside the original result, with the provenance that produced it. */
export type Rescore = Pick<
  ScoredResult,
  'instrument' | 'complete' | 'missing' | 'scores' | 'interpretation' | 'guidance' | 'provenance'
> & {
  rescoredAt: string;
};

export interface Page<T> {
  items: T[];
  /**
   * Where the next page starts, as the store reads it back (a sort key: it names ids and times);
   * absent on the last page. The API seals it before a client sees it (api/cursor.ts).
   */
  cursor?: string;
}

export interface ApiKeyRecord {
  /** Public part of the key, e.g. `key_3f9c…`; the secret is never stored. */
  keyId: string;
  clinicId: string;
  scopes: Scope[];
  /** `sha256:<hex>` of the secret part. */
  secretHash: string;
  createdAt: string;
  revokedAt?: string;
}

/**
 * The export formats: the one registry (each has a writer in analytics/export-formats.ts, which
 * the compiler demands). `rows`: the body is one JSON row per line, described by the ExportRow
 * schema; `text`: a text table.
 */
export const EXPORT_FORMATS = {
  ndjson: {
    mediaType: 'application/x-ndjson',
    contentType: 'application/x-ndjson',
    body: 'rows',
    description: 'one JSON row per line (default)',
  },
  csv: {
    mediaType: 'text/csv',
    contentType: 'text/csv; charset=utf-8',
    body: 'text',
    description: 'RFC 4180 CSV, header on the first page only',
  },
} as const satisfies Record<string, { mediaType: string; contentType: string; body: 'rows' | 'text'; description: string }>;
export type ExportFormat = keyof typeof EXPORT_FORMATS;
/** The format ids, default first. */
export const EXPORT_FORMAT_IDS = Object.keys(EXPORT_FORMATS) as [ExportFormat, ...ExportFormat[]];

/** Filters an export was started with; part of its audit record. */
export interface ExportFilters {
  instrument: string;
  /** First and last day (YYYY-MM-DD), inclusive. */
  from?: string;
  to?: string;
  format: ExportFormat;
}

/** Who exported what, when, and how many rows left the service. */
export interface ExportAudit {
  exportId: string;
  clinicId: string;
  /** ISO time the export started. */
  at: string;
  /** The API key that started it, or `cli:operator`. */
  keyId: string;
  filters: ExportFilters;
  rowCount: number;
}

/** One assessment as an export row is built from it, read through the export index (GSI2). */
export interface ExportSource extends Pick<StoredAssessment, 'subjectId' | 'instrumentVersion' | 'administeredOn' | 'answers' | 'view'> {
  /**
   * Where the row sits in the export order. Internal: it holds the assessment id and write time,
   * so it leaves the service only inside a sealed cursor.
   */
  position: string;
}
