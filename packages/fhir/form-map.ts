import { answerKey } from '../api/form-maps';
import type { FieldError } from '../domain/errors';
import type { FormMap } from '../domain/form-map';

export type { FormMap, FormMapAnswer, FormMapItem } from '../domain/form-map';

/** The parts of a QuestionnaireResponse answer a form map can match. */
export interface QrAnswer {
  valueCoding?: { system?: string; code?: string };
  valueInteger?: number;
  valueString?: string;
  [other: string]: unknown;
}

/** A QuestionnaireResponse item as posted: answers, and nested items inside groups. */
export interface QrItem {
  linkId: string;
  answer?: QrAnswer[];
  item?: QrItem[];
}

/** The /v1 instrument input a mapped response stands for: item values, or the worksheet's lists of entries. */
export interface MappedInput {
  instrument: string;
  scale?: string;
  responses: Record<string, number> | Partial<Record<string, { weight?: number }[]>>;
}

/** A JSON object (not null, not an array): what an item, an answer or a resource must be. */
export const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The one `value[x]` key of an answer, `undefined` when it has none, `null` when it has several.
 * why a loop: listing the keys allocated two arrays per answer.
 */
export function valueKey(answer: object): string | null | undefined {
  let found: string | undefined;
  for (const k in answer) {
    if (!Object.hasOwn(answer, k) || !k.startsWith('value')) continue;
    if (found !== undefined) return null;
    found = k;
  }
  return found;
}

/** The answer of a posted item as the key a form map lists it under, or `undefined` for a kind no map can list. */
function keyOf(answer: QrAnswer): string | undefined {
  if (answer.valueCoding?.code !== undefined) return answerKey({ system: answer.valueCoding.system ?? '', code: answer.valueCoding.code });
  if (typeof answer.valueInteger === 'number') return answerKey({ integer: answer.valueInteger });
  if (typeof answer.valueString === 'string') return answerKey({ string: answer.valueString });
  return undefined;
}

/** Every answered or unanswered item, groups flattened, each with its FHIRPath-style place. */
function flatten(items: readonly QrItem[], at: string): { item: QrItem; path: string }[] {
  return items.flatMap((item, i) => {
    const path = `${at}.item[${i}]`;
    return [...(item.answer ? [{ item, path }] : []), ...flatten(item.item ?? [], path)];
  });
}

const onlyText = (item: QrItem) => (item.answer ?? []).every((a) => typeof a.valueString === 'string' && keyOf(a)?.startsWith('s'));

/**
 * Translates a QuestionnaireResponse written against an EHR's own form into our instrument's
 * input through the clinic's form map. Never guesses: an answered item the map does not list, an
 * answer it does not list or an item answered twice is an error naming the place (and, for an
 * item the map lists, its linkId: the operator's, never a submitted one); no submitted answer is echoed.
 * An item the map does not list whose answers are all strings is free text: it is dropped, not scored.
 * @example applyFormMap(map, qr.item) // { success: true, input: { instrument: 'readiness-ruler', responses: { importance: 7 } } }
 */
export function applyFormMap(
  map: FormMap,
  items: readonly QrItem[],
  at = 'QuestionnaireResponse',
): { success: true; input: MappedInput } | { success: false; errors: FieldError[] } {
  const byLinkId = new Map(
    map.items.map((entry) => [entry.linkId, { item: entry.item, answers: new Map(entry.answers.map((a) => [answerKey(a), a.value])) }]),
  );
  const responses: Record<string, number> = {};
  const errors: FieldError[] = [];
  for (const { item, path } of flatten(items, at)) {
    const entry = byLinkId.get(item.linkId);
    const answers = item.answer ?? [];
    if (!entry) {
      if (!onlyText(item)) errors.push({ path, message: "The clinic's form map has no item with this linkId." });
      continue;
    }
    if (answers.length === 0) continue;
    if (answers.length > 1) {
      errors.push({ path: `${path}.answer`, message: `Item "${item.linkId}" takes one answer.` });
      continue;
    }
    const key = keyOf(answers[0] as QrAnswer);
    const value = key === undefined ? undefined : entry.answers.get(key);
    if (value === undefined) {
      errors.push({ path: `${path}.answer[0]`, message: `The clinic's form map has no such answer for item "${item.linkId}".` });
      continue;
    }
    responses[entry.item] = value;
  }
  if (errors.length > 0) return { success: false, errors };
  return { success: true, input: { instrument: map.instrument, ...(map.scale ? { scale: map.scale } : {}), responses } };
}

/**
 * The questionnaire URL a response names, without `|version`: the key its form map is stored under.
 * @example formMapUrl('https://ehr.example/Questionnaire/7|2') // 'https://ehr.example/Questionnaire/7'
 */
export const formMapUrl = (questionnaire: string): string => questionnaire.split('|')[0] ?? questionnaire;
