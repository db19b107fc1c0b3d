import { type GroupMean, type ItemInstrumentDefinition, nearestMean } from './definition';
import { defineItemInstrument } from './engine';
import { stageGuidance } from './stage-guidance';

// why: scoring grid of vcu.edu/vattc/uricascoring and habitslab.umbc.edu/urica-scoring — seven
// items per scale, each scale the item sum divided by 7.
const KEY = {
  precontemplation: [1, 5, 11, 13, 23, 26, 29],
  contemplation: [2, 8, 12, 15, 19, 21, 24],
  action: [3, 7, 10, 14, 17, 25, 30],
  maintenance: [6, 16, 18, 22, 27, 28, 32],
} as const;
type UricaScale = keyof typeof KEY;

// why: administered but not scored (vcu.edu/vattc/uricascoring; habitslab.umbc.edu/urica-scoring).
const UNSCORED = [4, 9, 20, 31] as const;

// why: published group means of readiness (C + A + M − PC) by stage, vcu.edu/vattc/uricascoring:
// precontemplation 9.3, contemplation 11.0, action ("participation") 12.6. No maintenance mean is
// published, so maintenance is never assigned. The 8/11/14 cut-offs often quoted could not be traced
// to a source and are deliberately not used (instruments.md).
const GROUP_MEANS: readonly GroupMean[] = [
  { label: 'precontemplation', mean: 9.3 },
  { label: 'contemplation', mean: 11.0 },
  { label: 'action', mean: 12.6 },
];

// why: OUR RULE — a readiness exactly halfway between two group means (10.15 or 11.8) goes to the
// earlier stage: in MI, meeting someone at a less advanced stage than they are costs little, while
// planning action with someone who is not ready invites resistance. With whole-number answers
// readiness is a multiple of 1/7 and never lands exactly halfway; the rule exists for completeness.
const TIE = 'earlier' as const;

const scaleOf = (n: number) => (Object.keys(KEY) as UricaScale[]).find((scale) => (KEY[scale] as readonly number[]).includes(n));

/** Data of the URICA (32 items administered, 28 scored). */
export const uricaDefinition: ItemInstrumentDefinition = {
  id: 'urica',
  version: '1.0.0',
  title: 'University of Rhode Island Change Assessment (URICA)',
  description:
    'Thirty-two statements rated 1 (strongly disagree) to 5 (strongly agree); 28 are scored into precontemplation, contemplation, action and maintenance means, combined into a readiness score.',
  algorithm: 'urica-28',
  responseScale: {
    min: 1,
    max: 5,
    anchors: [
      { value: 1, label: 'strongly disagree' },
      { value: 2, label: 'disagree' },
      { value: 3, label: 'undecided' },
      { value: 4, label: 'agree' },
      { value: 5, label: 'strongly agree' },
    ],
  },
  items: Array.from({ length: 32 }, (_, i) => {
    const n = i + 1;
    const scale = scaleOf(n);
    return scale
      ? { id: String(n), label: `${scale[0]!.toUpperCase()}${scale.slice(1)} statement (item ${n})` }
      : { id: String(n), label: `Unscored statement (item ${n})`, scored: false as const };
  }),
  scales: (Object.keys(KEY) as UricaScale[]).map((scale) => ({ id: scale, items: KEY[scale].map(String), method: 'mean' as const })),
  // why: readiness = C + A + M − PC, the means (vcu.edu/vattc/uricascoring; range −2 to 14).
  derived: [{ id: 'readiness', plus: ['contemplation', 'action', 'maintenance'], minus: ['precontemplation'] }],
  // why: OUR RULE — a higher readiness (C + A + M − PC) is movement toward change.
  outcome: { score: 'readiness', better: 'higher' },
  rules: { stage: { method: 'nearest-group-mean', of: 'readiness', groupMeans: GROUP_MEANS.map((g) => ({ ...g })), tie: TIE } },
  scoring: [
    ...(Object.keys(KEY) as UricaScale[]).map((scale) => `${scale} = sum of items ${KEY[scale].join(', ')} ÷ 7.`),
    `Items ${UNSCORED.join(', ')} are administered but not scored: they never affect any output and are never listed in \`missing\`.`,
    'readiness = contemplation + action + maintenance − precontemplation (range −2 to 14). Unrounded.',
    'A scale with any unanswered scored item is null (never prorated); readiness and stage are then null.',
  ],
  interpretationRules: [
    'interpretation.stage: the stage whose published group mean of readiness is nearest — precontemplation 9.3, contemplation 11.0, action ("participation") 12.6. No maintenance group mean is published, so maintenance is never assigned.',
    'An exact tie between two group means goes to the earlier stage (OUR RULE; unreachable with whole-number answers).',
    'Cut-off scores often quoted for readiness could not be traced to a published source and are not used.',
    'Guidance follows the stage: precontemplation → express empathy and roll with resistance; contemplation → explore both sides and develop discrepancy; action → support self-efficacy.',
  ],
  ourRules: [
    {
      id: 'missing-items',
      rule: 'A scale with any unanswered scored item is null (never prorated, never 0); readiness and stage are then null.',
    },
    {
      id: 'unscored-items',
      rule: 'Unanswered unscored items (4, 9, 20, 31) are not listed in `missing` and never make a result incomplete.',
    },
    { id: 'stage-tie', rule: 'A readiness exactly halfway between two group means is staged at the earlier stage.' },
    { id: 'guidance', rule: "The MI guidance chosen for each stage is the product's decision." },
  ],
  notes: [
    'Readiness predicts outcome before treatment; to follow progress during treatment, trend the action and maintenance means.',
    'Stage is the nearest published group mean, not a cut-off: read it as a conversation starting point, not a diagnosis.',
  ],
  licence: {
    status: 'copyrighted',
    itemText: false,
    note: 'The authors hold the copyright of the item wording: the catalog carries item ids and our own neutral labels only.',
  },
  sources: [
    {
      citation:
        'McConnaughy, Prochaska & Velicer (1983). Stages of change in psychotherapy: measurement and sample profiles. Psychotherapy: Theory, Research and Practice 20(3), 368–375.',
    },
    { citation: 'VCU Mid-Atlantic ATTC: URICA scoring (grid, ÷7, group means)', url: 'https://www.vcu.edu/vattc/uricascoring' },
    { citation: 'HABITS Lab, UMBC: URICA scoring', url: 'https://habitslab.umbc.edu/urica-scoring' },
  ],
  interpret: (scores) => ({ stage: nearestMean(scores['readiness'], GROUP_MEANS, TIE) }),
  guide: (_scores, interpretation) => stageGuidance(interpretation['stage'], 'the situation that brought you here'),
};

/** The URICA instrument. */
export const urica = defineItemInstrument(uricaDefinition);
