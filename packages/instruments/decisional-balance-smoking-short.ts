import { HABITS_LICENCE } from './decisional-balance-alcohol';
import { prosConsDefinition } from './decisional-balance-scale';
import { CPRC_ANCHORS, SMOKING_TOPIC, VELICER_SOURCES } from './decisional-balance-smoking';
import { defineItemInstrument } from './engine';

// why: short form — pros 1, 3, 5; cons 2, 4, 6 (web.uri.edu/cprc short form; habitslab.umbc.edu).
const PROS = [1, 3, 5];
const CONS = [2, 4, 6];

/** Data of the 6-item smoking decisional balance scale (short form). */
export const decisionalBalanceSmokingShortDefinition = prosConsDefinition({
  id: 'decisional-balance-smoking-short',
  title: 'Smoking Decisional Balance Scale (short form)',
  description:
    'Six statements about smoking, each rated 1 (not important) to 5 (extremely important); mean importance of the pros and of the cons of smoking.',
  algorithm: 'decisional-balance-smoking-6',
  behaviour: 'smoking',
  topic: SMOKING_TOPIC,
  anchors: CPRC_ANCHORS,
  itemCount: 6,
  pros: PROS,
  cons: CONS,
  // why: each side is its sum divided by 3; the HABITS page prints ÷10 for short-form cons, a typo its
  // own text contradicts ("divide by 3").
  scoring: ['pros = sum of items 1, 3, 5 ÷ 3.', 'cons = sum of items 2, 4, 6 ÷ 3.'],
  sources: VELICER_SOURCES,
  licence: HABITS_LICENCE,
});

/** The 6-item smoking decisional balance instrument. */
export const decisionalBalanceSmokingShort = defineItemInstrument(decisionalBalanceSmokingShortDefinition);
