/**
 * The domain's records: what scoring produces, what is stored and read back, who may call. Every
 * layer shares these (docs/architecture.md): they depend on nothing.
 */

/** The five MI principles of the clinic's material (Miller & Rollnick); most guidance entries name the one they serve. */
export type MiPrinciple = 'express-empathy' | 'develop-discrepancy' | 'avoid-argument' | 'roll-with-resistance' | 'support-self-efficacy';

/** The four processes of current MI (Miller & Rollnick, 3rd ed., 2013). */
export const MI_PROCESSES = ['engaging', 'focusing', 'evoking', 'planning'] as const;
export type MiProcess = (typeof MI_PROCESSES)[number];

/** MI's two goals as phases: first raise motivation, then strengthen the commitment to change. */
export const MI_PHASES = ['building-motivation', 'strengthening-commitment'] as const;
export type MiPhase = (typeof MI_PHASES)[number];

/**
 * The kind of talk a prompt invites: change talk (desire, ability, reasons, need; then commitment,
 * activation, taking steps), `engagement` (the relationship, the client's view), `both-sides` (the
 * neutral exploration a caller asks for), or `none` (a reflection or affirmation that asks for nothing).
 * Sustain talk is never invited, so it is not in the list.
 */
export const TALK_TYPES = [
  'desire',
  'ability',
  'reasons',
  'need',
  'commitment',
  'activation',
  'taking-steps',
  'engagement',
  'both-sides',
  'none',
] as const;
export type TalkType = (typeof TALK_TYPES)[number];

/** An open question ends with `?`; a reflection or an affirmation is a statement and ends with `.`. */
export const PROMPT_KINDS = ['open-question', 'reflection', 'affirmation'] as const;
export type PromptKind = (typeof PROMPT_KINDS)[number];

/**
 * How guidance meets ambivalence: `evoke` (the default) evokes change talk; `neutral` is the
 * balanced exploration of both sides, for a clinician who deliberately stays neutral (Miller & Rose 2013).
 */
export const GUIDANCE_STYLES = ['evoke', 'neutral'] as const;
export type GuidanceStyle = (typeof GUIDANCE_STYLES)[number];

/** Closed list instead of free text: a behaviour name could otherwise carry identifying detail. */
export const TARGET_BEHAVIORS = [
  'alcohol',
  'tobacco',
  'cannabis',
  'opioids',
  'stimulants',
  'sedatives',
  'other-drugs',
  'gambling',
  'other',
] as const;
export type TargetBehavior = (typeof TARGET_BEHAVIORS)[number];

/** What a score function may be told besides the answers: it changes the guidance wording and choice, never a score. */
export interface GuidanceContext {
  targetBehavior?: TargetBehavior;
  style?: GuidanceStyle;
}

/**
 * One MI-consistent prompt a clinician can use, accountable to the guidance catalog
 * (`GET /v1/guidance` lists every prompt by `id` with its template and source).
 */
export interface Guidance {
  /** The prompt's id in the guidance catalog. */
  id: string;
  prompt: string;
  kind: PromptKind;
  /** `null` where the prompt serves none of the five principles (planning: the key question, goals, steps). */
  principle: MiPrinciple | null;
  process: MiProcess;
  phase: MiPhase;
  evokes: TalkType;
  /** What chose it: `<instrument>/<rule>` (or `trajectory/<rule>`), listed with its condition in the catalog. */
  rule: string;
  /** Only on the balanced exploration given because the request asked for `guidance.style: "neutral"`. */
  style?: 'neutral-exploration';
}

/** Guidance as results stored before guidance catalog 2.0.0 carry it: kept as given, never rewritten. */
export interface LegacyGuidance {
  principle: MiPrinciple;
  focus: string;
  prompt: string;
}

/** Guidance as read back from storage: what the result was given when it was scored. */
export type StoredGuidance = Guidance | LegacyGuidance;

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
/** Granted only by an operator with the keys CLI, never part of the development key. */
export const OPERATOR_SCOPES = ['analytics:network'] as const;
export type Scope = (typeof SCOPES)[number] | (typeof OPERATOR_SCOPES)[number];

/** The public view of an assessment: same shape from /v1/score, /v1/assessments and reads. */
export interface AssessmentView extends Omit<ScoredResult, 'guidance'> {
  id: string;
  subjectId: string;
  administeredOn: string;
  targetBehavior?: string;
  /** Present when the request asked for the neutral exploration (`guidance.style: "neutral"`). */
  guidanceStyle?: 'neutral';
  /** As given when scored; results stored before guidance 2.0.0 carry `LegacyGuidance`. */
  guidance: StoredGuidance[];
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
export type Rescore = Pick<ScoredResult, 'instrument' | 'complete' | 'missing' | 'scores' | 'interpretation' | 'provenance'> & {
  guidance: StoredGuidance[];
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
