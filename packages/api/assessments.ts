import { type FieldError, ValidationError } from '../domain/errors';
import type { AssessmentView, GuidanceContext, GuidanceStyle, ScoredResult, TargetBehavior } from '../domain/records';
import { canonicalJson, getInstrument } from '../instruments';
import type { InstrumentInput } from '../instruments/types';
import type { Store } from '../store/port';
import { errorToProblem } from './problem';
import type { Pseudonymizer } from './pseudonymizer';
import { type AssessmentRequest, parseAssessmentRequest, type ScoreRequest, toValidationError } from './schemas';

/** What the assessment use cases need; the app passes its own dependencies through. */
export interface AssessmentDeps {
  store: Store;
  pseudonymizer: Pseudonymizer;
  now: () => Date;
  newId: () => string;
}

/** The request fields around the instrument input that only shape the guidance. */
interface GuidanceFields {
  targetBehavior?: TargetBehavior;
  guidance?: { style?: GuidanceStyle };
}

/**
 * What a request tells the instrument about its guidance: the target behaviour and the style.
 * @example guidanceContext({ targetBehavior: 'alcohol', guidance: { style: 'neutral' } }) // { targetBehavior: 'alcohol', style: 'neutral' }
 */
export function guidanceContext({ targetBehavior, guidance }: GuidanceFields): GuidanceContext {
  return { ...(targetBehavior ? { targetBehavior } : {}), ...(guidance?.style ? { style: guidance.style } : {}) };
}

function scoreInput(input: InstrumentInput, context: GuidanceContext | null): ScoredResult {
  const instrument = getInstrument(input.instrument);
  if (!instrument) throw new ValidationError([{ path: 'instrument', message: 'Unknown instrument.' }], 'unprocessable');
  return instrument.score(input, context);
}

/**
 * Stateless scoring for `POST /v1/score`: the same engine and output as stored assessments.
 * `guidance: false` renders none (`guidance` is `[]`), for `$extract`, whose Observations carry none.
 * @example scoreOnly(scoreRequest.parse({ instrument: 'readiness-ruler', responses: { importance: 7 } })).scores // { importance: 7 }
 */
export function scoreOnly(body: ScoreRequest, options: { guidance?: boolean } = {}): ScoredResult {
  const { targetBehavior, guidance, ...input } = body as unknown as InstrumentInput & GuidanceFields;
  return scoreInput(input, options.guidance === false ? null : guidanceContext({ targetBehavior, guidance }));
}

const DAY_MS = 86_400_000;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether `day` is `YYYY-MM-DD` naming a day on the (proleptic Gregorian) calendar: no
 * 2026-02-30. why arithmetic: parsing and printing a Date for it cost a FHIR request two
 * microseconds, twice.
 * @example isCalendarDay('2028-02-29') // true
 */
export function isCalendarDay(day: string): boolean {
  const m = YMD.exec(day);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const date = Number(m[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && date >= 1 && date <= (month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!);
}

/**
 * The bounds of a result's day: `administeredOn`, and FHIR's `authored` (docs/fhir-store.md), one rule
 * for every route: a calendar day, not before 1900-01-01, not after tomorrow (UTC).
 * @example administeredOnErrors('2026-11-27', new Date('2026-11-25T12:00:00Z')) // [{ path: 'administeredOn', message: 'Must not be in the future.' }]
 */
export function administeredOnErrors(administeredOn: string, now: Date): FieldError[] {
  if (!isCalendarDay(administeredOn)) return [{ path: 'administeredOn', message: 'Not a calendar date.' }];
  // why: a day before 1900 is a typo, and periods (aggregates, exports) stay four-digit years.
  if (administeredOn < '1900-01-01') return [{ path: 'administeredOn', message: 'Must not be before 1900-01-01.' }];
  // why: a day ahead of UTC is allowed for clinics east of Greenwich; later dates are typos.
  if (Date.parse(`${administeredOn}T00:00:00Z`) > now.getTime() + DAY_MS)
    return [{ path: 'administeredOn', message: 'Must not be in the future.' }];
  return [];
}

/**
 * Scores and stores one validated assessment under an idempotency key (`POST /v1/assessments` and each
 * batch item). Returns the response to send; a replay returns the first response unchanged.
 * @example await createAssessment(deps, 'demo', 'key-1', body) // { status: 201, body: {...}, replayed: false }
 */
export async function createAssessment(
  deps: AssessmentDeps,
  clinicId: string,
  idempotencyKey: string,
  body: AssessmentRequest,
): Promise<{ status: number; body: unknown; replayed: boolean }> {
  const now = deps.now();
  const dateErrors = administeredOnErrors(String(body.administeredOn), now);
  if (dateErrors.length > 0) throw new ValidationError(dateErrors, 'malformed');

  const { subject, administeredOn, targetBehavior, guidance, ...input } = body as unknown as InstrumentInput &
    GuidanceFields & {
      subject: { ref: string };
      administeredOn: string;
    };
  const instrument = getInstrument(input.instrument)!;
  const context = guidanceContext({ targetBehavior, guidance });
  const result = instrument.score(input, context);
  const id = deps.newId();
  const subjectId = deps.pseudonymizer.subjectId(clinicId, subject.ref);
  const view: AssessmentView = {
    id,
    instrument: result.instrument,
    subjectId,
    administeredOn,
    ...(targetBehavior ? { targetBehavior } : {}),
    // The style is kept with the result (the stored answers keep their shape), so re-scoring words guidance the same way.
    ...(context.style === 'neutral' ? { guidanceStyle: 'neutral' as const } : {}),
    complete: result.complete,
    missing: result.missing,
    scores: result.scores,
    interpretation: result.interpretation,
    guidance: result.guidance,
    provenance: result.provenance,
  };
  const response = { status: 201, body: view };
  const outcome = await deps.store.createAssessment({
    clinicId,
    // The client's key may be built from identifiers (MRN + date): only a keyed digest goes down.
    idempotencyKey: deps.pseudonymizer.fingerprint(`idempotency-key\u001f${idempotencyKey}`),
    requestHash: deps.pseudonymizer.fingerprint(canonicalJson(body as Parameters<typeof canonicalJson>[0])),
    response,
    assessment: {
      id,
      clinicId,
      subjectId,
      keyVersion: deps.pseudonymizer.keyVersion,
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      administeredOn,
      createdAt: now.toISOString(),
      answers: { ...instrument.redact(input) },
      view,
    },
  });
  return outcome.kind === 'created' ? { ...response, replayed: false } : { ...outcome.response, replayed: true };
}

/** One item of a batch result: its index, the status and body it would have had on its own. */
export interface BatchResult {
  index: number;
  status: number;
  replayed: boolean;
  body: unknown;
}

/**
 * `POST /v1/assessments/batch`: each item validated, scored and stored as if posted alone under
 * its own idempotency key; one result per item, in request order.
 * @example await createBatch(deps, 'demo', [{ idempotencyKey: 'k1', assessment: body }], log) // [{ index: 0, status: 201, … }]
 */
export async function createBatch(
  deps: AssessmentDeps,
  clinicId: string,
  items: readonly { idempotencyKey: string; assessment: unknown }[],
  log: (entry: Record<string, unknown>) => void,
): Promise<BatchResult[]> {
  const failed = (index: number, error: unknown): BatchResult => {
    // An item answers as if posted alone: its errors are in its body.
    const { problem: body } = errorToProblem(error instanceof ValidationError ? error.at('body') : error);
    if (body.status >= 500) log({ level: 'error', msg: 'batch item failed', index, status: body.status, error: (error as Error).name });
    return { index, status: body.status, replayed: false, body };
  };
  const results: BatchResult[] = [];
  // why: every item is validated before anything reads its fields (a ref may be any JSON until then).
  const valid = items.flatMap((item, index) => {
    const parsed = parseAssessmentRequest(item.assessment);
    if (parsed.success) return [{ index, key: item.idempotencyKey, body: parsed.data }];
    results[index] = failed(index, toValidationError(parsed.error));
    return [];
  });
  // Items of the same subject and instrument share rollup records: write those one after
  // another (in request order) instead of racing; different subjects go in parallel.
  const lanes = new Map<string, typeof valid>();
  for (const item of valid) {
    const { subject, instrument } = item.body as { subject: { ref: string }; instrument: string };
    const lane = `${subject.ref}\u001f${instrument}`;
    lanes.set(lane, [...(lanes.get(lane) ?? []), item]);
  }
  await Promise.all(
    [...lanes.values()].map(async (lane) => {
      for (const { index, key, body } of lane) {
        try {
          const out = await createAssessment(deps, clinicId, key, body);
          results[index] = { index, status: out.status, replayed: out.replayed, body: out.body };
        } catch (error) {
          results[index] = failed(index, error);
        }
      }
    }),
  );
  return results;
}
