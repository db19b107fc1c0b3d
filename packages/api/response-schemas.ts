import { EXPORT_FORMAT_IDS, MI_PHASES, MI_PROCESSES, PROMPT_KINDS, TALK_TYPES } from '../domain/records';
import { instruments } from '../instruments';
import { LICENCE_STATUSES } from '../instruments/definition';
import { once } from '../instruments/once';
import { STAGES } from '../instruments/stages';
import * as z from '../instruments/zod';
import { doc, int, month, optional, TARGET_BEHAVIORS } from './schemas';

/**
 * The response shapes, for the OpenAPI document only (responses are built by code, not parsed):
 * built on the first request for the document.
 * @example responseSchemas().assessmentView // the `Assessment` component
 */
export const responseSchemas = once(() => {
  const str = () => z.string();
  const nullableNumber = () => z.nullable(z.number());
  const principle = z.enum(['express-empathy', 'develop-discrepancy', 'avoid-argument', 'roll-with-resistance', 'support-self-efficacy']);
  const promptLabels = {
    kind: doc(z.enum(PROMPT_KINDS), { description: 'An open question ends with `?`; a reflection or an affirmation is a statement.' }),
    principle: doc(z.nullable(principle), {
      description: 'The MI principle served; null for planning prompts that serve none of the five.',
    }),
    process: z.enum(MI_PROCESSES),
    phase: z.enum(MI_PHASES),
    evokes: doc(z.enum(TALK_TYPES), {
      description: 'The talk the prompt invites: change talk, `engagement`, `both-sides` (neutral style only) or `none`.',
    }),
    style: optional(
      z.literal('neutral-exploration'),
      'Only on the balanced exploration the request asked for with `guidance.style: "neutral"`.',
    ),
  };
  const guidanceItem = doc(
    z.object({
      id: doc(str(), { description: 'The prompt’s id in `GET /v1/guidance`.' }),
      prompt: str(),
      ...promptLabels,
      rule: doc(str(), { description: 'What chose it: `<instrument>/<rule>` or `trajectory/<rule>`; the condition is in the catalog.' }),
    }),
    { id: 'Guidance' },
  );
  const legacyGuidanceItem = doc(z.object({ principle, focus: str(), prompt: str() }), {
    id: 'GuidanceV1',
    description: 'Guidance of results stored before guidance catalog 2.0.0, kept as it was given.',
  });
  const guidance = z.union([guidanceItem, legacyGuidanceItem]);

  // One component per instrument for its scores, interpretation, result, assessment and export
  // row, from the instrument's own result shape: a new instrument adds its components here unedited.
  const typed = instruments.map((instrument) => {
    const shape = instrument.resultShape();
    return {
      id: instrument.id,
      scores: doc(shape.scores, { id: `Scores.${instrument.id}`, description: 'Unrounded; null when an item it needs is missing.' }),
      interpretation: doc(shape.interpretation, { id: `Interpretation.${instrument.id}` }),
    };
  });
  type Typed = (typeof typed)[number];
  /** `oneOf` the per-instrument components, named `<name>.<instrument id>`. */
  const perInstrument = (name: string, build: (t: Typed) => z.ZodMiniType, meta: z.core.GlobalMeta = {}) =>
    doc(z.xor(typed.map((t) => doc(build(t), { id: `${name}.${t.id}` }))), { id: name, ...meta });

  const scoredResultShape = (t: Typed) => ({
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

  const change = z.nullable(z.record(str(), nullableNumber()));
  const stage = z.nullable(z.enum(STAGES));

  const trajectoryResponse = doc(
    z.object({
      subjectId: str(),
      truncated: doc(z.boolean(), { description: 'More than 1,000 assessments: the oldest were left out.' }),
      instruments: z.array(
        z.object({
          instrument: str(),
          status: z.enum(['ok', 'insufficient-data']),
          detail: z.optional(str()),
          count: int(),
          points: z.array(
            z.object({
              id: str(),
              administeredOn: z.iso.date(),
              instrumentVersion: str(),
              scores: z.record(str(), nullableNumber()),
              stage,
              changeFromPrevious: change,
              changeFromFirst: change,
              transition: z.nullable(
                z.object({
                  from: z.enum(STAGES),
                  to: z.enum(STAGES),
                  direction: z.enum(['forward', 'backward', 'unchanged']),
                  relapseSignal: z.boolean(),
                }),
              ),
            }),
          ),
          summary: z.object({
            firstOn: z.iso.date(),
            latestOn: z.iso.date(),
            firstStage: stage,
            latestStage: stage,
            change,
            forwardMoves: int(),
            backwardMoves: int(),
            relapseSignal: z.boolean(),
            stageStatus: z.enum(['ok', 'insufficient-data', 'not-staged']),
            guidance: doc(z.array(guidanceItem), {
              description:
                'MI prompts for the latest stage move: backward (normalise, affirm, self-efficacy), the relapse signal likewise, forward (affirm); empty when unchanged.',
            }),
          }),
        }),
      ),
    }),
    { id: 'Trajectory' },
  );

  const published = z.object({ value: nullableNumber(), suppressed: z.boolean() });
  const publishedScores = z.record(str(), z.object({ mean: published, sd: published }));
  const publishedDistribution = z.object({ threshold: z.number(), total: published, cells: z.record(str(), published) });

  const aggregatesResponse = doc(
    z.object({
      instrument: str(),
      clinic: str(),
      groupBy: z.enum(['month', 'quarter']),
      from: month(),
      to: month(),
      suppression: z.object({ threshold: int(), rule: str() }),
      groups: z.array(
        z.object({
          period: str(),
          subjects: published,
          assessments: published,
          scores: publishedScores,
          distributions: z.record(str(), publishedDistribution),
          change: z.object({ subjects: published, scores: publishedScores, outcome: z.nullable(publishedDistribution) }),
        }),
      ),
    }),
    { id: 'Aggregates' },
  );

  const exportAudit = doc(
    z.object({
      exportId: str(),
      at: doc(z.iso.datetime(), { description: 'When the export started.' }),
      keyId: doc(str(), { description: 'The API key that started it (`cli:operator` for the operator CLI).' }),
      filters: z.object({
        instrument: str(),
        from: z.optional(z.iso.date()),
        to: z.optional(z.iso.date()),
        format: z.enum(EXPORT_FORMAT_IDS),
      }),
      rowCount: doc(int(), { description: 'Rows released so far, each counted once.' }),
    }),
    { id: 'ExportAudit' },
  );

  const exportAuditPage = doc(z.object({ items: z.array(exportAudit), next: z.optional(str()) }), { id: 'ExportAuditPage' });

  const worksheetList = z.object({ count: int(), weights: z.array(z.nullable(int())) });

  const exportRow = perInstrument(
    'ExportRow',
    (t) =>
      z.object({
        exportSubject: doc(str(), {
          description: 'Pseudonym valid within this export only (`xs_…`); another export gives the same client another one.',
        }),
        year: doc(int(), { description: 'Year administered.' }),
        dayIndex: doc(int(), { description: 'Days since the client’s first assessment of any instrument at this clinic.' }),
        instrument: z.literal(t.id),
        instrumentVersion: str(),
        targetBehavior: z.nullable(z.enum(TARGET_BEHAVIORS)),
        scale: optional(str(), 'Response-scale variant, for instruments that have them.'),
        items: doc(z.record(str(), z.nullable(z.union([int(), worksheetList]))), {
          description: 'Answers by item id; worksheet lists as entry counts and weights (labels are never stored).',
        }),
        scores: t.scores,
        interpretation: t.interpretation,
        complete: z.boolean(),
        algorithmVersion: str(),
      }),
    {
      discriminator: {
        propertyName: 'instrument',
        mapping: Object.fromEntries(typed.map((t) => [t.id, `#/components/schemas/ExportRow.${t.id}`])),
      },
      description:
        'One NDJSON line per assessment. No subject ref, subjectId, assessment id or exact date. CSV has the same fields flattened: `item.<id>` (worksheets `item.<list>.count`, `item.<list>.weights`), `score.<name>`, `interpretation.<path>`; its header (first page only) is fixed per instrument.',
    },
  );
  const guidanceCatalog = doc(
    z.object({
      catalogVersion: str(),
      placeholders: doc(z.record(str(), str()), { description: 'What each placeholder in a prompt is filled with.' }),
      items: z.array(
        z.object({
          id: str(),
          prompt: doc(str(), { description: 'The template, with placeholders such as `{behaviour}` and `{score}`.' }),
          ...promptLabels,
          source: z.array(z.object({ citation: str(), url: z.optional(str()) })),
          usedBy: z.array(
            z.object({
              owner: doc(str(), { description: 'An instrument id, or `trajectory`.' }),
              rule: str(),
              when: str(),
              styles: z.array(z.enum(['evoke', 'neutral'])),
            }),
          ),
        }),
      ),
    }),
    { id: 'GuidanceCatalog' },
  );

  const anchor = z.object({ value: int(), label: str() });
  const range = z.object({ min: z.number(), max: z.number() });
  const licence = z.object({
    status: z.enum(LICENCE_STATUSES),
    itemText: doc(z.boolean(), { description: 'Whether item wording may be shown (and is in the catalog).' }),
    note: str(),
  });
  const instrumentList = doc(z.object({ items: z.array(z.object({ id: str(), version: str(), title: str(), licence })) }), {
    id: 'InstrumentList',
  });
  const instrumentCatalog = doc(
    z.object({
      id: str(),
      version: str(),
      title: str(),
      description: str(),
      responseScale: z.object({ min: int(), max: int(), anchors: z.array(anchor), appliesTo: z.optional(str()) }),
      responseScaleVariants: z.optional(
        z.object({
          field: z.literal('scale'),
          default: str(),
          scales: z.record(str(), z.object({ min: int(), max: int(), anchors: z.array(anchor) })),
        }),
      ),
      minAnswered: z.optional(int()),
      items: z.array(
        z.object({
          id: str(),
          label: str(),
          text: optional(str(), 'The wording, only where the licence allows it.'),
          scored: z.optional(z.boolean()),
          anchors: z.optional(z.array(anchor)),
          kind: z.optional(z.literal('list')),
          maxEntries: z.optional(int()),
        }),
      ),
      entry: optional(z.record(str(), z.record(str(), z.unknown())), 'The worksheet: what one list entry holds.'),
      scales: z.array(z.object({ id: str(), items: z.array(str()), method: z.enum(['sum', 'mean', 'count']), range: z.optional(range) })),
      derivedScores: z.array(
        z.object({
          id: str(),
          plus: z.optional(z.array(str())),
          minus: z.optional(z.array(str())),
          formula: z.optional(str()),
          range: z.optional(range),
        }),
      ),
      norms: z.optional(
        z.object({
          id: str(),
          statistic: str(),
          sample: str(),
          description: str(),
          scales: z.record(str(), z.array(z.object({ value: z.number(), label: z.optional(str()), min: z.number(), max: z.number() }))),
        }),
      ),
      scoring: z.array(str()),
      interpretation: z.array(str()),
      notes: z.optional(z.array(str())),
      licence,
      sources: z.array(z.object({ citation: str(), url: z.optional(str()) })),
      ourRules: doc(z.array(z.object({ id: str(), rule: str() })), { description: 'Rules no source publishes: the product’s decisions.' }),
      provenance: z.object({ algorithm: str(), algorithmVersion: str(), definitionHash: str() }),
    }),
    { id: 'InstrumentCatalog' },
  );
  const health = doc(z.object({ status: z.literal('ok') }), { id: 'Health' });
  const ready = doc(z.object({ status: z.literal('ready') }), { id: 'Ready' });

  return {
    guidanceCatalog,
    health,
    ready,
    instrumentList,
    instrumentCatalog,
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
