import { MI_PHASES, MI_PROCESSES, PROMPT_KINDS, TALK_TYPES } from '../domain/records';
import * as z from '../instruments/zod';
import { doc, optional } from './schemas';

const str = () => z.string();

/**
 * The guidance shapes of the OpenAPI document: a prompt as a result gives it (`Guidance`, or
 * `GuidanceV1` for results stored before guidance catalog 2.0.0) and the labels it shares with
 * the catalog of `GET /v1/guidance`. Built once, by `responseSchemas()`.
 * @example guidanceSchemas().guidanceItem // the `Guidance` component
 */
export function guidanceSchemas() {
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

  return { promptLabels, guidanceItem, guidance };
}

/**
 * The `GuidanceCatalog` component (`GET /v1/guidance`), with the labels of `guidanceSchemas()`.
 * @example guidanceCatalogSchema(guidanceSchemas().promptLabels)
 */
export function guidanceCatalogSchema(promptLabels: ReturnType<typeof guidanceSchemas>['promptLabels']) {
  return doc(
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
}
