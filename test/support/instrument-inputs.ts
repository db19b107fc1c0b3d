import fc from 'fast-check';
import type { ItemInstrumentDefinition } from '../../packages/instruments/definition';
import { responseScaleFor } from '../../packages/instruments/engine';
import type { InstrumentInput } from '../../packages/instruments/types';

/**
 * Valid inputs of an item instrument: any subset of its items answered in range (at least
 * `minAnswered`), on any of its response-scale variants.
 * @example fc.assert(fc.property(itemInput(uricaDefinition), (input) => { … }))
 */
export function itemInput(definition: ItemInstrumentDefinition): fc.Arbitrary<InstrumentInput> {
  const variants = definition.variants ? Object.keys(definition.variants.scales) : [undefined];
  return fc.constantFrom(...variants).chain((variant) => {
    const { min, max } = responseScaleFor(definition, variant);
    const model = Object.fromEntries(definition.items.map((item) => [item.id, fc.integer({ min, max })]));
    return fc
      .record(model, { requiredKeys: [] })
      .filter((responses) => Object.keys(responses).length >= (definition.minAnswered ?? 0))
      .map((responses) => ({ instrument: definition.id, responses, ...(variant ? { scale: variant } : {}) }));
  });
}

const entry = fc.record({ label: fc.string({ maxLength: 200 }), weight: fc.integer({ min: 1, max: 5 }) }, { requiredKeys: [] });

/**
 * Inputs of the decisional-balance worksheet: up to 50 entries in each of its four lists, any
 * of them absent, labels and weights optional.
 * @example fc.assert(fc.property(worksheetInput, (input) => { … }))
 */
export const worksheetInput: fc.Arbitrary<InstrumentInput> = fc
  .record(
    {
      benefitsOfChange: fc.array(entry, { maxLength: 50 }),
      costsOfChange: fc.array(entry, { maxLength: 50 }),
      benefitsOfStatusQuo: fc.array(entry, { maxLength: 50 }),
      costsOfStatusQuo: fc.array(entry, { maxLength: 50 }),
    },
    { requiredKeys: [] },
  )
  .map((responses) => ({ instrument: 'decisional-balance', responses }));
