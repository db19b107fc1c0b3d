import { prosConsDefinition } from './decisional-balance-scale';
import type { Anchor, Licence, Source } from './definition';
import { defineItemInstrument } from './engine';

// why: TIP 35 Appendix B key, as printed by habitslab.umbc.edu/decisional-balance-scoring and sacada.org.
export const TIP35_PROS = [2, 4, 7, 9, 11, 14, 16, 17, 19, 20] as const;
export const TIP35_CONS = [1, 3, 5, 6, 8, 10, 12, 13, 15, 18] as const;

export const TIP35_SOURCES: readonly Source[] = [
  { citation: 'SAMHSA Treatment Improvement Protocol (TIP) 35, Appendix B: Alcohol (and Illegal Drugs) Decisional Balance Scale' },
  {
    citation: 'HABITS Lab, UMBC: Decisional Balance Scales — "Instrument is not copyrighted and available at no cost"',
    url: 'https://habitslab.umbc.edu/decisional-balance-scales',
  },
  { citation: 'HABITS Lab, UMBC: Decisional Balance scoring', url: 'https://habitslab.umbc.edu/decisional-balance-scoring' },
  { citation: 'sacada.org: Alcohol and Drugs Decisional Balance Scale (same key)' },
];

export const TIP35_SCORING = [
  // why: pros and cons are each the item sum divided by 10 (habitslab.umbc.edu; sacada.org).
  `pros = sum of items ${TIP35_PROS.join(', ')} ÷ 10.`,
  `cons = sum of items ${TIP35_CONS.join(', ')} ÷ 10.`,
];

/**
 * why: the HABITS Lab page for the decisional balance scales (alcohol, drug and smoking versions)
 * states "Instrument is not copyrighted and available at no cost". The catalog still carries only
 * ids and our own labels: the item wording has not been transcribed from a primary copy.
 */
export const HABITS_LICENCE: Licence = {
  status: 'not-copyrighted',
  itemText: false,
  note: 'HABITS Lab (UMBC), Decisional Balance Scales: "Instrument is not copyrighted and available at no cost" (habitslab.umbc.edu/decisional-balance-scales). The catalog carries item ids and our own neutral labels: the item wording has not been transcribed from a primary copy yet.',
};

// why: TIP 35 (Appendix B) prints the two end labels: 1 = not important at all … 5 = extremely important.
export const TIP35_ANCHORS: readonly Anchor[] = [
  { value: 1, label: 'not important at all' },
  { value: 5, label: 'extremely important' },
];

/**
 * What the alcohol and the drugs forms share: TIP 35 publishes one "Alcohol (and Illegal Drugs)"
 * scale, so both have its 20 items, anchors, key, scoring text, sources and licence.
 */
export const TIP35_FORM = {
  anchors: TIP35_ANCHORS,
  itemCount: 20,
  pros: TIP35_PROS,
  cons: TIP35_CONS,
  scoring: TIP35_SCORING,
  sources: TIP35_SOURCES,
  licence: HABITS_LICENCE,
} as const;

/** Data of the 20-item alcohol decisional balance scale (TIP 35). */
export const decisionalBalanceAlcoholDefinition = prosConsDefinition({
  id: 'decisional-balance-alcohol',
  title: 'Alcohol Decisional Balance Scale',
  description:
    'Twenty statements about drinking, each rated 1 (not important at all) to 5 (extremely important); mean importance of the pros and of the cons of drinking.',
  algorithm: 'decisional-balance-alcohol-20',
  behaviour: 'drinking',
  // why: the statements are about drinking, so its prompts name drinking whatever the request says.
  topic: { behaviour: 'your drinking', change: 'a change in your drinking', refinedBy: [] },
  ...TIP35_FORM,
});

/** The alcohol decisional balance instrument. */
export const decisionalBalanceAlcohol = defineItemInstrument(decisionalBalanceAlcoholDefinition);
