import { hasEnoughAnswers } from '../instruments/engine';
import { getInstrument } from '../instruments/index';
import type { Instrument } from '../instruments/types';
import { CODE_SYSTEM_URL, questionnaireUrl } from './canonical';
import { code } from './codes';
import { applyFormMap, type FormMap, isRecord, type MappedInput, type QrItem, valueKey } from './form-map';
import { scoreExpressions, scoreLinkId } from './questionnaire';
import { fromWorksheet, worksheetWalk } from './worksheet-answers';

/** One answered item of a posted response: its linkId, its single answer and that answer's place. */
export interface AnswerSource {
  linkId: string;
  answer: Record<string, unknown>;
  /** `QuestionnaireResponse.item[i](.item[j])*.answer[0]`. */
  path: string;
}

/** The input an answer set stands for, and where each of our items was answered (for later errors). */
export interface MappedAnswers {
  input: MappedInput;
  places: ReadonlyMap<string, string>;
}

const OURS = questionnaireUrl('');
const UNKNOWN = 'Not a questionnaire this API publishes or the clinic has mapped; see GET /fhir/r4/Questionnaire.';
const itemPath = (answerPath: string) => answerPath.replace(/\.answer\[0\]$/, '');

/** What the answers of one of our Questionnaires may be: its answer codes and integers, by item. */
interface OwnForm {
  items: ReadonlySet<string>;
  /** The read-only score items a renderer fills in: ignored, scores come only from our definitions. */
  calculated: ReadonlySet<string>;
  codes: ReadonlyMap<string, number>;
  min: number;
  max: number;
}

const forms = new Map<string, OwnForm>();
function ownForm(instrument: Instrument): OwnForm {
  const cached = forms.get(instrument.id);
  if (cached) return cached;
  const d = instrument.definition!;
  const items = new Set(d.items.map((i) => i.id));
  const { min, max } = d.responseScale;
  const codes = new Map(Array.from({ length: max - min + 1 }, (_, i) => [code.answer(d.id, min + i), min + i] as const));
  const form = { items, calculated: new Set(Object.keys(scoreExpressions(d)).map((s) => scoreLinkId(s, items))), codes, min, max };
  forms.set(instrument.id, form);
  return form;
}

/** The integer one answer to one of our items stands for, or `undefined` when it is not one of its answers. */
function ownValue(form: OwnForm, answer: Record<string, unknown>): number | undefined {
  const key = valueKey(answer);
  if (key === 'valueInteger') {
    const value = answer.valueInteger;
    return typeof value === 'number' && Number.isInteger(value) && value >= form.min && value <= form.max ? value : undefined;
  }
  const value = answer.valueCoding;
  if (key !== 'valueCoding' || value === null || typeof value !== 'object') return undefined;
  const { system, code: c } = value as { system?: unknown; code?: unknown };
  return system === CODE_SYSTEM_URL && typeof c === 'string' ? form.codes.get(c) : undefined;
}

/** Answers to our own Questionnaire (`questionnaireUrl(id)|version`), by linkId = our item id. */
function fromOwn(instrument: Instrument, answered: readonly AnswerSource[], issue: (path: string, message: string) => void): MappedAnswers {
  const form = ownForm(instrument);
  const responses: Record<string, number> = {};
  const places = new Map<string, string>();
  for (const { linkId, answer, path } of answered) {
    if (form.calculated.has(linkId)) continue;
    if (!form.items.has(linkId)) {
      // why: an item we do not know whose answer is text is free text (a comment field): dropped, never read.
      if (valueKey(answer) !== 'valueString') issue(itemPath(path), 'Not an item of this questionnaire.');
      continue;
    }
    const value = ownValue(form, answer);
    if (value === undefined) {
      issue(path, `Not an answer of this item: a valueCoding of its answerOption or a valueInteger from ${form.min} to ${form.max}.`);
      continue;
    }
    responses[linkId] = value;
    places.set(linkId, path);
  }
  return { input: { instrument: instrument.id, responses }, places };
}

/** Answers to a form the clinic has mapped, through applyFormMap (docs/fhir-store.md, "Applying a map"). */
function fromMap(
  map: FormMap,
  items: readonly QrItem[],
  answered: readonly AnswerSource[],
  issue: (path: string, message: string) => void,
) {
  const mapped = applyFormMap(map, items);
  if (!mapped.success) {
    for (const e of mapped.errors) issue(e.path, e.message);
    return undefined;
  }
  const ours = new Map(map.items.map((entry) => [entry.linkId, entry.item]));
  const places = new Map(answered.flatMap(({ linkId, path }) => (ours.has(linkId) ? [[ours.get(linkId)!, path] as const] : [])));
  return { input: mapped.input, places };
}

type OwnQuestionnaire = { instrument: Instrument; worksheet: boolean };
/** Our canonicals that are scored, as read: one per instrument (only a current version is kept, so it stays that small). */
const scored = new Map<string, OwnQuestionnaire>();

/**
 * The instrument one of our canonical `url|version`s names at its current version (the worksheet
 * flagged: it has lists, not items), why it cannot be scored, or `undefined` for a URL not ours.
 */
function ownQuestionnaire(questionnaire: string): OwnQuestionnaire | { refusal: string } | undefined {
  const known = scored.get(questionnaire);
  if (known) return known;
  if (!questionnaire.startsWith(OURS)) return undefined;
  const [url = '', version, ...rest] = questionnaire.split('|');
  const instrument = getInstrument(url.slice(OURS.length));
  // why: the worksheet has lists, not items, and a Questionnaire of its own (worksheet-questionnaire.ts).
  const worksheet = worksheetWalk(url) !== undefined;
  if (!instrument || (!instrument.definition && !worksheet) || rest.length > 0) return { refusal: UNKNOWN };
  if (version === undefined) return { refusal: 'Name the version answered: url|version.' };
  if (version !== instrument.version) {
    return { refusal: `Not a version of this questionnaire that is scored here; see GET /fhir/r4/Questionnaire/${instrument.id}.` };
  }
  const own = { instrument, worksheet };
  scored.set(questionnaire, own);
  return own;
}

/**
 * The input of the commonest response, read in one pass: to one of our item Questionnaires at
 * its version, a flat list of items each our item answered at most once with one of its
 * answers. `undefined` for anything else (a group, an unknown or calculated item, free text, a
 * second answer, a modifier extension, an answer that is not the item's), which the full walk
 * then reads and reports (parseQuestionnaireResponse). Whatever it reads, it reads exactly as
 * the walk and fromOwn do (a property test holds the two together). why: the walk keeps a place
 * and a record per answer for the errors it may have to name; this path names none, and was two
 * thirds of reading a response. It reads fields directly, where the walk checks that each is the
 * object's own: no name it reads is one Object.prototype has, so the two read the same.
 * @example plainOwnAnswers(`${questionnaireUrl('rcq')}|1.1.0`, qr.item, 200)?.input // { instrument: 'rcq', responses: { '1': -2, … } }
 */
export function plainOwnAnswers(
  questionnaire: string,
  items: unknown,
  maxItems: number,
): { input: MappedInput; valid: boolean; places(): ReadonlyMap<string, string> } | undefined {
  const own = ownQuestionnaire(questionnaire);
  if (!own || 'refusal' in own || own.worksheet || !Array.isArray(items) || items.length > maxItems) return undefined;
  const form = ownForm(own.instrument);
  const responses: Record<string, number> = {};
  let answered = 0;
  for (const item of items) {
    if (!isRecord(item)) return undefined;
    const { linkId, answer } = item;
    if (typeof linkId !== 'string' || !form.items.has(linkId) || item.item !== undefined || item.modifierExtension !== undefined) {
      return undefined;
    }
    if (answer === undefined) continue;
    if (!Array.isArray(answer) || answer.length > 1) return undefined;
    if (answer.length === 0) continue;
    const one = answer[0];
    if (!isRecord(one) || one.item !== undefined || one.modifierExtension !== undefined || Object.hasOwn(responses, linkId))
      return undefined;
    const value = ownValue(form, one);
    if (value === undefined) return undefined;
    responses[linkId] = value;
    answered++;
  }
  // Built only when an error must name an answer's place, as the walk names it.
  const places = () =>
    new Map(
      (items as Record<string, unknown>[]).flatMap((item, i) =>
        Array.isArray(item.answer) && item.answer.length === 1
          ? [[item.linkId as string, `QuestionnaireResponse.item[${i}].answer[0]`] as const]
          : [],
      ),
    );
  // why: our items, each with one of its answers, and enough of them: a valid score request as it
  // stands (its zod schema asks no more; a property test holds the two together), which `$extract`
  // then need not validate again.
  const valid = hasEnoughAnswers(own.instrument.definition!, answered);
  return { input: { instrument: own.instrument.id, responses }, valid, places };
}

/**
 * Turns the answered items of a response into our instrument input, by the questionnaire it
 * names: one of ours (`url|version`; the version must be the instrument's) or one the clinic has
 * a form map for. Anything that cannot be scored is reported through `issue`, never guessed.
 * @example await mapAnswers(`${questionnaireUrl('rcq')}|1.1.0`, walked, { formMap, issue }) // { input: { instrument: 'rcq', responses: { '1': -2, … } }, places }
 */
export async function mapAnswers(
  questionnaire: string,
  walked: { items: readonly QrItem[]; answered: readonly AnswerSource[] },
  options: { formMap(): Promise<FormMap | undefined>; issue(path: string, message: string): void },
): Promise<MappedAnswers | undefined> {
  const refuse = (message: string) => {
    options.issue('QuestionnaireResponse.questionnaire', message);
    return undefined;
  };
  const own = ownQuestionnaire(questionnaire);
  if (own && 'refusal' in own) return refuse(own.refusal);
  if (own) return own.worksheet ? fromWorksheet(walked.items, options.issue) : fromOwn(own.instrument, walked.answered, options.issue);
  const map = await options.formMap();
  if (!map) return refuse(UNKNOWN);
  return fromMap(map, walked.items, walked.answered, options.issue);
}
