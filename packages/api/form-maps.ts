import type { FieldError } from '../domain/errors';
import { FORM_MAP_LIMITS, type FormMap } from '../domain/form-map';
import { closedObject, getInstrument, responseScaleFor, toFieldErrors } from '../instruments';
import { once } from '../instruments/once';
import * as z from '../instruments/zod';

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const int = () => z.number().check(z.int());

/** The shape of a form map file: closed objects everywhere, every string and list bounded. */
const formMapSchema = once(() => {
  const value = int();
  const answer = z.union([
    closedObject({ system: text(FORM_MAP_LIMITS.text), code: text(FORM_MAP_LIMITS.text), value }),
    closedObject({ integer: int(), value }),
    closedObject({ string: text(FORM_MAP_LIMITS.text), value }),
  ]);
  const item = closedObject({
    linkId: text(FORM_MAP_LIMITS.text),
    item: text(64),
    answers: z.array(answer).check(z.minLength(1), z.maxLength(FORM_MAP_LIMITS.answers)),
  });
  return closedObject({
    questionnaire: text(FORM_MAP_LIMITS.questionnaire).check(
      // An absolute URI (http, https, urn...) and no version: every version of the form maps the same way.
      z.regex(/^[a-z][a-z0-9+.-]*:[^\s|]+$/i, 'Must be an absolute URI without "|version".'),
    ),
    instrument: text(64),
    scale: z.optional(text(64)),
    items: z.array(item).check(z.minLength(1), z.maxLength(FORM_MAP_LIMITS.items)),
  });
});

/** The key an EHR answer is matched on: its coding, integer or string. */
export const answerKey = (answer: { system?: string; code?: string; integer?: number; string?: string }): string =>
  answer.code !== undefined
    ? `c\u001f${answer.system ?? ''}\u001f${answer.code}`
    : answer.integer !== undefined
      ? `i\u001f${answer.integer}`
      : `s\u001f${answer.string ?? ''}`;

/** What the instrument says about a structurally valid map: it exists, has items, and every value is on its scale. */
function checkAgainstInstrument(map: FormMap): FieldError[] {
  const instrument = getInstrument(map.instrument);
  if (!instrument) return [{ path: 'instrument', message: 'Unknown instrument.' }];
  const definition = instrument.definition;
  if (!definition) return [{ path: 'instrument', message: 'The instrument has lists, not items: it cannot be mapped item by item.' }];
  const errors: FieldError[] = [];
  if (map.scale !== undefined && !definition.variants?.scales[map.scale]) {
    return [{ path: 'scale', message: 'The instrument has no response scale of this name.' }];
  }
  const { min, max } = responseScaleFor(definition, map.scale);
  const itemIds = new Set(definition.items.map((i) => i.id));
  const linkIds = new Set<string>();
  const mapped = new Set<string>();
  map.items.forEach((item, i) => {
    if (linkIds.has(item.linkId)) errors.push({ path: `items.${i}.linkId`, message: 'Another entry maps the same linkId.' });
    linkIds.add(item.linkId);
    if (!itemIds.has(item.item)) errors.push({ path: `items.${i}.item`, message: 'Unknown item id.' });
    else if (mapped.has(item.item)) errors.push({ path: `items.${i}.item`, message: 'Another entry maps to the same item.' });
    mapped.add(item.item);
    const keys = new Set<string>();
    item.answers.forEach((answer, j) => {
      const key = answerKey(answer);
      if (keys.has(key))
        errors.push({ path: `items.${i}.answers.${j}`, message: 'Another answer of this item matches the same EHR answer.' });
      keys.add(key);
      if (answer.value < min || answer.value > max) {
        errors.push({ path: `items.${i}.answers.${j}.value`, message: `Must be an integer from ${min} to ${max}.` });
      }
    });
  });
  return errors;
}

/**
 * Validates a form map file's content: its shape (closed, bounded) and then against the
 * instrument it names. Errors name the place, never the value.
 * @example parseFormMap(JSON.parse(file)) // { success: true, map } or { success: false, errors: [{ path: 'items.0.item', message: 'Unknown item id.' }] }
 */
export function parseFormMap(value: unknown): { success: true; map: FormMap } | { success: false; errors: FieldError[] } {
  const parsed = formMapSchema().safeParse(value);
  if (!parsed.success) return { success: false, errors: toFieldErrors(parsed.error.issues) };
  const map = parsed.data as FormMap;
  const errors = checkAgainstInstrument(map);
  return errors.length > 0 ? { success: false, errors } : { success: true, map };
}
