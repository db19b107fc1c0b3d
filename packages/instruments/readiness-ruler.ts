import type { Guidance, MiPrinciple } from '../domain/records';
import { type Band, bandOf, type ItemInstrumentDefinition, type Scores } from './definition';
import { defineItemInstrument } from './engine';

// why: published practice bands low 0–3 / moderate 4–6 / high 7–10 (for-a-change.com);
// OUR RULE: the same cut points for the 1–10 variant.
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

const FOLLOW_UP: Record<Ruler, { principle: MiPrinciple; focus: string; atMinimum: string }> = {
  importance: {
    principle: 'develop-discrepancy',
    focus: 'explore-importance',
    atMinimum: 'What would need to happen for this change to become important to you?',
  },
  confidence: {
    principle: 'support-self-efficacy',
    focus: 'build-confidence',
    atMinimum: 'What would need to happen for you to feel even a little confident about making this change?',
  },
  readiness: {
    principle: 'develop-discrepancy',
    focus: 'explore-readiness',
    atMinimum: 'What would need to happen for you to consider making this change?',
  },
};

function followUps(ruler: Ruler, value: number, min: number, max: number): Guidance[] {
  const { principle, focus, atMinimum } = FOLLOW_UP[ruler];
  // why: published (case.edu; observingsolution.com) — at the minimum drop the "lower number" prompt
  // and ask what would need to happen; at the maximum drop the "X+1" prompt; never ask "why not 10".
  const lower = Math.max(value - LOWER_NUMBER_STEP, min);
  const out: Guidance[] = [
    value > min
      ? { principle, focus, prompt: `You chose ${value} for ${ruler}. Why are you at ${value} and not at ${lower}?` }
      : { principle, focus, prompt: atMinimum },
  ];
  if (value < max) {
    out.push({ principle, focus, prompt: `On ${ruler}, what would it take to go from ${value} to ${value + 1}?` });
  }
  return out;
}

// why: OUR RULE (instruments.md, guidance focus) — importance low → develop discrepancy; importance
// at least moderate and confidence low → support self-efficacy; both high → strengthen commitment.
function focusGuidance(bands: Partial<Record<Ruler, string | null>>): Guidance[] {
  const { importance, confidence } = bands;
  if (importance === 'low') {
    return [
      {
        principle: 'express-empathy',
        focus: 'explore-importance',
        prompt: 'What do you like about how things are now, and what, if anything, concerns you about it?',
      },
      {
        principle: 'develop-discrepancy',
        focus: 'explore-importance',
        prompt: 'How does the way things are now fit with what matters most to you?',
      },
    ];
  }
  if ((importance === 'moderate' || importance === 'high') && confidence === 'low') {
    return [
      {
        principle: 'support-self-efficacy',
        focus: 'build-confidence',
        prompt: 'What changes have you made successfully before, and how did you manage them?',
      },
      {
        principle: 'support-self-efficacy',
        focus: 'build-confidence',
        prompt: 'What strengths or support could help you with this change?',
      },
    ];
  }
  if (importance === 'high' && confidence === 'high') {
    return [
      { principle: 'support-self-efficacy', focus: 'strengthen-commitment', prompt: 'What are you thinking of doing next?' },
      { principle: 'support-self-efficacy', focus: 'plan', prompt: 'What would a first step look like, and when could you take it?' },
    ];
  }
  return [];
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
  version: '1.0.0',
  title: 'Readiness Ruler',
  description:
    'Three single-item rulers — importance, confidence and readiness to change — answered on 0–10 (or 1–10). The number chosen is the score.',
  algorithm: 'readiness-ruler',
  responseScale: rulerScale(0),
  // why: HL7 PCO IG answer list LOINC LL2335-9 is 0–10; instruments.md allows a 1–10 variant, never rescaled.
  variants: { default: '0-10', scales: { '0-10': rulerScale(0), '1-10': rulerScale(1) } },
  items: [
    { id: 'importance', label: 'Importance of the change', text: 'How important is it right now for you to make this change?' },
    {
      id: 'confidence',
      label: 'Confidence in succeeding',
      text: 'How confident are you that you will be successful at making this change?',
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
  // why: instruments.md — at least one ruler per request.
  minAnswered: 1,
  // why: instruments.md — each score is "the raw value or absent".
  missingScores: 'omit',
  // why: OUR RULE — readiness is the ruler that says most directly whether change is nearer.
  outcome: { score: 'readiness', better: 'higher' },
  rules: { bands: BANDS.map((b) => ({ ...b })), lowerNumberStep: LOWER_NUMBER_STEP },
  scoring: [
    'Each answered ruler is its own score: the number chosen, never rescaled.',
    'Unanswered rulers are listed in `missing` and have no score key; `complete` is true only when all three are answered.',
  ],
  interpretationRules: [
    'interpretation.bands.<ruler>: low 0–3, moderate 4–6, high 7–10 (1–10 variant: same cut points).',
    'Follow-ups: "Why are you at X and not at X−2?" (not at the minimum, where we ask what would need to happen) and "What would it take to go from X to X+1?" (not at the maximum).',
    'Focus: importance low → develop discrepancy; importance moderate or high with confidence low → support self-efficacy; both high → strengthen commitment and plan.',
  ],
  ourRules: [
    { id: 'missing-items', rule: 'Unanswered rulers are never scored as 0; their score and band are absent.' },
    { id: 'complete', rule: '`complete` is true only when all three rulers are answered.' },
    { id: 'bands-1-10', rule: 'The 1–10 variant uses the same band cut points as 0–10.' },
    { id: 'lower-number', rule: 'The "lower number" in the follow-up is two below the answer, clamped to the scale minimum.' },
    { id: 'guidance-focus', rule: 'Guidance focus by importance and confidence bands, as listed under interpretation.' },
  ],
  licence: {
    status: 'generic',
    itemText: true,
    note: 'Generic questions; wording follows the HL7 PCO implementation guide.',
  },
  sources: [
    {
      citation:
        'HL7 Person-Centered Outcomes (PCO) Implementation Guide: temporary codes `importance`, `confidence`; answer list LOINC LL2335-9',
    },
    { citation: 'Case Western Reserve University, Center for Evidence-Based Practices: Readiness Ruler (case.edu)' },
    { citation: 'adultmeducation.com: Assessment Tools, Readiness Ruler' },
    { citation: 'for-a-change.com: readiness ruler practice bands (low 0–3, moderate 4–6, high 7–10)' },
    { citation: 'UNC School of Medicine CFAR: "Motivation for change" follow-up questions (med.unc.edu)' },
    { citation: 'observingsolution.com: readiness ruler follow-up questions' },
  ],
  interpret(scores: Scores) {
    const bands: Partial<Record<Ruler, string | null>> = {};
    for (const ruler of RULERS) if (ruler in scores) bands[ruler] = bandOf(scores[ruler], BANDS);
    return { bands };
  },
  guide(scores, interpretation, { responseScale }) {
    const answered = RULERS.filter((ruler) => typeof scores[ruler] === 'number');
    return [
      ...answered.flatMap((ruler) => followUps(ruler, scores[ruler] as number, responseScale.min, responseScale.max)),
      ...focusGuidance(interpretation['bands'] as Partial<Record<Ruler, string | null>>),
    ];
  },
};

/** The readiness ruler instrument. */
export const readinessRuler = defineItemInstrument(readinessRulerDefinition);
