import { LICENCE_STATUSES } from '../instruments/definition';
import * as z from '../instruments/zod';
import { doc, int, optional } from './schemas';

const str = () => z.string();

/**
 * What the instrument and meta routes answer: `InstrumentList`, `InstrumentCatalog`, `Health`
 * and `Ready`.
 * @example catalogSchemas().instrumentCatalog
 */
export function catalogSchemas() {
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
      outcome: doc(z.object({ score: str(), better: z.enum(['higher', 'lower']) }), {
        description: 'The score that outcome reports judge change by, and which way is better.',
      }),
    }),
    { id: 'InstrumentCatalog' },
  );
  const health = doc(z.object({ status: z.literal('ok') }), { id: 'Health' });
  const ready = doc(z.object({ status: z.literal('ready') }), { id: 'Ready' });

  return { instrumentList, instrumentCatalog, health, ready };
}
