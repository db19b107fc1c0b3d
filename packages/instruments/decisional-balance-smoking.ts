import { prosConsDefinition } from './decisional-balance-scale';
import type { Source } from './definition';
import { defineItemInstrument } from './engine';

export const VELICER_SOURCES: readonly Source[] = [
  {
    citation:
      'Velicer WF, DiClemente CC, Prochaska JO, Brandenburg N. Decisional balance measure for assessing and predicting smoking status. J Pers Soc Psychol. 1985;48(5):1279–1289.',
  },
  {
    citation: 'Cancer Prevention Research Center, University of Rhode Island: Decisional Balance, smoking (long and short forms)',
    url: 'https://web.uri.edu/cprc',
  },
  { citation: 'HABITS Lab, UMBC: Decisional Balance scoring', url: 'https://habitslab.umbc.edu/decisional-balance-scoring' },
];

export const SMOKING_LICENCE_NOTE =
  'No licence for the item wording was found: the catalog carries item ids and our own neutral labels only.';

// why: long form — pros are the odd items, cons the even items (web.uri.edu/cprc; habitslab.umbc.edu).
const PROS = [1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
const CONS = [2, 4, 6, 8, 10, 12, 14, 16, 18, 20];

/** Data of the 20-item smoking decisional balance scale (Velicer et al. 1985). */
export const decisionalBalanceSmokingDefinition = prosConsDefinition({
  id: 'decisional-balance-smoking',
  title: 'Smoking Decisional Balance Scale',
  description:
    'Twenty statements about smoking, each rated 1 (not important at all) to 5 (extremely important); mean importance of the pros and of the cons of smoking.',
  algorithm: 'decisional-balance-smoking-20',
  behaviour: 'smoking',
  itemCount: 20,
  pros: PROS,
  cons: CONS,
  // why: each side is its sum divided by 10 (web.uri.edu/cprc; habitslab.umbc.edu).
  scoring: ['pros = sum of the odd items ÷ 10.', 'cons = sum of the even items ÷ 10.'],
  sources: VELICER_SOURCES,
  licenceNote: SMOKING_LICENCE_NOTE,
});

/** The 20-item smoking decisional balance instrument. */
export const decisionalBalanceSmoking = defineItemInstrument(decisionalBalanceSmokingDefinition);
