import { decisionalBalanceData, WORKSHEET_LISTS, type WorksheetEntry, type WorksheetList } from '../instruments/decisional-balance';
import { questionnaireUrl } from './canonical';
import { type QrItem, valueKey } from './form-map';
import { worksheetExpressions, worksheetLinkIds, worksheetScoreLinkId } from './worksheet-questionnaire';

type Issue = (path: string, message: string) => void;
const ROOT = 'QuestionnaireResponse';
const NOT_OURS = 'Not an item of this questionnaire.';
const LISTS: ReadonlySet<string> = new Set(WORKSHEET_LISTS);
/** The read-only score items a renderer fills in: ignored, scores come only from our definitions. */
const SCORES: ReadonlySet<string> = new Set(Object.keys(worksheetExpressions()).map(worksheetScoreLinkId));
const { min, max } = decisionalBalanceData.entry.weight;

const WORKSHEET_URL = questionnaireUrl(decisionalBalanceData.id);
let walk: { repeating: ReadonlySet<string>; items: number } | undefined;

/**
 * How a response to the worksheet's Questionnaire may be walked, beyond the item instruments'
 * bounds: its weights repeat (one per entry), and a full worksheet (4 lists of 50 entries, each
 * entry a group with a label and a weight, plus the score items) has more than 200 items.
 * `undefined` for any other questionnaire.
 * @example worksheetWalk(`${questionnaireUrl('decisional-balance')}|1.1.0`)?.items // 611
 */
export function worksheetWalk(questionnaire: unknown): { repeating: ReadonlySet<string>; items: number } | undefined {
  if (typeof questionnaire !== 'string' || !(questionnaire === WORKSHEET_URL || questionnaire.startsWith(`${WORKSHEET_URL}|`)))
    return undefined;
  return (walk ??= {
    repeating: new Set(WORKSHEET_LISTS.map(worksheetLinkIds.weight)),
    items: WORKSHEET_LISTS.length * (1 + decisionalBalanceData.maxEntries * 3) + SCORES.size,
  });
}

/** Whether anything under an item is an answer other than free text (which is dropped unread). */
const scored = (item: QrItem): boolean =>
  (item.answer ?? []).some((a) => {
    const key = valueKey(a);
    return key !== undefined && key !== 'valueString';
  }) || (item.item ?? []).some(scored);

/** One entry group: counted, its weight read, its label (free text) never read. */
function readEntry(list: WorksheetList, group: QrItem, at: string, issue: Issue): WorksheetEntry[] {
  if (group.linkId !== worksheetLinkIds.entry(list)) {
    if (scored(group)) issue(at, NOT_OURS);
    return [];
  }
  if ((group.answer ?? []).length > 0) issue(`${at}.answer`, 'An entry is a group: its label and weight are items.');
  let weight: { value: number; at: string } | undefined;
  for (const [k, child] of (group.item ?? []).entries()) {
    const place = `${at}.item[${k}]`;
    if (child.linkId !== worksheetLinkIds.weight(list)) {
      // The label, or any other free text: dropped unread; anything else is refused.
      if (scored(child)) issue(place, child.linkId === worksheetLinkIds.label(list) ? 'The label takes a valueString.' : NOT_OURS);
      continue;
    }
    const answer = child.answer?.[0];
    if (answer === undefined) continue;
    if (weight) {
      issue(place, `The same linkId is answered at ${weight.at}.`);
      continue;
    }
    const value = valueKey(answer) === 'valueInteger' ? answer.valueInteger : undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      issue(`${place}.answer[0]`, `Not an answer of this item: a valueInteger from ${min} to ${max}.`);
      continue;
    }
    weight = { value, at: place };
  }
  return [weight ? { weight: weight.value } : {}];
}

/**
 * Answers to our worksheet Questionnaire (docs/fhir-store.md, "In"): each list group present is
 * a list (its entry groups counted, an absent list missing), each entry's weight read, labels
 * and other free text dropped, the read-only score items ignored. Anything else is an issue at
 * its place; nothing is guessed.
 * @example fromWorksheet(qr.item, issue).input // { instrument: 'decisional-balance', responses: { benefitsOfChange: [{ weight: 4 }], … } }
 */
export function fromWorksheet(items: readonly QrItem[], issue: Issue) {
  const responses: Partial<Record<WorksheetList, WorksheetEntry[]>> = {};
  const places = new Map<string, string>();
  for (const [i, item] of items.entries()) {
    const at = `${ROOT}.item[${i}]`;
    if (SCORES.has(item.linkId)) continue;
    if (!LISTS.has(item.linkId)) {
      if (scored(item)) issue(at, NOT_OURS);
      continue;
    }
    const list = item.linkId as WorksheetList;
    const earlier = places.get(list);
    if (earlier) {
      issue(at, `The same linkId is answered at ${earlier}.`);
      continue;
    }
    places.set(list, at);
    if ((item.answer ?? []).length > 0) issue(`${at}.answer`, 'A list is a group: its entries are items.');
    responses[list] = (item.item ?? []).flatMap((group, j) => readEntry(list, group, `${at}.item[${j}]`, issue));
  }
  return { input: { instrument: decisionalBalanceData.id, responses }, places };
}
