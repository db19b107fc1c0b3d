import type { ItemInstrumentDefinition } from './definition';
import type { ResultShape } from './types';
import * as z from './zod';

/**
 * The closed shape of an item instrument's results, derived from its definition: every scale and
 * derived score by name, an integer where it is a sum of whole answers (or derived from such sums
 * only), bounded by the lowest and highest value any response-scale variant allows; null where an
 * item it needs can be unanswered, or absent instead when the definition omits incomplete scores.
 * The interpretation is the definition's own `interpretationShape`.
 * `ranges` are the score ranges on each response-scale variant (`scoreRanges`).
 * @example itemResultShape(uricaDefinition, [scoreRanges(uricaDefinition)]).scores // strict { precontemplation, contemplation, action, maintenance, readiness }
 */
export function itemResultShape(
  definition: ItemInstrumentDefinition,
  ranges: readonly Record<string, { min: number; max: number }>[],
): ResultShape {
  const bound = (id: string, pick: 'min' | 'max') => (pick === 'min' ? Math.min : Math.max)(...ranges.map((r) => r[id]?.[pick] ?? 0));
  const integer = new Map<string, boolean>();
  for (const scale of definition.scales) integer.set(scale.id, scale.method === 'sum');
  for (const d of definition.derived ?? [])
    integer.set(
      d.id,
      [...d.plus, ...d.minus].every((id) => integer.get(id)),
    );
  // With every item required by `minAnswered`, no score can miss an answer.
  const alwaysAnswered = (definition.minAnswered ?? 0) >= definition.items.length;
  const shape: Record<string, z.ZodMiniType> = {};
  for (const [id, isInteger] of integer) {
    const base = isInteger ? z.number().check(z.int()) : z.number();
    const value = base.check(z.minimum(bound(id, 'min')), z.maximum(bound(id, 'max')));
    if (alwaysAnswered) shape[id] = value;
    else shape[id] = definition.missingScores === 'omit' ? z.optional(value) : z.nullable(value);
  }
  return { scores: z.strictObject(shape), interpretation: z.strictObject(definition.interpretationShape()) };
}
