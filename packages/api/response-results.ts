import { instruments, type ResultShape } from '../instruments';
import * as z from '../instruments/zod';
import type { guidanceSchemas } from './response-guidance';
import { doc, int, optional, TARGET_BEHAVIORS } from './schemas';

const str = () => z.string();

/** One instrument's result components. */
export interface TypedResult extends ResultShape {
  id: string;
}

/**
 * The per-instrument components (`Scores.<id>`, `Interpretation.<id>`) from each registered
 * instrument's own result shape, and the `oneOf` of them that a per-instrument answer is: a new
 * instrument adds its components unedited.
 * @example perInstrumentSchemas().perInstrument('ScoredResult', (t) => z.object({ scores: t.scores }))
 */
export function perInstrumentSchemas() {
  const typed: TypedResult[] = instruments.map((instrument) => {
    const shape = instrument.resultShape();
    return {
      id: instrument.id,
      scores: doc(shape.scores, { id: `Scores.${instrument.id}`, description: 'Unrounded; null when an item it needs is missing.' }),
      interpretation: doc(shape.interpretation, { id: `Interpretation.${instrument.id}` }),
    };
  });
  /** `oneOf` the per-instrument components, named `<name>.<instrument id>`. */
  const perInstrument = (name: string, build: (t: TypedResult) => z.ZodMiniType, meta: z.core.GlobalMeta = {}) =>
    doc(z.xor(typed.map((t) => doc(build(t), { id: `${name}.${t.id}` }))), { id: name, ...meta });

  return { typed, perInstrument };
}

export type PerInstrument = ReturnType<typeof perInstrumentSchemas>;

/**
 * What scoring and the assessment routes answer: `ScoredResult`, `Assessment`, `AssessmentPage`,
 * `Problem` and `BatchResponse`.
 * @example resultSchemas(perInstrumentSchemas(), guidanceSchemas().guidance).assessmentView
 */
export function resultSchemas({ perInstrument }: PerInstrument, guidance: ReturnType<typeof guidanceSchemas>['guidance']) {
  const scoredResultShape = (t: TypedResult) => ({
    instrument: z.object({ id: z.literal(t.id), version: str() }),
    complete: z.boolean(),
    missing: z.array(str()),
    scores: t.scores,
    interpretation: t.interpretation,
    guidance: z.array(guidance),
    provenance: z.object({ algorithm: str(), algorithmVersion: str(), definitionHash: str() }),
  });
  const scoredResult = perInstrument('ScoredResult', (t) => z.object(scoredResultShape(t)), {
    description: 'One of the per-instrument results, told apart by `instrument.id`.',
  });

  const assessmentView = perInstrument(
    'Assessment',
    (t) =>
      z.object({
        ...scoredResultShape(t),
        id: str(),
        subjectId: str(),
        administeredOn: z.iso.date(),
        targetBehavior: z.optional(z.enum(TARGET_BEHAVIORS)),
        guidanceStyle: optional(z.literal('neutral'), 'Present when the request asked for `guidance.style: "neutral"`.'),
        rescores: optional(
          z.array(z.object({ ...scoredResultShape(t), rescoredAt: z.iso.datetime() })),
          'Re-scorings under newer definitions, oldest first (GET only); the fields above stay as first scored.',
        ),
      }),
    { description: 'One of the per-instrument assessments, told apart by `instrument.id`.' },
  );

  const assessmentPage = doc(z.object({ subjectId: str(), items: z.array(assessmentView), next: z.optional(str()) }), {
    id: 'AssessmentPage',
  });

  const problemSchema = doc(
    z.object({
      type: str(),
      title: str(),
      status: int(),
      detail: str(),
      errors: z.optional(z.array(z.object({ path: str(), message: str() }))),
      errorsOmitted: optional(int(), 'Validation errors found beyond the (at most 20) listed.'),
      instance: optional(str(), 'This occurrence: `urn:uuid:<request id>`, as in the `X-Request-Id` header.'),
    }),
    { id: 'Problem' },
  );

  const batchResponse = doc(
    z.object({
      results: z.array(z.object({ index: int(), status: int(), replayed: z.boolean(), body: z.union([assessmentView, problemSchema]) })),
    }),
    { id: 'BatchResponse' },
  );

  return { scoredResult, assessmentView, assessmentPage, problemSchema, batchResponse };
}
