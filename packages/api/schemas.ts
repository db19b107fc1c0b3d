import * as z from 'zod';
import { closedObject, instruments, toFieldErrors } from '../instruments';
import { ValidationError } from '../instruments/errors';
import { once } from '../instruments/once';
import { STAGES } from '../instruments/stages';
import { SUBJECT_ID_PATTERN } from './pseudonymizer';

/**
 * Request and response schemas of the HTTP contract. Instrument-specific parts come from each
 * instrument's `inputSchema`, so a new instrument appears in validation, the union types and the
 * OpenAPI document without an edit here.
 *
 * Every schema here is built on first use, not at import: request schemas are `z.lazy` (zod
 * builds and caches the inner schema on the first parse) and the response shapes, which only the
 * OpenAPI document needs, come from `responseSchemas()`. A Lambda cold start then builds only what
 * its first request validates (`npm run bench:coldstart`).
 */

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

const subjectRef = once(() =>
  z.string().min(1).max(128).meta({ description: 'Clinic-issued opaque reference; only its keyed HMAC is stored.' }),
);
const targetBehavior = once(() => z.enum(TARGET_BEHAVIORS).optional());
const envelope = once(() => ({
  subject: closedObject({ ref: subjectRef() }),
  administeredOn: z.iso.date().meta({ description: 'Day the instrument was administered (YYYY-MM-DD).' }),
  targetBehavior: targetBehavior(),
}));

type Options = [z.ZodObject, ...z.ZodObject[]];
const union = (options: z.ZodObject[]) => z.discriminatedUnion('instrument', options as Options);

export const scoreRequest = z.lazy(() =>
  union(instruments.map((i) => i.inputSchema.safeExtend({ targetBehavior: targetBehavior() }))).meta({ id: 'ScoreRequest' }),
);

export const assessmentRequest = z.lazy(() =>
  union(instruments.map((i) => i.inputSchema.safeExtend(envelope()))).meta({ id: 'AssessmentRequest' }),
);

export type ScoreRequest = z.infer<typeof scoreRequest>;
export type AssessmentRequest = z.infer<typeof assessmentRequest>;

export const MAX_BATCH = 25;
export const idempotencyKey = z.lazy(() => z.string().min(1).max(255));

/** Items are validated one by one so that one bad item does not reject the others. */
export const batchRequest = z.lazy(() =>
  z
    .strictObject({
      items: z
        .array(closedObject({ idempotencyKey, assessment: z.record(z.string(), z.unknown()) }))
        .min(1)
        .max(MAX_BATCH),
    })
    .meta({ id: 'BatchRequest' }),
);

export const subjectSearchRequest = z.lazy(() =>
  z
    .strictObject({
      ref: subjectRef(),
      limit: z.number().int().min(1).max(100).optional(),
      cursor: z.string().min(1).max(1024).optional(),
    })
    .meta({ id: 'SubjectSearchRequest' }),
);

export const pageQuery = z.lazy(() =>
  closedObject({
    limit: z.coerce.number().int().min(1).max(100).optional(),
    cursor: z.string().min(1).max(1024).optional(),
  }),
);

/** Ids in paths are checked before any read: a malformed one is simply not found. */
export const ASSESSMENT_ID_PATTERN = /^asm_[A-Za-z0-9_-]{22}$/;
export { SUBJECT_ID_PATTERN };

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

const month = once(() => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month as YYYY-MM.'));

export const aggregatesQuery = z.lazy(() =>
  closedObject({
    instrument: z.string().min(1).max(64),
    from: month().optional().meta({ description: 'First month (YYYY-MM); default 11 months before `to`.' }),
    to: month().optional().meta({ description: 'Last month (YYYY-MM); default the current month.' }),
    groupBy: z.enum(['month', 'quarter']).optional().meta({ description: 'Default month.' }),
    clinic: z
      .string()
      .regex(/^(\*|[a-z0-9][a-z0-9-]{1,62})$/, 'A clinic id, or * for the network.')
      .optional()
      .meta({ description: 'Another clinic, or * for the whole network: needs the analytics:network scope (operator-granted).' }),
  }),
);
export type AggregatesQuery = z.infer<typeof aggregatesQuery>;

export const exportQuery = z.lazy(() =>
  closedObject({
    instrument: z.string().min(1).max(64),
    from: z.iso.date().optional().meta({ description: 'First day administered (YYYY-MM-DD), inclusive.' }),
    to: z.iso.date().optional().meta({ description: 'Last day administered (YYYY-MM-DD), inclusive.' }),
    format: z.enum(['ndjson', 'csv']).optional().meta({ description: 'Default ndjson.' }),
    limit: z.coerce.number().int().min(1).max(5000).optional().meta({ description: 'Rows per page, default 1000.' }),
    cursor: z.string().min(1).max(2048).optional(),
  }),
);

/**
 * The response shapes, for the OpenAPI document only (responses are built by code, not parsed):
 * built on the first request for the document.
 * @example responseSchemas().assessmentView // the `Assessment` component
 */
export const responseSchemas = once(() => {
  const guidance = z.object({
    principle: z.enum(['express-empathy', 'develop-discrepancy', 'avoid-argument', 'roll-with-resistance', 'support-self-efficacy']),
    focus: z.string(),
    prompt: z.string(),
  });

  const scoredResult = z
    .object({
      instrument: z.object({ id: z.string(), version: z.string() }),
      complete: z.boolean(),
      missing: z.array(z.string()),
      scores: z.record(z.string(), z.number().nullable()).meta({ description: 'Unrounded; null when an item it needs is missing.' }),
      interpretation: z.record(z.string(), z.unknown()),
      guidance: z.array(guidance),
      provenance: z.object({ algorithm: z.string(), algorithmVersion: z.string(), definitionHash: z.string() }),
    })
    .meta({ id: 'ScoredResult' });

  const assessmentView = scoredResult
    .extend({
      id: z.string(),
      subjectId: z.string(),
      administeredOn: z.iso.date(),
      targetBehavior: z.enum(TARGET_BEHAVIORS).optional(),
      rescores: z
        .array(scoredResult.extend({ rescoredAt: z.iso.datetime() }))
        .optional()
        .meta({ description: 'Re-scorings under newer definitions, oldest first (GET only); the fields above stay as first scored.' }),
    })
    .meta({ id: 'Assessment' });

  const assessmentPage = z
    .object({ subjectId: z.string(), items: z.array(assessmentView), next: z.string().optional() })
    .meta({ id: 'AssessmentPage' });

  const problemSchema = z
    .object({
      type: z.string(),
      title: z.string(),
      status: z.number().int(),
      detail: z.string(),
      errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    })
    .meta({ id: 'Problem' });

  const batchResponse = z
    .object({
      results: z.array(
        z.object({
          index: z.number().int(),
          status: z.number().int(),
          replayed: z.boolean(),
          body: z.union([assessmentView, problemSchema]),
        }),
      ),
    })
    .meta({ id: 'BatchResponse' });

  const change = z.record(z.string(), z.number().nullable()).nullable();
  const stage = z.enum(STAGES).nullable();

  const trajectoryResponse = z
    .object({
      subjectId: z.string(),
      truncated: z.boolean().meta({ description: 'More than 1,000 assessments: the oldest were left out.' }),
      instruments: z.array(
        z.object({
          instrument: z.string(),
          status: z.enum(['ok', 'insufficient-data']),
          detail: z.string().optional(),
          count: z.number().int(),
          points: z.array(
            z.object({
              id: z.string(),
              administeredOn: z.iso.date(),
              instrumentVersion: z.string(),
              scores: z.record(z.string(), z.number().nullable()),
              stage,
              changeFromPrevious: change,
              changeFromFirst: change,
              transition: z
                .object({
                  from: z.enum(STAGES),
                  to: z.enum(STAGES),
                  direction: z.enum(['forward', 'backward', 'unchanged']),
                  relapseSignal: z.boolean(),
                })
                .nullable(),
            }),
          ),
          summary: z.object({
            firstOn: z.iso.date(),
            latestOn: z.iso.date(),
            firstStage: stage,
            latestStage: stage,
            change,
            forwardMoves: z.number().int(),
            backwardMoves: z.number().int(),
            relapseSignal: z.boolean(),
            stageStatus: z.enum(['ok', 'insufficient-data', 'not-staged']),
          }),
        }),
      ),
    })
    .meta({ id: 'Trajectory' });

  const published = z.object({ value: z.number().nullable(), suppressed: z.boolean() });
  const publishedScores = z.record(z.string(), z.object({ mean: published, sd: published }));
  const publishedDistribution = z.object({ threshold: z.number(), total: published, cells: z.record(z.string(), published) });

  const aggregatesResponse = z
    .object({
      instrument: z.string(),
      clinic: z.string(),
      groupBy: z.enum(['month', 'quarter']),
      from: month(),
      to: month(),
      suppression: z.object({ threshold: z.number().int(), rule: z.string() }),
      groups: z.array(
        z.object({
          period: z.string(),
          subjects: published,
          assessments: published,
          scores: publishedScores,
          distributions: z.record(z.string(), publishedDistribution),
          change: z.object({ subjects: published, scores: publishedScores, outcome: publishedDistribution.nullable() }),
        }),
      ),
    })
    .meta({ id: 'Aggregates' });

  const exportAudit = z
    .object({
      exportId: z.string(),
      at: z.iso.datetime().meta({ description: 'When the export started.' }),
      keyId: z.string().meta({ description: 'The API key that started it (`cli:operator` for the operator CLI).' }),
      filters: z.object({
        instrument: z.string(),
        from: z.iso.date().optional(),
        to: z.iso.date().optional(),
        format: z.enum(['ndjson', 'csv']),
      }),
      rowCount: z.number().int().meta({ description: 'Rows released so far, each counted once.' }),
    })
    .meta({ id: 'ExportAudit' });

  const exportAuditPage = z.object({ items: z.array(exportAudit), next: z.string().optional() }).meta({ id: 'ExportAuditPage' });

  const worksheetList = z.object({ count: z.number().int(), weights: z.array(z.number().int().nullable()) });

  const exportRow = z
    .object({
      exportSubject: z
        .string()
        .meta({ description: 'Pseudonym valid within this export only (`xs_…`); another export gives the same client another one.' }),
      year: z.number().int().meta({ description: 'Year administered.' }),
      dayIndex: z.number().int().meta({ description: 'Days since the client’s first assessment of any instrument at this clinic.' }),
      instrument: z.string(),
      instrumentVersion: z.string(),
      targetBehavior: z.enum(TARGET_BEHAVIORS).nullable(),
      scale: z.string().optional().meta({ description: 'Response-scale variant, for instruments that have them.' }),
      items: z.record(z.string(), z.union([z.number().int(), worksheetList]).nullable()).meta({
        description: 'Answers by item id; worksheet lists as entry counts and weights (labels are never stored).',
      }),
      scores: z.record(z.string(), z.number().nullable()),
      interpretation: z.record(z.string(), z.unknown()),
      complete: z.boolean(),
      algorithmVersion: z.string(),
    })
    .meta({
      id: 'ExportRow',
      description:
        'One NDJSON line per assessment. No subject ref, subjectId, assessment id or exact date. CSV has the same fields flattened: `item.<id>` (worksheets `item.<list>.count`, `item.<list>.weights`), `score.<name>`, `interpretation.<path>`; its header (first page only) is fixed per instrument.',
    });
  return {
    scoredResult,
    assessmentView,
    assessmentPage,
    batchResponse,
    problemSchema,
    trajectoryResponse,
    aggregatesResponse,
    exportAudit,
    exportAuditPage,
    exportRow,
  };
});

export type ResponseSchemas = ReturnType<typeof responseSchemas>;
