import type { Guidance } from '../domain/records';
import { type ItemInstrumentDefinition, type NormRow, type NormTable, normOf, type Scores } from './definition';

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
// treatment; TIP 35 Appendix B; support-recovery profile sheet copy), as transcribed in
// instruments.md. Recognition has no 80 or 90 rows: its maximum, 35, is decile 70.
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

type Deciles = Record<SocratesScale, number | null>;
const isHigh = (d: number | null) => d !== null && d >= LEVELS.highFromDecile;
const isLow = (d: number | null) => d !== null && d <= LEVELS.lowToDecile;

/**
 * MI guidance from the deciles (OUR RULE): low recognition → express empathy and roll with
 * resistance, never argue; high ambivalence → explore both sides; high taking steps → support
 * self-efficacy and maintenance; high recognition without high taking steps → first steps;
 * otherwise → explore values.
 */
function guidance(deciles: Deciles, topic: string): Guidance[] {
  const out: Guidance[] = [];
  if (isLow(deciles.recognition)) {
    out.push(
      { principle: 'express-empathy', focus: 'understand-their-view', prompt: `How do you see ${topic} at the moment?` },
      {
        principle: 'roll-with-resistance',
        focus: 'explore-concerns',
        prompt: `What, if anything, would you like to be different about ${topic}?`,
      },
      {
        principle: 'avoid-argument',
        focus: 'understand-their-view',
        prompt: 'What would you most want me to understand about your situation?',
      },
    );
  }
  if (isHigh(deciles.ambivalence)) {
    out.push(
      {
        principle: 'express-empathy',
        focus: 'explore-both-sides',
        prompt: `What are the good things about ${topic} for you, and what are the less good things?`,
      },
      {
        principle: 'develop-discrepancy',
        focus: 'explore-both-sides',
        prompt: `When you wonder about ${topic}, what goes through your mind?`,
      },
    );
  }
  if (isHigh(deciles.takingSteps)) {
    out.push(
      {
        principle: 'support-self-efficacy',
        focus: 'support-change',
        prompt: 'What changes have you already made, and how did you manage them?',
      },
      {
        principle: 'support-self-efficacy',
        focus: 'maintain',
        prompt: 'What will help you keep these changes going when things get hard?',
      },
    );
  } else if (isHigh(deciles.recognition) && deciles.takingSteps !== null) {
    out.push({ principle: 'support-self-efficacy', focus: 'plan', prompt: 'If you decided to make a change, what might be a first step?' });
  }
  if (out.length === 0 && SCALES.some((scale) => deciles[scale] !== null)) {
    out.push({
      principle: 'develop-discrepancy',
      focus: 'explore-values',
      prompt: `How does ${topic} fit with the things that matter most to you?`,
    });
  }
  return out;
}

/** What differs between SOCRATES 8A (alcohol) and 8D (drugs). */
export interface SocratesSpec {
  id: string;
  title: string;
  description: string;
  algorithm: string;
  /** The behaviour as the prompts name it: `your drinking`, `your drug use`. */
  topic: string;
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
    version: '1.0.0',
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
      description: 'Project MATCH decile norms (CASAA SOCRATES profile sheet): 1,726 adults in treatment for alcohol problems.',
      scales: PROJECT_MATCH_DECILES,
    },
    // why: OUR RULE — more taking steps is change under way.
    outcome: { score: 'takingSteps', better: 'higher' },
    rules: { guidanceLevels: { ...LEVELS } },
    scoring: [
      ...SCALES.map((scale) => `${scale} = sum of items ${SOCRATES_KEY[scale].join(', ')}.`),
      'A scale with any unanswered item is null (never prorated); its decile is then null.',
    ],
    interpretationRules: [
      'interpretation.deciles.<scale>: the Project MATCH decile (10–90) of each scale sum; recognition tops out at decile 70 (a sum of 35).',
      `interpretation.norms: \`${SOCRATES_NORM_SAMPLE}\` — the deciles come from adults in alcohol treatment.`,
      'No stage is assigned. High recognition: openly acknowledges problems; high ambivalence: wonders whether they have a problem (read with recognition); high taking steps: already changing.',
      `Guidance: decile ≥ ${LEVELS.highFromDecile} is high and ≤ ${LEVELS.lowToDecile} is low. Low recognition → express empathy and roll with resistance, never argue; high ambivalence → explore both sides; high taking steps → support self-efficacy and maintaining change; high recognition without high taking steps → explore a first step; otherwise → explore values.`,
    ],
    ourRules: [
      { id: 'missing-items', rule: 'A scale with any unanswered item is null (never prorated, never 0); its decile is then null.' },
      {
        id: 'guidance-levels',
        rule: `For guidance a scale is high at decile ${LEVELS.highFromDecile} or above and low at decile ${LEVELS.lowToDecile} or below.`,
      },
      { id: 'guidance', rule: "The MI guidance chosen for each pattern of deciles is the product's decision." },
    ],
    notes: spec.notes,
    licence: {
      status: 'public-domain',
      itemText: true,
      note: 'Public domain (Miller & Tonigan; CASAA): the catalog carries the published item wording.',
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
      { citation: 'support-recovery.blogspot.com: SOCRATES profile sheet copy' },
    ],
    interpret(scores: Scores) {
      const deciles = Object.fromEntries(SCALES.map((scale) => [scale, normOf(scores[scale], PROJECT_MATCH_DECILES[scale]!)])) as Deciles;
      return { deciles, norms: SOCRATES_NORM_SAMPLE };
    },
    guide: (_scores, interpretation) => guidance(interpretation['deciles'] as Deciles, spec.topic),
  };
}
