import type { Anchor, ItemInstrumentDefinition } from './definition';
import { defineItemInstrument } from './engine';
import type { GuidanceRule, RuleHit } from './guidance/types';
import * as z from './zod';

// why: the ladder's anchors, Biener & Abrams 1991, in the wording of secondary copies. These texts were
// not found in a primary copy of the ladder: the catalog flags them as to be confirmed.
const ANCHORS: readonly Anchor[] = [
  { value: 0, label: 'have not considered quitting' },
  { value: 2, label: 'think I need to consider quitting someday' },
  { value: 5, label: 'think I should quit but not quite ready' },
  { value: 8, label: 'starting to think how to change' },
  { value: 10, label: 'taking action to quit' },
];

/**
 * The anchor at or below `rung`: the ladder publishes no bands, so the nearest anchor at or below is all it says.
 * @example anchorAtOrBelow(6) // { value: 5, label: 'think I should quit but not quite ready' }
 */
export function anchorAtOrBelow(rung: number | null | undefined): Anchor | null {
  if (rung === null || rung === undefined) return null;
  const anchor = [...ANCHORS].reverse().find((a) => a.value <= rung);
  return anchor ? { value: anchor.value, label: anchor.label } : null;
}

// why: OUR RULE — guidance by the region of the ladder (the anchor at or below the rung). Below
// "consider someday": engage and leave the decision with them; "someday": evoke reasons and
// values; "should quit but not ready": evoke (both sides only with style `neutral`, Miller &
// Rose 2013); "thinking how to change": planning; "taking action": affirm and support the change.
const RULES: readonly GuidanceRule[] = [
  {
    id: 'region-0',
    when: 'Rung 0–1 ("have not considered quitting"): engage, leave the decision with them, ask what might make them think about it. With style `neutral` only, the balanced exploration.',
    prompts: ['engage-how-see', 'engage-autonomy', 'ladder-someday'],
    neutral: ['engage-how-see', 'neutral-good-and-less-good'],
  },
  {
    id: 'region-2',
    when: 'Rung 2–4 ("think I need to consider quitting someday"): evoke their reasons and values.',
    prompts: ['ladder-consider', 'evoke-values'],
  },
  {
    id: 'region-5',
    when: 'Rung 5–7 ("think I should quit but not quite ready"): evoke reasons and what would help them feel ready. With style `neutral` only, the balanced exploration instead of the reasons question.',
    prompts: ['evoke-best-results', 'ladder-feel-ready'],
    neutral: ['neutral-gain-and-miss', 'ladder-feel-ready'],
  },
  {
    id: 'region-8',
    when: 'Rung 8–9 ("starting to think how to change"): planning — the key question, a first step, who can help, what might get in the way.',
    prompts: ['plan-key-question', 'plan-first-step', 'plan-who-helps', 'plan-obstacles'],
  },
  {
    id: 'region-10',
    when: 'Rung 10 ("taking action to quit"): affirm the steps taken, ask what has helped and what will keep it going.',
    prompts: ['affirm-steps-taken', 'plan-steps-so-far', 'plan-keep-going'],
  },
  {
    id: 'next-rung',
    when: 'Below rung 8: what it would take to move up one rung (from rung 8 on, the client is planning and is not asked for more motivation).',
    prompts: ['ladder-next-rung'],
  },
];

// why: OUR RULE — from the "thinking how to change" region on, the client is planning.
const PLANNING_FROM_RUNG = 8;

function guidanceHits(rung: number, anchor: Anchor): RuleHit[] {
  const hits: RuleHit[] = [{ rule: `region-${anchor.value}` }];
  if (rung < PLANNING_FROM_RUNG) hits.push({ rule: 'next-rung', values: { rung, nextRung: rung + 1 } });
  return hits;
}

/** Data of the contemplation ladder (one rung, 0–10). */
export const contemplationLadderDefinition: ItemInstrumentDefinition = {
  id: 'contemplation-ladder',
  // 1.1.0: guidance catalog 2.0.0 (planning from rung 8); the anchor texts flagged as not found in a primary copy.
  version: '1.1.0',
  title: 'Contemplation Ladder',
  description: 'A single ladder from 0 to 10 on which a person marks how far they are from quitting smoking; the rung is the score.',
  algorithm: 'contemplation-ladder',
  responseScale: { min: 0, max: 10, anchors: ANCHORS },
  items: [{ id: 'rung', label: 'Rung chosen on the ladder' }],
  // why: the rung chosen is the score (Biener & Abrams 1991).
  scales: [{ id: 'rung', items: ['rung'], method: 'sum' }],
  // why: OUR RULE — a higher rung is nearer to quitting.
  outcome: { score: 'rung', better: 'higher' },
  rules: { anchor: { method: 'at-or-below', anchors: ANCHORS.map((a) => a.value) }, nextRungPrompt: { belowRung: PLANNING_FROM_RUNG } },
  scoring: [
    'rung = the rung chosen (0–10), never rescaled.',
    'An unanswered rung is null and listed in `missing`; the anchor is then null.',
  ],
  interpretationRules: [
    'interpretation.anchor: the nearest anchor at or below the rung — 0, 2, 5, 8 or 10 with its wording. No published bands.',
    'Guidance by the anchor region (rules under `guidance`): 0 → engage and leave the decision with them; 2 → evoke reasons and values; 5 → evoke reasons and what would help them feel ready (both sides only with `guidance.style: "neutral"`); 8 → plan; 10 → affirm and support the change. Below rung 8 we also ask what it would take to move up one rung.',
  ],
  notes: [
    'The rung anchor texts (0, 2, 5, 8, 10) were not found in a primary copy of the ladder (Biener & Abrams 1991): they are as worded in this product’s specification and are to be confirmed.',
  ],
  ourRules: [
    { id: 'missing-items', rule: 'An unanswered rung is null (never 0); the anchor is then null and there is no guidance.' },
    {
      id: 'guidance',
      rule: 'The MI guidance for each anchor region, and the "move up one rung" prompt below rung 8, are the product\'s decision.',
    },
  ],
  licence: {
    status: 'copyrighted',
    itemText: false,
    note: 'Published in a journal article (APA 1991): the catalog carries our own item label and the anchor wording only.',
  },
  sources: [
    {
      citation:
        'Biener & Abrams (1991). The Contemplation Ladder: validation of a measure of readiness to consider smoking cessation. Health Psychology 10(5), 360–365.',
    },
  ],
  // why: the ladder is about quitting smoking, so its prompts name smoking whatever the request says.
  guidance: { topic: { behaviour: 'your smoking', change: 'a change in your smoking', refinedBy: [] }, rules: RULES },
  interpret: (scores) => ({ anchor: anchorAtOrBelow(scores['rung']) }),
  interpretationShape: () => ({
    anchor: z.nullable(
      z.strictObject({
        value: z.literal(ANCHORS.map((a) => a.value) as [number, ...number[]]),
        label: z.enum(ANCHORS.map((a) => a.label) as [string, ...string[]]),
      }),
    ),
  }),
  guide(scores, interpretation) {
    const rung = scores['rung'];
    const anchor = interpretation['anchor'] as Anchor | null;
    return typeof rung === 'number' && anchor ? guidanceHits(rung, anchor) : [];
  },
};

/** The contemplation ladder instrument. */
export const contemplationLadder = defineItemInstrument(contemplationLadderDefinition);
