import type { Guidance } from '../domain/records';
import { type ItemInstrumentDefinition, type OurRule, type Source, signLabel } from './definition';

/** What differs between the pros/cons decisional-balance questionnaires (alcohol, drugs, smoking). */
export interface ProsConsSpec {
  id: string;
  title: string;
  description: string;
  algorithm: string;
  /** The behaviour in gerund form, used in labels and prompts: `drinking`, `using drugs`, `smoking`. */
  behaviour: string;
  itemCount: number;
  /** Item numbers keyed as pros of the behaviour. */
  pros: readonly number[];
  /** Item numbers keyed as cons of the behaviour. */
  cons: readonly number[];
  scoring: readonly string[];
  sources: readonly Source[];
  licenceNote: string;
}

const MISSING_RULE: OurRule = {
  id: 'missing-items',
  rule: 'A scale with any unanswered item is null (never prorated, never 0); difference and balance are then null too.',
};

function guidance(balance: unknown, behaviour: string): Guidance[] {
  switch (balance) {
    case 'pros':
      return [
        {
          principle: 'express-empathy',
          focus: 'explore-both-sides',
          prompt: `What are the good things about ${behaviour} for you, and what are the less good things?`,
        },
        {
          principle: 'roll-with-resistance',
          focus: 'explore-ambivalence',
          prompt: `It sounds like ${behaviour} does a lot for you right now. What, if anything, would you want to be different?`,
        },
      ];
    case 'cons':
      return [
        { principle: 'develop-discrepancy', focus: 'elicit-change-talk', prompt: `What concerns you most about ${behaviour}?` },
        {
          principle: 'develop-discrepancy',
          focus: 'elicit-change-talk',
          prompt: 'How might things be better for you if you made a change?',
        },
        {
          principle: 'support-self-efficacy',
          focus: 'strengthen-commitment',
          prompt: 'If you decided to make a change, what might be a first step?',
        },
      ];
    case 'balanced':
      return [
        {
          principle: 'express-empathy',
          focus: 'explore-ambivalence',
          prompt: `Part of you sees good things about ${behaviour} and part of you has concerns. Can you tell me more about both sides?`,
        },
        {
          principle: 'develop-discrepancy',
          focus: 'explore-values',
          prompt: `How does ${behaviour} fit with the things that matter most to you?`,
        },
      ];
    default:
      return [];
  }
}

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
    version: '1.0.0',
    title: spec.title,
    description: spec.description,
    algorithm: spec.algorithm,
    responseScale: {
      min: 1,
      max: 5,
      anchors: [
        { value: 1, label: 'not important at all' },
        { value: 5, label: 'extremely important' },
      ],
    },
    items: ids.map((id) => ({ id, label: `${side(Number(id))} of ${spec.behaviour} (item ${id})` })),
    scales: [
      { id: 'pros', items: spec.pros.map(String), method: 'mean' },
      { id: 'cons', items: spec.cons.map(String), method: 'mean' },
    ],
    derived: [{ id: 'difference', plus: ['pros'], minus: ['cons'] }],
    // why: balance is the sign of pros − cons: pros > 0, cons < 0, balanced = 0 (instruments.md;
    // habitslab.umbc.edu/decisional-balance-scoring). Pros and cons are of the behaviour, so `cons` leans to change.
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
      'Guidance: balance `pros` → express empathy and roll with resistance, exploring both sides; `cons` → develop discrepancy and elicit change talk; `balanced` → explore ambivalence.',
    ],
    ourRules: [MISSING_RULE, { id: 'guidance', rule: "The MI guidance chosen for each balance is the product's decision." }],
    licence: { status: 'none-found', itemText: false, note: spec.licenceNote },
    sources: spec.sources,
    interpret: (scores) => ({
      balance: signLabel(scores['difference'], { positive: 'pros', negative: 'cons', zero: 'balanced' }),
    }),
    guide: (_scores, interpretation) => guidance(interpretation['balance'], spec.behaviour),
  };
}
