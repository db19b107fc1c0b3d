import type { ClinicSettings, FormMap, FormMapRecord } from '../domain/form-map';
import type { ApiKeyRecord, ExportAudit, ExportSource, Page, Rescore, StoredAssessment } from '../domain/records';

export interface CreateAssessment {
  clinicId: string;
  idempotencyKey: string;
  /** sha256 of the canonical request; a replay with another hash is an `IdempotencyMismatch`. */
  requestHash: string;
  assessment: StoredAssessment;
  /** What the first request answered; replays answer exactly this. */
  response: { status: number; body: unknown };
}

export type CreateOutcome = { kind: 'created' } | { kind: 'replayed'; response: { status: number; body: unknown } };

/**
 * The storage port. Adapters translate their own errors at this edge into the domain's
 * (`Unavailable`, `IdempotencyMismatch`, `IdempotencyInFlight`, `NotFound`, `ValidationError`
 * for a bad cursor). Every read is scoped by `clinicId`: another clinic's ids are simply absent.
 */
export interface Store {
  /**
   * Atomically stores the assessment and its idempotency record (kept ≥ 24 h).
   * Same key + same hash → `replayed` with the original response; same key + other hash →
   * throws `IdempotencyMismatch`; a concurrent write of the same key not yet visible →
   * throws `IdempotencyInFlight`. However often it is called, at most one assessment is stored.
   */
  createAssessment(input: CreateAssessment): Promise<CreateOutcome>;
  getAssessment(clinicId: string, id: string): Promise<StoredAssessment | undefined>;
  /** Deletes one assessment and takes it out of the aggregates in the same transaction. `NotFound` if absent. */
  deleteAssessment(clinicId: string, id: string): Promise<void>;
  /**
   * Pre-aggregated counters (see packages/analytics/rollup.ts) of one clinic × instrument for
   * each period from `from` to `to` inclusive (`2026-01`, or `2026-Q1` for quarters), oldest first.
   * Costs one Query however many assessments are stored.
   */
  listAggregates(
    clinicId: string,
    instrumentId: string,
    kind: 'month' | 'quarter',
    from: string,
    to: string,
  ): Promise<{ period: string; counters: Record<string, number> }[]>;
  /** Newest first (by administeredOn, then createdAt). */
  listSubjectAssessments(clinicId: string, subjectId: string, page: { limit: number; cursor?: string }): Promise<Page<StoredAssessment>>;

  /**
   * One clinic's assessments of one instrument administered from `range.from` to `range.to`
   * (days, inclusive, either open), oldest first, through the export index; `after` is the
   * `position` of the last row already read. Reads at most `limit` (1–5,000) rows.
   */
  listExportSources(
    clinicId: string,
    instrumentId: string,
    range: { from?: string; to?: string },
    page: { limit: number; after?: string },
  ): Promise<{ items: ExportSource[]; more: boolean }>;
  /** The day of the subject's first assessment of any instrument at this clinic (one GSI1 item). */
  firstAssessmentDay(clinicId: string, subjectId: string): Promise<string | undefined>;
  /** Starts an export's audit record with its first page's rows; `position` is that page's last row. */
  putExportAudit(audit: ExportAudit, position: string | undefined): Promise<void>;
  /**
   * Adds one later page's rows (`positions`, ascending, all after `after`) to the audit record's
   * row count. Counts each row once: a page fetched again with the same cursor adds only rows
   * not yet counted. `NotFound` when the record does not exist.
   */
  addExportRows(clinicId: string, audit: { at: string; exportId: string }, after: string, positions: string[]): Promise<void>;
  /** A clinic's export audit records, newest first. */
  listExportAudits(clinicId: string, page: { limit: number; cursor?: string }): Promise<Page<ExportAudit>>;

  /**
   * Operator use, once after upgrading a table that predates the export index: gives every
   * assessment stored without them its GSI2 keys. Returns how many it updated; a second run finds none.
   */
  backfillExportIndex(): Promise<number>;
  /** Operator use: every clinic's assessments of one instrument, in no particular order. */
  scanAssessments(instrumentId: string, page: { limit: number; cursor?: string }): Promise<Page<StoredAssessment>>;
  /**
   * Appends a re-scoring. Returns false (and changes nothing) when a re-scoring with the same
   * definition hash is already stored, so applying twice is harmless. `NotFound` if absent.
   */
  addRescore(clinicId: string, id: string, rescore: Rescore): Promise<boolean>;

  putApiKey(record: ApiKeyRecord): Promise<void>;
  /** Every clinic that was ever given a key, sorted (the network, for `analytics:network`). */
  listClinics(): Promise<string[]>;
  getApiKey(keyId: string): Promise<ApiKeyRecord | undefined>;
  listApiKeys(clinicId?: string): Promise<ApiKeyRecord[]>;
  /** Throws `NotFound` for an unknown key id. Idempotent for an already revoked key. */
  revokeApiKey(keyId: string, at: string): Promise<ApiKeyRecord>;
  /** A clinic's settings; a clinic nobody has set anything for gets `DEFAULT_CLINIC_SETTINGS` (a Part 2 program). */
  getClinicSettings(clinicId: string): Promise<ClinicSettings>;
  /** Operator use: whether the clinic is a 42 CFR Part 2 program. */
  setClinicPart2(clinicId: string, part2: boolean, at: string): Promise<ClinicSettings>;
  /**
   * Operator use: stores an already validated form map under its questionnaire URL, replacing the
   * clinic's earlier map of that URL. `Conflict` when the clinic already holds the most maps it may.
   */
  putFormMap(clinicId: string, map: FormMap, at: string): Promise<'created' | 'replaced'>;
  /** The clinic's map of this questionnaire URL (without `|version`), or `undefined`. */
  getFormMap(clinicId: string, questionnaire: string): Promise<FormMap | undefined>;
  /** The clinic's form maps, sorted by questionnaire URL. */
  listFormMaps(clinicId: string): Promise<FormMapRecord[]>;
  /** `NotFound` when the clinic has no map of this URL. */
  deleteFormMap(clinicId: string, questionnaire: string): Promise<void>;
  /** Cheap round trip for /health's readiness detail. */
  ping(): Promise<void>;
}
