import { highestOf, type ItemInstrumentDefinition } from './definition';
import { defineItemInstrument } from './engine';
import { stageHits, stageRules } from './stage-guidance';
import * as z from './zod';

// why: the widely cited RCQ key (carlbring.se/fbanken/rcq), which matches item content; the
// manual's own page could not be read, so the catalog labels it "to be confirmed against the RCQ
// manual" (docs/scoring.md). No item is reversed for staging.
const KEY = {
  precontemplation: [1, 5, 10, 12],
  contemplation: [3, 4, 8, 9],
  action: [2, 6, 7, 11],
} as const;
type RcqScale = keyof typeof KEY;

// why: stage = the scale with the highest sum; on a tie the further stage wins — action over
// contemplation over precontemplation (carlbring.se/fbanken/rcq). Order here is the stage order.
const STAGE_ORDER: readonly RcqScale[] = ['precontemplation', 'contemplation', 'action'];
const TIE = 'later' as const;

const KEY_STATUS = 'to be confirmed against the RCQ manual';
const scaleOf = (n: number) => STAGE_ORDER.find((scale) => (KEY[scale] as readonly number[]).includes(n))!;

/** Data of the 12-item Readiness to Change Questionnaire. */
export const rcqDefinition: ItemInstrumentDefinition = {
  id: 'rcq',
  // 1.1.0: guidance catalog 2.0.0; the catalog says what the RCQ was built for.
  version: '1.1.0',
  title: 'Readiness to Change Questionnaire (RCQ)',
  description:
    'Twelve statements about drinking rated −2 (strongly disagree) to +2 (strongly agree); precontemplation, contemplation and action sums, and the stage of the highest sum.',
  algorithm: 'rcq-12',
  responseScale: {
    min: -2,
    max: 2,
    anchors: [
      { value: -2, label: 'strongly disagree' },
      { value: -1, label: 'disagree' },
      { value: 0, label: 'unsure' },
      { value: 1, label: 'agree' },
      { value: 2, label: 'strongly agree' },
    ],
  },
  items: Array.from({ length: 12 }, (_, i) => {
    const scale = scaleOf(i + 1);
    return { id: String(i + 1), label: `${scale[0]!.toUpperCase()}${scale.slice(1)} statement (item ${i + 1})` };
  }),
  scales: STAGE_ORDER.map((scale) => ({ id: scale, items: KEY[scale].map(String), method: 'sum' as const })),
  // why: OUR RULE — a higher action sum is movement toward change.
  outcome: { score: 'action', better: 'higher' },
  rules: { stage: { method: 'highest-scale', order: [...STAGE_ORDER], tie: 'further-stage' } },
  scoring: [
    ...STAGE_ORDER.map((scale) => `${scale} = sum of items ${KEY[scale].join(', ')} (−8 to +8).`),
    `Item key: ${KEY_STATUS}.`,
    'A scale with any unanswered item is null (never prorated); the stage is then null.',
  ],
  interpretationRules: [
    'interpretation.stage: the scale with the highest sum; on a tie the further stage wins (action over contemplation over precontemplation).',
    'Guidance follows the stage (rules under `guidance`): precontemplation → engage and leave the decision with the client; contemplation → evoke change talk (the balanced exploration of both sides only with `guidance.style: "neutral"`); action → affirm the steps taken and plan.',
  ],
  ourRules: [
    {
      id: 'missing-items',
      rule: 'A scale with any unanswered item is null (never prorated, never 0); the stage is then null, even if the other scales are known.',
    },
    { id: 'guidance', rule: "The MI guidance chosen for each stage is the product's decision." },
  ],
  notes: [
    'Built for opportunistic brief intervention with excessive drinkers: "a 12-item instrument for measuring the “stage of change” reached by an excessive drinker of alcohol" (Heather & Rollnick, RCQ User’s Manual, NDARC Technical Report No. 19, 1993), developed "for use in brief, opportunistic interventions among excessive drinkers" (Rollnick et al. 1992, title).',
    `The item key is the widely cited one and matches item content, but it is ${KEY_STATUS}.`,
  ],
  licence: {
    status: 'copyrighted',
    itemText: false,
    note: '© Heather & Rollnick: the catalog carries item ids and our own neutral labels only.',
  },
  sources: [
    {
      citation:
        'Rollnick, Heather, Gold & Hall (1992). Development of a short "readiness to change" questionnaire for use in brief, opportunistic interventions among excessive drinkers. British Journal of Addiction 87(5), 743–754.',
    },
    {
      citation:
        'Heather N, Rollnick S. Readiness to Change Questionnaire: User’s Manual (revised version). NDARC Technical Report No. 19, 1993',
      url: 'https://ndarc.med.unsw.edu.au/resource/readiness-change-questionnaire-users-manual-revised-version',
    },
    { citation: 'carlbring.se: RCQ coding, three 4-item scales, highest scale and tie rule', url: 'https://www.carlbring.se/fbanken/rcq' },
  ],
  // why: the RCQ's statements are about drinking (Rollnick et al. 1992), so its prompts name drinking whatever the request says.
  guidance: {
    topic: { behaviour: 'your drinking', change: 'a change in your drinking', refinedBy: [] },
    rules: stageRules(['precontemplation', 'contemplation', 'action']),
  },
  interpret: (scores) => ({ stage: highestOf(scores, STAGE_ORDER, TIE) }),
  interpretationShape: () => ({ stage: z.nullable(z.enum(STAGE_ORDER)) }),
  guide: (_scores, interpretation) => stageHits(interpretation['stage']),
};

/** The RCQ instrument. */
export const rcq = defineItemInstrument(rcqDefinition);
