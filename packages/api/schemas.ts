import { ValidationError } from '../domain/errors';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, GUIDANCE_STYLES, TARGET_BEHAVIORS } from '../domain/records';
import { closedObject, getInstrument, type Instrument, instruments, toFieldErrors } from '../instruments';
import { once } from '../instruments/once';
import * as z from '../instruments/zod';
import { DEFAULT_EXPORT_LIMIT, DEFAULT_PAGE_SIZE, MAX_BATCH, MAX_EXPORT_LIMIT } from './limits';

/**
 * Request and response schemas of the HTTP contract. Instrument-specific parts come from each
 * instrument's `inputSchema`, so a new instrument appears in validation, the union types and the
 * OpenAPI document without an edit here.
 *
 * Every schema here is built on first use, not at import: request schemas are `z.lazy` (zod
 * builds and caches the inner schema on the first parse) and the response shapes, which only the
 * OpenAPI document needs, come from `responseSchemas()` (response-schemas.ts). A Lambda cold
 * start then builds only what its first request validates (`npm run bench:coldstart`).
 */

export { TARGET_BEHAVIORS };

/** Registers a schema under an OpenAPI component name and/or a description; returns it. */
export const doc = <T extends z.ZodMiniType>(schema: T, meta: z.core.GlobalMeta): T => {
  z.globalRegistry.add(schema, meta);
  return schema;
};
const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));
export const int = () => z.number().check(z.int());
const queryInt = (min: number, max: number) => z.coerce.number().check(z.int(), z.minimum(min), z.maximum(max));

const subjectRef = once(() => doc(text(1, 128), { description: 'Clinic-issued opaque reference; only its keyed HMAC is stored.' }));
const targetBehavior = once(() =>
  doc(z.optional(z.enum(TARGET_BEHAVIORS)), {
    description: 'The behaviour the assessment is about; guidance prompts name it where the instrument allows.',
  }),
);
/** The caller's choice of how guidance meets ambivalence; part of the body, so part of the idempotency fingerprint. */
const guidanceOption = once(() =>
  doc(z.optional(closedObject({ style: z.optional(z.enum(GUIDANCE_STYLES)) })), {
    description:
      '`style`: `evoke` (default) evokes change talk; `neutral` gives the balanced exploration of both sides (labelled `style: "neutral-exploration"`), for a clinician who deliberately stays neutral.',
  }),
);
const envelope = once(() => ({
  subject: closedObject({ ref: subjectRef() }),
  administeredOn: doc(z.iso.date(), { description: 'Day the instrument was administered (YYYY-MM-DD).' }),
  targetBehavior: targetBehavior(),
  guidance: guidanceOption(),
}));

type Options = [z.ZodMiniObject, ...z.ZodMiniObject[]];
const union = (options: z.ZodMiniObject[]) => z.discriminatedUnion('instrument', options as Options);

const scoreOption = (instrument: Instrument) =>
  z.safeExtend(instrument.inputSchema, { targetBehavior: targetBehavior(), guidance: guidanceOption() });
const assessmentOption = (instrument: Instrument) => z.safeExtend(instrument.inputSchema, envelope());

export const scoreRequest = z.lazy(() => doc(union(instruments.map(scoreOption)), { id: 'ScoreRequest' }));
export const assessmentRequest = z.lazy(() => doc(union(instruments.map(assessmentOption)), { id: 'AssessmentRequest' }));

/**
 * Parses a body exactly as `union` does, but builds only the option of the instrument the body
 * names (kept for the next body): a cold start's first POST builds one instrument's schema, not
 * eleven. A body naming no known instrument goes through the union itself, which reports it.
 * why: a discriminated union hands a body to the option its discriminator picks, so parsing
 * with that option alone gives the same data or the same issues (test/api/request-dispatch.test.ts).
 */
function byInstrument<T extends z.ZodMiniType>(union: T, option: (instrument: Instrument) => z.ZodMiniObject) {
  const built = new Map<string, z.ZodMiniObject>();
  return (body: unknown): ReturnType<T['safeParse']> => {
    const id = body !== null && typeof body === 'object' ? (body as { instrument?: unknown }).instrument : undefined;
    const instrument = typeof id === 'string' ? getInstrument(id) : undefined;
    if (!instrument) return union.safeParse(body) as ReturnType<T['safeParse']>;
    let schema = built.get(instrument.id);
    if (!schema) built.set(instrument.id, (schema = option(instrument)));
    return schema.safeParse(body) as ReturnType<T['safeParse']>;
  };
}

/**
 * `scoreRequest.safeParse`, building one instrument's schema at a time.
 * @example parseScoreRequest({ instrument: 'readiness-ruler', responses: { importance: 7 } }).success // true
 */
export const parseScoreRequest = byInstrument(scoreRequest, scoreOption);
/**
 * `assessmentRequest.safeParse`, building one instrument's schema at a time.
 * @example parseAssessmentRequest({ instrument: 'urica-x' }).error?.issues[0]?.code // 'invalid_union' (unknown instrument)
 */
export const parseAssessmentRequest = byInstrument(assessmentRequest, assessmentOption);

export type ScoreRequest = z.infer<typeof scoreRequest>;
export type AssessmentRequest = z.infer<typeof assessmentRequest>;

export const idempotencyKey = z.lazy(() => text(1, 255));

/** Items are validated one by one so that one bad item does not reject the others. */
export const batchRequest = z.lazy(() =>
  doc(
    z.strictObject({
      items: z
        .array(closedObject({ idempotencyKey, assessment: z.record(z.string(), z.unknown()) }))
        .check(z.minLength(1), z.maxLength(MAX_BATCH)),
    }),
    { id: 'BatchRequest' },
  ),
);

export const subjectSearchRequest = z.lazy(() =>
  doc(
    z.strictObject({
      ref: subjectRef(),
      limit: z.optional(int().check(z.minimum(1), z.maximum(100))),
      cursor: z.optional(text(1, 1024)),
    }),
    { id: 'SubjectSearchRequest' },
  ),
);

export const pageQuery = z.lazy(() =>
  closedObject({
    limit: defaulted(queryInt(1, 100), DEFAULT_PAGE_SIZE, 'Rows per page, 1–100.'),
    cursor: optional(text(1, 1024), 'The `next` value of the previous page.'),
  }),
);

/**
 * Turns zod issues into the contract's `errors` list (one entry per problem, paths only, no
 * submitted values). Problems confined to `instrument` and `responses` are 422 (the answers
 * cannot be scored); anything else in the envelope is 400.
 * @example toValidationError(schema.safeParse(body).error!) // ValidationError { kind: 'unprocessable', errors: [...] }
 */
export function toValidationError(error: z.core.$ZodError): ValidationError {
  // why: zod reports an instrument id matching no definition as an `invalid_union` on the discriminator.
  const unknownInstrument = (i: z.core.$ZodIssue) => i.code === 'invalid_union' && i.path.length === 1 && i.path[0] === 'instrument';
  const answersOnly = error.issues.every((i) => i.path[0] === 'responses' || unknownInstrument(i));
  const errors = toFieldErrors(error.issues).map((e) =>
    e.path === 'instrument' && error.issues.some(unknownInstrument)
      ? { path: e.path, message: 'Unknown instrument; see GET /v1/instruments.' }
      : e,
  );
  return new ValidationError(errors, answersOnly ? 'unprocessable' : 'malformed');
}

/** why: years 1900–2999 only — a month outside them is a typo, and period arithmetic stays four-digit. */
export const month = once(() => z.string().check(z.regex(/^(19|2\d)\d{2}-(0[1-9]|1[0-2])$/, 'A month as YYYY-MM, 1900-01 to 2999-12.')));
/** An optional field with its OpenAPI description. */
export const optional = <T extends z.ZodMiniType>(schema: T, description: string) => doc(z.optional(schema), { description });
/** A field that takes `value` when absent, with its OpenAPI description (the document shows the default). */
export const defaulted = <T extends z.ZodMiniType>(schema: T, value: z.output<T>, description: string) =>
  doc(z._default(schema, value as never), { description });

export const aggregatesQuery = z.lazy(() =>
  closedObject({
    instrument: doc(text(1, 64), { description: 'Instrument id (see `GET /v1/instruments`).' }),
    from: optional(month(), 'First month, YYYY-MM; default 11 months before `to`.'),
    to: optional(month(), 'Last month, YYYY-MM; default this month.'),
    groupBy: defaulted(z.enum(['month', 'quarter']), 'month', 'Group by month or by quarter.'),
    clinic: optional(
      z.string().check(z.regex(/^(\*|[a-z0-9][a-z0-9-]{1,62})$/, 'A clinic id, or * for the network.')),
      'Another clinic id, or `*` for the whole network: needs the operator-granted `analytics:network` scope.',
    ),
  }),
);
export type AggregatesQuery = z.infer<typeof aggregatesQuery>;

export const exportQuery = z.lazy(() =>
  closedObject({
    instrument: doc(text(1, 64), { description: 'Instrument id (see `GET /v1/instruments`).' }),
    from: optional(z.iso.date(), 'First day administered, YYYY-MM-DD, inclusive.'),
    to: optional(z.iso.date(), 'Last day administered, YYYY-MM-DD, inclusive.'),
    format: optional(z.enum(EXPORT_FORMAT_IDS), EXPORT_FORMAT_IDS.map((id) => `\`${id}\`: ${EXPORT_FORMATS[id].description}`).join('; ')),
    limit: optional(queryInt(1, MAX_EXPORT_LIMIT), `Rows per page, 1–${MAX_EXPORT_LIMIT}, default ${DEFAULT_EXPORT_LIMIT}`),
    cursor: optional(text(1, 2048), 'The previous page’s `Export-Next-Cursor`.'),
  }),
);
