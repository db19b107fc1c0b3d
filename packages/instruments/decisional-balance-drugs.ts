import { TIP35_FORM } from './decisional-balance-alcohol';
import { prosConsDefinition } from './decisional-balance-scale';
import { defineItemInstrument } from './engine';
import { DRUG_BEHAVIOURS } from './guidance/render';

/** Data of the 20-item drugs decisional balance scale: the TIP 35 alcohol key applied to drug use. */
export const decisionalBalanceDrugsDefinition = prosConsDefinition({
  id: 'decisional-balance-drugs',
  title: 'Drugs Decisional Balance Scale',
  description:
    'Twenty statements about using drugs, each rated 1 (not important at all) to 5 (extremely important); mean importance of the pros and of the cons of using.',
  algorithm: 'decisional-balance-drugs-20',
  behaviour: 'using drugs',
  // why: a drug `targetBehavior` (cannabis, opioids, …) names which drug use.
  topic: { behaviour: 'your drug use', change: 'a change in your drug use', refinedBy: DRUG_BEHAVIOURS },
  // why: TIP 35 publishes one "Alcohol (and Illegal Drugs)" scale; the key is shared (habitslab.umbc.edu; sacada.org).
  ...TIP35_FORM,
});

/** The drugs decisional balance instrument. */
export const decisionalBalanceDrugs = defineItemInstrument(decisionalBalanceDrugsDefinition);
