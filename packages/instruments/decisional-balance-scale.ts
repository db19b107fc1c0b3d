import type { Anchor, ItemInstrumentDefinition, Licence, OurRule, Source } from './definition';
import { signLabel } from './definition';
import type { GuidanceRule, GuidanceTopic } from './guidance/types';
import * as z from './zod';

/** What differs between the pros/cons decisional-balance questionnaires (alcohol, drugs, smoking). */
export interface ProsConsSpec {
  id: string;
  title: string;
  description: string;
  algorithm: string;
  /** The behaviour in gerund form, used in labels: `drinking`, `using drugs`, `smoking`. */
  behaviour: string;
  /** How the prompts name it: `your drinking`; a drug form may be refined by a drug `targetBehavior`. */
  topic: GuidanceTopic;
  /** The published answer labels (all five where the source prints them). */
  anchors: readonly Anchor[];
  itemCount: number;
  /** Item numbers keyed as pros of the behaviour. */
  pros: readonly number[];
  /** Item numbers keyed as cons of the behaviour. */
  cons: readonly number[];
  scoring: readonly string[];
  sources: readonly Source[];
  licence: Licence;
}

const MISSING_RULE: OurRule = {
  id: 'missing-items',
  rule: 'A scale with any unanswered item is null (never prorated, never 0); difference and balance are then null too.',
};

// why: OUR RULE — these scales weigh the pros and cons of the behaviour, the decisional-balance
// exercise itself. Guidance does not ask for both sides again: with ambivalent people that lowers
// commitment (Miller & Rose 2013). It acknowledges the pros with a reflection and evokes change
// talk; the balanced exploration is given only when the caller asks for style `neutral`.
const RULES: readonly GuidanceRule[] = [
  {
    id: 'balance-pros',
    when: 'Pros outweigh cons (difference > 0): acknowledge what the behaviour gives them with a reflection, then evoke concerns and desire — never ask for more of its benefits. With style `neutral` only, the balanced exploration.',
    prompts: ['reflect-status-quo-values', 'evoke-concerns', 'evoke-desire'],
    neutral: ['neutral-good-and-less-good'],
  },
  {
    id: 'balance-cons',
    when: 'Cons outweigh pros (difference < 0, leaning toward change): evoke reasons and ability.',
    prompts: ['evoke-concerns-most', 'evoke-best-results', 'evoke-ability'],
  },
  {
    id: 'balance-even',
    when: 'Pros and cons weigh the same (difference = 0): a double-sided reflection that ends on the concerns, then values. With style `neutral` only, the balanced exploration.',
    prompts: ['reflect-two-sides', 'evoke-values'],
    neutral: ['neutral-good-and-less-good'],
  },
];

const RULE_OF = { pros: 'balance-pros', cons: 'balance-cons', balanced: 'balance-even' } as const;

/** The balance label of each sign of pros − cons. */
const BALANCE = { positive: 'pros', negative: 'cons', zero: 'balanced' } as const;

/**
 * A pros/cons decisional-balance questionnaire: items `1`…`n` answered 1–5, `pros` and `cons` as
 * means of their keyed items, `difference` = pros − cons, `interpretation.balance` by its sign.
 * @example prosConsDefinition({ id: 'decisional-balance-smoking-short', itemCount: 6, pros: [1, 3, 5], cons: [2, 4, 6], … })
 */
export function prosConsDefinition(spec: ProsConsSpec): ItemInstrumentDefinition {
  const ids = Array.from({ length: spec.itemCount }, (_, i) => String(i + 1));
  const side = (n: number) => (spec.pros.includes(n) ? 'Pro' : 'Con');
  return {
    id: spec.id,
    // 1.1.0: guidance catalog 2.0.0 (no request for the status quo's benefits); the licence (HABITS Lab) and, for smoking, all five CPRC answer labels.
    version: '1.1.0',
    title: spec.title,
    description: spec.description,
    algorithm: spec.algorithm,
    responseScale: { min: 1, max: 5, anchors: spec.anchors },
    items: ids.map((id) => ({ id, label: `${side(Number(id))} of ${spec.behaviour} (item ${id})` })),
    scales: [
      { id: 'pros', items: spec.pros.map(String), method: 'mean' },
      { id: 'cons', items: spec.cons.map(String), method: 'mean' },
    ],
    derived: [{ id: 'difference', plus: ['pros'], minus: ['cons'] }],
    // why: balance is the sign of pros − cons: pros > 0, cons < 0, balanced = 0
    // (habitslab.umbc.edu/decisional-balance-scoring). Pros and cons are of the behaviour, so `cons` leans to change.
    // why: OUR RULE — pros and cons are of the behaviour: a falling pros − cons is the behaviour losing weight.
    outcome: { score: 'difference', better: 'lower' },
    rules: { balance: { pros: '> 0', cons: '< 0', balanced: '= 0', of: 'difference' } },
    scoring: [
      ...spec.scoring,
      'difference = pros − cons. Unrounded.',
      'Any unanswered item makes its scale null; difference and balance are then null.',
    ],
    interpretationRules: [
      'interpretation.balance: `pros` when difference > 0, `cons` when < 0, `balanced` when = 0.',
      `Pros and cons are of ${spec.behaviour}: a negative difference leans toward change.`,
      'Guidance (rules under `guidance`): balance `pros` → a reflection of what the behaviour gives them, then evoke concerns and desire (never a request for more of its benefits); `cons` → evoke reasons and ability; `balanced` → a double-sided reflection, then values. The balanced exploration of both sides only with `guidance.style: "neutral"`.',
    ],
    ourRules: [MISSING_RULE, { id: 'guidance', rule: "The MI guidance chosen for each balance is the product's decision." }],
    licence: spec.licence,
    sources: spec.sources,
    guidance: { topic: spec.topic, rules: RULES },
    interpret: (scores) => ({ balance: signLabel(scores['difference'], BALANCE) }),
    interpretationShape: () => ({ balance: z.nullable(z.enum([BALANCE.positive, BALANCE.negative, BALANCE.zero])) }),
    guide: (_scores, interpretation) => {
      const balance = interpretation['balance'] as keyof typeof RULE_OF | null;
      return balance ? [{ rule: RULE_OF[balance] }] : [];
    },
  };
}
