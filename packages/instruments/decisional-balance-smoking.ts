import { HABITS_LICENCE } from './decisional-balance-alcohol';
import { prosConsDefinition } from './decisional-balance-scale';
import type { Anchor, Source } from './definition';
import { defineItemInstrument } from './engine';

export const VELICER_SOURCES: readonly Source[] = [
  {
    citation:
      'Velicer WF, DiClemente CC, Prochaska JO, Brandenburg N. Decisional balance measure for assessing and predicting smoking status. J Pers Soc Psychol. 1985;48(5):1279–1289.',
  },
  {
    citation:
      'Cancer Prevention Research Center, University of Rhode Island: Smoking: Decisional Balance (long and short forms), with the answer labels 1 = Not important … 5 = Extremely important',
    url: 'https://web.uri.edu/cprc/smoking-decisional-balance-short-form/',
  },
  { citation: 'HABITS Lab, UMBC: Decisional Balance scoring', url: 'https://habitslab.umbc.edu/decisional-balance-scoring' },
  {
    citation: 'HABITS Lab, UMBC: Decisional Balance Scales — "Instrument is not copyrighted and available at no cost"',
    url: 'https://habitslab.umbc.edu/decisional-balance-scales',
  },
];

// why: the CPRC measures pages print all five labels, long and short forms alike:
// "1 = Not important, 2 = Slightly important, 3 = Moderately important, 4 = Very important, 5 = Extremely important".
export const CPRC_ANCHORS: readonly Anchor[] = [
  { value: 1, label: 'Not important' },
  { value: 2, label: 'Slightly important' },
  { value: 3, label: 'Moderately important' },
  { value: 4, label: 'Very important' },
  { value: 5, label: 'Extremely important' },
];

// why: the smoking scales' statements are about smoking, so their prompts name smoking.
export const SMOKING_TOPIC = { behaviour: 'your smoking', change: 'a change in your smoking', refinedBy: [] } as const;

// why: long form — pros are the odd items, cons the even items (web.uri.edu/cprc; habitslab.umbc.edu).
const PROS = [1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
const CONS = [2, 4, 6, 8, 10, 12, 14, 16, 18, 20];

/** Data of the 20-item smoking decisional balance scale (Velicer et al. 1985). */
export const decisionalBalanceSmokingDefinition = prosConsDefinition({
  id: 'decisional-balance-smoking',
  title: 'Smoking Decisional Balance Scale',
  description:
    'Twenty statements about smoking, each rated 1 (not important) to 5 (extremely important); mean importance of the pros and of the cons of smoking.',
  algorithm: 'decisional-balance-smoking-20',
  behaviour: 'smoking',
  topic: SMOKING_TOPIC,
  anchors: CPRC_ANCHORS,
  itemCount: 20,
  pros: PROS,
  cons: CONS,
  // why: each side is its sum divided by 10 (web.uri.edu/cprc; habitslab.umbc.edu).
  scoring: ['pros = sum of the odd items ÷ 10.', 'cons = sum of the even items ÷ 10.'],
  sources: VELICER_SOURCES,
  licence: HABITS_LICENCE,
});

/** The 20-item smoking decisional balance instrument. */
export const decisionalBalanceSmoking = defineItemInstrument(decisionalBalanceSmokingDefinition);
