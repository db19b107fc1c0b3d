import { type ItemInstrumentDefinition, type NormRow, type NormTable, normOf, type Scores } from './definition';
import type { GuidanceTopic, RuleHit } from './guidance/types';
import * as z from './zod';

// why: SOCRATES 8 key, Miller & Tonigan 1996 (CASAA SOCRATES introduction and profile sheet, via
// TIP 35 Appendix B): Recognition 1, 3, 7, 10, 12, 15, 17 (7–35); Ambivalence 2, 6, 11, 16 (4–20);
// Taking Steps 4, 5, 8, 9, 13, 14, 18, 19 (8–40). Each scale is the sum of its items.
export const SOCRATES_KEY = {
  recognition: [1, 3, 7, 10, 12, 15, 17],
  ambivalence: [2, 6, 11, 16],
  takingSteps: [4, 5, 8, 9, 13, 14, 18, 19],
} as const;
type SocratesScale = keyof typeof SOCRATES_KEY;
const SCALES = Object.keys(SOCRATES_KEY) as SocratesScale[];

const SCALE_NAMES: Record<SocratesScale, string> = { recognition: 'Recognition', ambivalence: 'Ambivalence', takingSteps: 'Taking Steps' };

const row = (value: number, min: number, max: number, label?: string): NormRow => ({ value, min, max, ...(label ? { label } : {}) });

// why: Project MATCH decile table from the CASAA SOCRATES profile sheet (1,726 adults in alcohol
// treatment; TIP 35 Appendix B; support-recovery profile sheet copy), row by row. Recognition
// has no 80 or 90 rows: its maximum, 35, is decile 70.
const PROJECT_MATCH_DECILES: NormTable['scales'] = {
  recognition: [
    row(70, 35, 35, 'high'),
    row(60, 34, 34),
    row(50, 32, 33, 'medium'),
    row(40, 31, 31),
    row(30, 29, 30, 'low'),
    row(20, 27, 28),
    row(10, 7, 26, 'very low'),
  ],
  ambivalence: [
    row(90, 19, 20, 'very high'),
    row(80, 18, 18),
    row(70, 17, 17, 'high'),
    row(60, 16, 16),
    row(50, 15, 15, 'medium'),
    row(40, 14, 14),
    row(30, 12, 13, 'low'),
    row(20, 9, 11),
    row(10, 4, 8, 'very low'),
  ],
  takingSteps: [
    row(90, 39, 40, 'very high'),
    row(80, 37, 38),
    row(70, 36, 36, 'high'),
    row(60, 34, 35),
    row(50, 33, 33, 'medium'),
    row(40, 31, 32),
    row(30, 30, 30, 'low'),
    row(20, 26, 29),
    row(10, 8, 25, 'very low'),
  ],
};

/** The normative sample label every SOCRATES result carries (8A and 8D alike). */
export const SOCRATES_NORM_SAMPLE = 'alcohol-sample';

// why: OUR RULE — guidance reads a scale as high at decile 70 or above and low at decile 30 or
// below, the rows the profile sheet words "high"/"very high" and "low"/"very low" (and everything
// beyond them).
const LEVELS = { highFromDecile: 70, lowToDecile: 30 } as const;

// why: OUR RULE — the deciles rank a client against people already in alcohol treatment (the
// profile sheet: "relative to people already presenting for alcohol treatment"), so a client who
// agrees with every Recognition statement (7 × 4 = 28) still falls at decile 20, "low". Guidance
// therefore reads the raw agreement too, as the mean answer per item: at most 3 ("undecided or
// unsure") is not agreeing; 4 ("agree") or more is agreeing.
const AGREEMENT = { notAgreedAtMostMean: 3, agreedFromMean: 4 } as const;

type Deciles = Record<SocratesScale, number | null>;
const isHigh = (d: number | null) => d !== null && d >= LEVELS.highFromDecile;
const isLow = (d: number | null) => d !== null && d <= LEVELS.lowToDecile;
/** The mean answer per item of a scale sum, or null. */
const meanOf = (scores: Scores, scale: SocratesScale) => {
  const sum = scores[scale];
  return typeof sum === 'number' ? sum / SOCRATES_KEY[scale].length : null;
};

const RULES = [
  {
    id: 'recognition-not-agreed',
    when: `Recognition low by decile (≤ ${LEVELS.lowToDecile}) and not agreed (mean answer ≤ ${AGREEMENT.notAgreedAtMostMean}, "undecided" or below): engage with their view, leave the decision with them, ask about concerns; never argue or label.`,
    prompts: ['engage-how-see', 'engage-autonomy', 'evoke-concerns'],
  },
  {
    id: 'ambivalence-high',
    when: `Ambivalence decile ≥ ${LEVELS.highFromDecile} (wondering about their drinking or drug use): reflect the wondering and evoke the concerns in it. With style \`neutral\` only, the balanced exploration of both sides.`,
    prompts: ['reflect-wondering', 'evoke-wondering'],
    neutral: ['reflect-wondering', 'neutral-good-and-less-good'],
  },
  {
    id: 'taking-steps',
    when: `Taking Steps agreed (mean answer ≥ ${AGREEMENT.agreedFromMean}, a sum of 32 or more; every decile ≥ ${LEVELS.highFromDecile} is in it): the client is changing, so affirm and plan — what has helped, keeping it going, who can help.`,
    prompts: ['affirm-steps-taken', 'plan-steps-so-far', 'plan-keep-going', 'plan-who-helps'],
  },
  {
    id: 'recognition-agreed',
    when: `Recognition agreed more than not (mean answer > ${AGREEMENT.notAgreedAtMostMean}), whatever its decile, and Taking Steps not agreed: reflect the problems they see, then evoke need and ability.`,
    prompts: ['reflect-sees-problems', 'evoke-problems-matter', 'evoke-ability'],
  },
  {
    id: 'values',
    when: 'None of the above, with at least one scale scored: explore how the behaviour fits their values.',
    prompts: ['evoke-values'],
  },
] as const;

/**
 * The guidance rules that fire (OUR RULE; see RULES for each condition and its reason), in the
 * order recognition, ambivalence, taking steps, then the values prompt when nothing else fired.
 */
function guidanceHits(scores: Scores, deciles: Deciles): RuleHit[] {
  const hits: RuleHit[] = [];
  const recognition = meanOf(scores, 'recognition');
  const takingSteps = meanOf(scores, 'takingSteps');
  // why: low by the treatment-sample norms AND not agreeing — agreement alone decides otherwise.
  if (isLow(deciles.recognition) && recognition !== null && recognition <= AGREEMENT.notAgreedAtMostMean) {
    hits.push({ rule: 'recognition-not-agreed' });
  }
  // why: high ambivalence is wondering whether there is a problem (CASAA profile sheet): evoke, do not weigh both sides.
  if (isHigh(deciles.ambivalence)) hits.push({ rule: 'ambivalence-high' });
  // why: agreeing with the Taking Steps statements is changing, whatever the decile (norms from people in treatment).
  const changing = takingSteps !== null && takingSteps >= AGREEMENT.agreedFromMean;
  if (changing) hits.push({ rule: 'taking-steps' });
  // why: a client who agrees they have problems but is not yet taking steps is evoked, not planned with.
  else if (recognition !== null && recognition > AGREEMENT.notAgreedAtMostMean && takingSteps !== null) {
    hits.push({ rule: 'recognition-agreed' });
  }
  if (hits.length === 0 && SCALES.some((scale) => deciles[scale] !== null)) hits.push({ rule: 'values' });
  return hits;
}

/** What differs between SOCRATES 8A (alcohol) and 8D (drugs). */
export interface SocratesSpec {
  id: string;
  title: string;
  description: string;
  algorithm: string;
  /** How the prompts name the behaviour: `your drinking` (8A), `your drug use` (8D, refined by a drug `targetBehavior`). */
  topic: GuidanceTopic;
  /** The published CASAA wording of items 1–19, in order. */
  texts: readonly string[];
  /** Extra catalog notes (8D: the norms come from an alcohol sample). */
  notes: readonly string[];
}

/**
 * A SOCRATES version 8 questionnaire: 19 items 1–5, three scale sums, Project MATCH deciles, no stage.
 * @example socratesDefinition({ id: 'socrates-8a', topic: 'your drinking', texts: [...19 items], … })
 */
export function socratesDefinition(spec: SocratesSpec): ItemInstrumentDefinition {
  if (spec.texts.length !== 19) throw new Error(`${spec.id}: SOCRATES 8 has 19 items`);
  const scaleOf = (n: number) => SCALES.find((scale) => (SOCRATES_KEY[scale] as readonly number[]).includes(n))!;
  return {
    id: spec.id,
    // 1.1.0: guidance catalog 2.0.0 (recognition read by agreement as well as decile); the CASAA notice quoted; how the norms were drawn.
    version: '1.1.0',
    title: spec.title,
    description: spec.description,
    algorithm: spec.algorithm,
    responseScale: {
      min: 1,
      max: 5,
      anchors: [
        { value: 1, label: 'strongly disagree' },
        { value: 2, label: 'disagree' },
        { value: 3, label: 'undecided or unsure' },
        { value: 4, label: 'agree' },
        { value: 5, label: 'strongly agree' },
      ],
    },
    items: spec.texts.map((text, i) => ({ id: String(i + 1), label: `${SCALE_NAMES[scaleOf(i + 1)]} statement (item ${i + 1})`, text })),
    scales: SCALES.map((scale) => ({ id: scale, items: SOCRATES_KEY[scale].map(String), method: 'sum' as const })),
    norms: {
      id: 'project-match-deciles',
      statistic: 'decile',
      sample: SOCRATES_NORM_SAMPLE,
      description:
        'Project MATCH decile norms (CASAA SOCRATES profile sheet): "based on a sample of 1,726 adult men and women presenting for treatment of alcohol problems through Project MATCH. Note that individual scores are therefore being ranked as low, medium, or high relative to people already presenting for alcohol treatment."',
      scales: PROJECT_MATCH_DECILES,
    },
    // why: OUR RULE — more taking steps is change under way.
    outcome: { score: 'takingSteps', better: 'higher' },
    rules: { guidanceLevels: { ...LEVELS }, guidanceAgreement: { ...AGREEMENT } },
    scoring: [
      ...SCALES.map((scale) => `${scale} = sum of items ${SOCRATES_KEY[scale].join(', ')}.`),
      'A scale with any unanswered item is null (never prorated); its decile is then null.',
    ],
    interpretationRules: [
      'interpretation.deciles.<scale>: the Project MATCH decile (10–90) of each scale sum; recognition tops out at decile 70 (a sum of 35).',
      `interpretation.norms: \`${SOCRATES_NORM_SAMPLE}\` — the deciles come from adults in alcohol treatment.`,
      'No stage is assigned. High recognition: openly acknowledges problems; high ambivalence: wonders whether they have a problem (read with recognition); high taking steps: already changing.',
      `Guidance (rules under \`guidance\`): a decile ≥ ${LEVELS.highFromDecile} is high and ≤ ${LEVELS.lowToDecile} is low, and agreement is read from the raw sum as the mean answer per item (≤ ${AGREEMENT.notAgreedAtMostMean} not agreeing, ≥ ${AGREEMENT.agreedFromMean} agreeing), because the deciles rank against people already in alcohol treatment. Recognition low and not agreed → engage, never argue; high ambivalence → reflect and evoke (both sides only with \`guidance.style: "neutral"\`); Taking Steps agreed → affirm and plan; Recognition agreed without Taking Steps → evoke need and ability; otherwise → explore values.`,
    ],
    ourRules: [
      { id: 'missing-items', rule: 'A scale with any unanswered item is null (never prorated, never 0); its decile is then null.' },
      {
        id: 'guidance-levels',
        rule: `For guidance a scale is high at decile ${LEVELS.highFromDecile} or above and low at decile ${LEVELS.lowToDecile} or below.`,
      },
      {
        id: 'guidance-agreement',
        rule: `For guidance a scale is agreed when its mean answer per item is ${AGREEMENT.agreedFromMean} ("agree") or more, and not agreed at ${AGREEMENT.notAgreedAtMostMean} ("undecided or unsure") or less, whatever its decile.`,
      },
      { id: 'guidance', rule: "The MI guidance chosen for each pattern of deciles is the product's decision." },
    ],
    notes: spec.notes,
    licence: {
      status: 'public-domain',
      itemText: true,
      note: 'CASAA’s SOCRATES (version 8) introduction: "It is a public domain instrument and may be used without special permission." The same introduction says: "These instruments are provided for research uses only." Quoted from a copy of the CASAA introduction; the CASAA instruments page itself could not be read when this was written, so the quote is not checked against its current wording. The catalog carries the published item wording.',
    },
    sources: [
      {
        citation:
          "Miller & Tonigan (1996). Assessing drinkers' motivation for change: the Stages of Change Readiness and Treatment Eagerness Scale (SOCRATES). Psychology of Addictive Behaviors 10(2), 81–89.",
      },
      {
        citation:
          'CASAA (University of New Mexico): SOCRATES introduction, forms 8A and 8D, and scoring/profile sheet (Project MATCH deciles)',
      },
      { citation: 'SAMHSA Treatment Improvement Protocol (TIP) 35, Appendix B: SOCRATES and profile sheet' },
      {
        citation:
          'support-recovery.blogspot.com: SOCRATES profile sheet copy (the norms’ sample and the "relative to people already presenting for alcohol treatment" note)',
      },
      {
        citation:
          'Factor structure of the SOCRATES in a sample of primary care patients (301 at-risk drinkers in 13 primary care clinics): a two-factor structure fitted better than the three scales',
      },
    ],
    guidance: { topic: spec.topic, rules: RULES },
    interpret(scores: Scores) {
      const deciles = Object.fromEntries(SCALES.map((scale) => [scale, normOf(scores[scale], PROJECT_MATCH_DECILES[scale]!)])) as Deciles;
      return { deciles, norms: SOCRATES_NORM_SAMPLE };
    },
    interpretationShape: () => ({
      deciles: z.strictObject(
        Object.fromEntries(
          SCALES.map((scale) => [scale, z.nullable(z.literal(PROJECT_MATCH_DECILES[scale]!.map((r) => r.value) as [number, ...number[]]))]),
        ),
      ),
      norms: z.literal(SOCRATES_NORM_SAMPLE),
    }),
    guide: (scores, interpretation) => guidanceHits(scores, interpretation['deciles'] as Deciles),
  };
}
