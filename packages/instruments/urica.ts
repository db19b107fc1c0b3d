import { type GroupMean, type ItemInstrumentDefinition, nearestMean } from './definition';
import { defineItemInstrument } from './engine';
import { stageHits, stageRules } from './stage-guidance';
import * as z from './zod';

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
// The item numbers are those of the 32-item alcohol and drug versions of the HABITS Lab (UMBC),
// whose page documents the four items that "did not load well" (habitslab.umbc.edu/urica). The
// psychotherapy form (McConnaughy et al. 1983) and the 24-item forms order their items otherwise.
const UNSCORED = [4, 9, 20, 31] as const;

// why: published group means of readiness (C + A + M − PC) by stage, vcu.edu/vattc/uricascoring:
// precontemplation 9.3, contemplation 11.0, action ("participation") 12.6. No maintenance mean is
// published, so maintenance is never assigned. The 8/11/14 cut-offs often quoted could not be traced
// to a source and are deliberately not used (docs/scoring.md).
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
  // 1.1.0: guidance catalog 2.0.0 (evoking before planning); the catalog says which form the item numbers are.
  version: '1.1.0',
  title: 'University of Rhode Island Change Assessment (URICA)',
  description:
    'Thirty-two statements (the 32-item alcohol or drug version, HABITS Lab numbering) rated 1 (strongly disagree) to 5 (strongly agree); 28 are scored into precontemplation, contemplation, action and maintenance means, combined into a readiness score.',
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
    'Guidance follows the stage (rules under `guidance`): precontemplation → engage and leave the decision with the client; contemplation → evoke change talk (the balanced exploration of both sides only with `guidance.style: "neutral"`); action → affirm the steps taken and plan.',
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
    'Item numbers are those of the 32-item URICA alcohol and drug versions of the HABITS Lab (UMBC), for which the key with items 4, 9, 20 and 31 unscored is documented: "The original alcohol version of the URICA consisted of 32 items. However, four of these items did not load well so only 28 items are actually used for scoring" (habitslab.umbc.edu/urica; the drug version likewise), scored with the grid of habitslab.umbc.edu/urica-scoring and vcu.edu/vattc/uricascoring.',
    'Not supported: the 32-item psychotherapy form (McConnaughy, Prochaska & Velicer 1983; web.uri.edu/cprc) and the 24-item forms (two 12-item forms A and B) order their items differently; answers numbered by those forms would be scored with the wrong key. The HABITS Lab: "if you alter the order of the questions from the order already used in our versions of the URICA, you must adjust the grid".',
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
      citation: 'HABITS Lab, UMBC: URICA alcohol and drug versions, 32 items of which 28 are scored (the numbering and key used here)',
      url: 'https://habitslab.umbc.edu/urica',
    },
    { citation: 'HABITS Lab, UMBC: URICA scoring', url: 'https://habitslab.umbc.edu/urica-scoring' },
    { citation: 'VCU Mid-Atlantic ATTC: URICA scoring (grid, ÷7, group means)', url: 'https://www.vcu.edu/vattc/uricascoring' },
    {
      citation:
        'McConnaughy, Prochaska & Velicer (1983). Stages of change in psychotherapy: measurement and sample profiles. Psychotherapy: Theory, Research and Practice 20(3), 368–375 (the original psychotherapy form; its item order is not the one used here).',
    },
  ],
  // why: URICA speaks of "my problem"; the request's target behaviour, when given, names it.
  guidance: {
    topic: {
      behaviour: 'the situation that brought you here',
      change: 'a change in the situation that brought you here',
      refinedBy: 'any',
    },
    rules: stageRules(['precontemplation', 'contemplation', 'action']),
  },
  interpret: (scores) => ({ stage: nearestMean(scores['readiness'], GROUP_MEANS, TIE) }),
  interpretationShape: () => ({ stage: z.nullable(z.enum(GROUP_MEANS.map((g) => g.label) as [string, ...string[]])) }),
  guide: (_scores, interpretation) => stageHits(interpretation['stage']),
};

/** The URICA instrument. */
export const urica = defineItemInstrument(uricaDefinition);
