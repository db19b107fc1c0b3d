import { EXPORT_FORMAT_IDS } from '../domain/records';
import { STAGES } from '../instruments/stages';
import * as z from '../instruments/zod';
import type { guidanceSchemas } from './response-guidance';
import type { PerInstrument } from './response-results';
import { doc, int, month, optional, TARGET_BEHAVIORS } from './schemas';

const str = () => z.string();
const nullableNumber = () => z.nullable(z.number());

/**
 * What the subject and analytics routes answer: `Trajectory`, `Aggregates`, `ExportAudit`,
 * `ExportAuditPage` and the per-instrument `ExportRow`.
 * @example analyticsSchemas(perInstrumentSchemas(), guidanceSchemas().guidanceItem).exportRow
 */
export function analyticsSchemas(
  { typed, perInstrument }: PerInstrument,
  guidanceItem: ReturnType<typeof guidanceSchemas>['guidanceItem'],
) {
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
  return { trajectoryResponse, aggregatesResponse, exportAudit, exportAuditPage, exportRow };
}
