import { type Band, bandOf, type ItemInstrumentDefinition, type Scores } from './definition';
import { defineItemInstrument } from './engine';
import { GENERIC_TOPIC } from './guidance/render';
import type { GuidanceRule, RuleHit } from './guidance/types';
import * as z from './zod';

// why: practice bands low 0–3 / moderate 4–6 / high 7–10 published for the readiness ruler
// (for-a-change.com). OUR RULE: the same bands for importance and confidence, and the same cut
// points for the 1–10 variant.
const BANDS: readonly Band[] = [
  { label: 'low', min: 0, max: 3 },
  { label: 'moderate', min: 4, max: 6 },
  { label: 'high', min: 7, max: 10 },
];

// why: OUR RULE — the "lower number" of the published follow-up "Why are you at X and not at
// [a lower number]?" (case.edu; med.unc.edu CFAR) is X − 2, clamped to the scale minimum.
const LOWER_NUMBER_STEP = 2;

const RULERS = ['importance', 'confidence', 'readiness'] as const;
type Ruler = (typeof RULERS)[number];
type Bands = Partial<Record<Ruler, string | null>>;

const FOLLOW_UP_RULES: GuidanceRule[] = RULERS.flatMap((ruler) => [
  {
    id: `follow-up-${ruler}-lower`,
    when: `${ruler} answered above the scale minimum and the client not ready: the published "Why are you at X and not at [X − 2]?" (never "why not 10").`,
    prompts: [`ruler-${ruler}-lower`],
  },
  {
    id: `follow-up-${ruler}-minimum`,
    when: `${ruler} at the scale minimum and the client not ready: instead of the lower-number question, what it would take.`,
    prompts: [`ruler-${ruler}-minimum`],
  },
  {
    id: `follow-up-${ruler}-next`,
    when: `${ruler} below the scale maximum and the client not ready: the published "What would it take to go from X to X + 1?".`,
    prompts: [`ruler-${ruler}-next`],
  },
]);

const RULES: readonly GuidanceRule[] = [
  ...FOLLOW_UP_RULES,
  {
    id: 'importance-low',
    when: 'Importance low (0–3) and the client not ready: ask about concerns without arguing, and explore values. With style `neutral` only, the balanced exploration instead of the concerns question.',
    prompts: ['evoke-concerns', 'evoke-values'],
    neutral: ['neutral-good-and-less-good', 'evoke-values'],
  },
  {
    id: 'confidence-low',
    when: 'Importance moderate or high, confidence low (0–3), the client not ready: evoke ability (past successes, strengths).',
    prompts: ['evoke-past-success', 'evoke-strengths'],
  },
  {
    id: 'ready-plan',
    when: 'Ready — readiness high (7–10), or, without a readiness answer, importance and confidence both high: planning instead of more motivation prompts.',
    prompts: ['plan-key-question', 'plan-goal', 'plan-first-step', 'plan-who-helps', 'plan-obstacles'],
  },
  {
    id: 'ready-already-changing',
    when: 'Readiness at the scale maximum ("already changing"): what has helped, keeping it going, help, obstacles.',
    prompts: ['plan-steps-so-far', 'plan-keep-going', 'plan-who-helps', 'plan-obstacles'],
  },
];

/**
 * OUR RULE — the client is ready when readiness is high; without a readiness answer, when
 * importance and confidence are both high: someone who finds the change important and feels able
 * to make it is past building motivation, so guidance turns to strengthening commitment and planning.
 */
const isReady = (bands: Bands) =>
  'readiness' in bands ? bands.readiness === 'high' : bands.importance === 'high' && bands.confidence === 'high';

function guidanceHits(scores: Scores, bands: Bands, min: number, max: number): RuleHit[] {
  // why: a ready client is planned with, not asked more motivation questions (Miller & Rose 2013:
  // once a person has decided, evocation is unnecessary and may deter change).
  if (isReady(bands)) return [{ rule: scores['readiness'] === max ? 'ready-already-changing' : 'ready-plan' }];
  const hits: RuleHit[] = [];
  for (const ruler of RULERS) {
    const value = scores[ruler];
    if (typeof value !== 'number') continue;
    // why: published (case.edu; observingsolution.com) — at the minimum drop the "lower number" prompt
    // and ask what it would take; at the maximum drop the "X+1" prompt; never ask "why not 10".
    if (value > min)
      hits.push({ rule: `follow-up-${ruler}-lower`, values: { score: value, lower: Math.max(value - LOWER_NUMBER_STEP, min) } });
    else hits.push({ rule: `follow-up-${ruler}-minimum` });
    if (value < max) hits.push({ rule: `follow-up-${ruler}-next`, values: { score: value, next: value + 1 } });
  }
  // why: OUR RULE (docs/scoring.md, MI guidance) — importance low → develop discrepancy;
  // importance at least moderate and confidence low → support self-efficacy.
  const { importance, confidence } = bands;
  if (importance === 'low') hits.push({ rule: 'importance-low' });
  else if ((importance === 'moderate' || importance === 'high') && confidence === 'low') hits.push({ rule: 'confidence-low' });
  return hits;
}

const rulerScale = (min: number) => ({
  min,
  max: 10,
  anchors: [
    { value: min, label: 'not at all' },
    { value: 10, label: 'extremely' },
  ],
});

/** Data of the readiness ruler (importance, confidence, readiness; 0–10 or 1–10). */
export const readinessRulerDefinition: ItemInstrumentDefinition = {
  id: 'readiness-ruler',
  // 1.1.0: guidance catalog 2.0.0 (planning once ready); the PCO confidence wording; the bands for importance and confidence labelled OUR RULE.
  version: '1.1.0',
  title: 'Readiness Ruler',
  description:
    'Three single-item rulers — importance, confidence and readiness to change — answered on 0–10 (or 1–10). The number chosen is the score.',
  algorithm: 'readiness-ruler',
  responseScale: rulerScale(0),
  // why: HL7 PCO IG answer list LOINC LL2335-9 is 0–10; rulers printed 1–10 are a variant (OUR RULE), never rescaled.
  variants: { default: '0-10', scales: { '0-10': rulerScale(0), '1-10': rulerScale(1) } },
  items: [
    { id: 'importance', label: 'Importance of the change', text: 'How important is it right now for you to make this change?' },
    {
      id: 'confidence',
      label: 'Confidence in succeeding',
      text: 'How confident are you that you will be successful in making this change?',
    },
    {
      id: 'readiness',
      label: 'Readiness to change',
      text: 'How ready are you to make this change?',
      anchors: [
        { value: 0, label: 'not prepared to change' },
        { value: 10, label: 'already changing' },
      ],
    },
  ],
  // why: the number chosen is the score (HL7 PCO IG; case.edu readiness ruler).
  scales: RULERS.map((id) => ({ id, items: [id], method: 'sum' as const })),
  // why: OUR RULE — a request without any ruler answered has nothing to score.
  minAnswered: 1,
  // why: each ruler is its own score, the number chosen or absent: an unanswered ruler is left out, never null or 0.
  missingScores: 'omit',
  // why: OUR RULE — readiness is the ruler that says most directly whether change is nearer.
  outcome: { score: 'readiness', better: 'higher' },
  rules: { bands: BANDS.map((b) => ({ ...b })), lowerNumberStep: LOWER_NUMBER_STEP },
  scoring: [
    'Each answered ruler is its own score: the number chosen, never rescaled.',
    'Unanswered rulers are listed in `missing` and have no score key; `complete` is true only when all three are answered.',
  ],
  interpretationRules: [
    'interpretation.bands.<ruler>: low 0–3, moderate 4–6, high 7–10 — the practice bands published for the readiness ruler; for importance and confidence, and for the 1–10 variant, the same cut points are OUR RULE.',
    'Guidance (rules under `guidance`): when the client is ready — readiness high, or without a readiness answer importance and confidence both high — planning prompts only (at readiness 10, "already changing": what has helped and keeping it going).',
    'Otherwise follow-ups per ruler: "Why are you at X and not at X−2?" (not at the minimum, where we ask what it would take) and "What would it take to go from X to X+1?" (not at the maximum); then importance low → concerns and values; importance moderate or high with confidence low → evoke ability.',
  ],
  ourRules: [
    { id: 'missing-items', rule: 'Unanswered rulers are never scored as 0; their score and band are absent.' },
    { id: 'complete', rule: '`complete` is true only when all three rulers are answered.' },
    {
      id: 'bands-importance-confidence',
      rule: 'The readiness bands (low 0–3, moderate 4–6, high 7–10) are used for importance and confidence too.',
    },
    { id: 'bands-1-10', rule: 'The 1–10 variant uses the same band cut points as 0–10.' },
    { id: 'lower-number', rule: 'The "lower number" in the follow-up is two below the answer, clamped to the scale minimum.' },
    {
      id: 'ready',
      rule: 'The client is ready when readiness is high or, without a readiness answer, importance and confidence are both high: guidance then plans.',
    },
    { id: 'guidance-focus', rule: 'Guidance focus by importance and confidence bands, as listed under interpretation.' },
  ],
  licence: {
    status: 'generic',
    itemText: true,
    note: 'Generic questions. The importance and confidence wording is the HL7 PCO implementation guide’s (CodeSystem readiness-assessment-concepts-temporary); the readiness question and all anchors are our own generic wording.',
  },
  sources: [
    {
      citation:
        'HL7 Person-Centered Outcomes (PCO) Implementation Guide: temporary codes `importance` ("How important is it right now for you to make this change?") and `confidence` ("How confident are you that you will be successful in making this change?"); answer list LOINC LL2335-9',
      url: 'https://hl7.org/fhir/us/pco/STU1/en/ValueSet-readiness-assessment-codes.html',
    },
    { citation: 'Case Western Reserve University, Center for Evidence-Based Practices: Readiness Ruler (case.edu)' },
    { citation: 'adultmeducation.com: Assessment Tools, Readiness Ruler' },
    { citation: 'for-a-change.com: readiness ruler practice bands (low 0–3, moderate 4–6, high 7–10)' },
    { citation: 'Miller & Rose (2013), Behavioural and Cognitive Psychotherapy: once a person has decided, evocation is unnecessary' },
    { citation: 'UNC School of Medicine CFAR: "Motivation for change" follow-up questions (med.unc.edu)' },
    { citation: 'observingsolution.com: readiness ruler follow-up questions' },
  ],
  interpret(scores: Scores) {
    const bands: Partial<Record<Ruler, string | null>> = {};
    for (const ruler of RULERS) if (ruler in scores) bands[ruler] = bandOf(scores[ruler], BANDS);
    return { bands };
  },
  // A band is present exactly when its ruler was answered.
  interpretationShape: () => {
    const band = z.nullable(z.enum(BANDS.map((b) => b.label) as [string, ...string[]]));
    return { bands: z.strictObject(Object.fromEntries(RULERS.map((ruler) => [ruler, z.optional(band)]))) };
  },
  // why: the ruler is about whatever change the client has in mind; the request's target behaviour names it.
  guidance: { topic: GENERIC_TOPIC, rules: RULES },
  guide: (scores, interpretation, { responseScale }) =>
    guidanceHits(scores, interpretation['bands'] as Bands, responseScale.min, responseScale.max),
};

/** The readiness ruler instrument. */
export const readinessRuler = defineItemInstrument(readinessRulerDefinition);
