import { decisionalBalance, decisionalBalanceData, WORKSHEET_LISTS, type WorksheetList } from '../instruments/decisional-balance';
import { CODE_SYSTEM_URL, questionnaireUrl } from './canonical';
import { code } from './codes';
import { scoreLinkId } from './questionnaire';

const SDC_QUESTIONNAIRE = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire';
const CALCULATED = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression';
const MIN_VALUE = 'http://hl7.org/fhir/StructureDefinition/minValue';
const MAX_VALUE = 'http://hl7.org/fhir/StructureDefinition/maxValue';

/** The worksheet's instrument id, which is its Questionnaire's id. */
export const WORKSHEET_ID = decisionalBalance.id;

/**
 * The linkIds of the worksheet's Questionnaire: one group per list (the list id, as in
 * `/v1/instruments/decisional-balance`), a repeating `<list>.entry` group per entry, and in it
 * the free-text `<list>.entry.label` (never read) and the optional `<list>.entry.weight`.
 */
export const worksheetLinkIds = {
  entry: (list: WorksheetList) => `${list}.entry`,
  label: (list: WorksheetList) => `${list}.entry.label`,
  weight: (list: WorksheetList) => `${list}.entry.weight`,
};

/**
 * A score's read-only item: `<list>-score` for a list's count (the list's group has the list id), else the score's name.
 * @example worksheetScoreLinkId('costsOfChange') // 'costsOfChange-score'
 */
export const worksheetScoreLinkId = (score: string) => scoreLinkId(score, new Set<string>(WORKSHEET_LISTS));

const FAVOUR_CHANGE = decisionalBalanceData.proportion.favourChange as readonly WorksheetList[];

/** A list's entries in the response; `.exists()` on the list group is what tells a missing list from an empty one. */
const list = (id: WorksheetList) => `%resource.item.where(linkId = '${id}')`;
const entries = (id: WorksheetList) => `${list(id)}.item.where(linkId = '${worksheetLinkIds.entry(id)}')`;
const weights = (id: WorksheetList) => `${entries(id)}.item.where(linkId = '${worksheetLinkIds.weight(id)}').answer.value`;
/** FHIRPath's `sum()` of nothing is empty; a list with no entries weighs 0, as in the engine. */
const weightOf = (id: WorksheetList) => `iif(${weights(id)}.exists(), ${weights(id)}.sum(), 0)`;
const plus = (terms: string[]) => terms.map((t) => `(${t})`).join(' + ');

/**
 * The FHIRPath of every worksheet score, equal to `scoreWorksheet` and empty where the engine's is
 * null or absent: a list's count is empty when its group is absent (missing), so `total` (their
 * sum) is empty unless all four are there; `proportion` is empty when total is 0;
 * `weightedProportion` only when every entry of every list has a weight.
 * @example worksheetExpressions().total // "(iif(%resource.item.where(linkId = 'benefitsOfChange').exists(), …)) + …"
 */
export function worksheetExpressions(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of WORKSHEET_LISTS) out[id] = `iif(${list(id)}.exists(), ${entries(id)}.count(), {})`;
  const total = plus(WORKSHEET_LISTS.map((id) => out[id]!));
  out['total'] = total;
  out['proportion'] = `iif((${total}) > 0, (${plus(FAVOUR_CHANGE.map((id) => out[id]!))}) / (${total}), {})`;
  const everyWeighted = WORKSHEET_LISTS.map(
    (id) => `${entries(id)}.all(item.where(linkId = '${worksheetLinkIds.weight(id)}').answer.value.exists())`,
  ).join(' and ');
  const weighted = `(${plus(FAVOUR_CHANGE.map(weightOf))}) / (${plus(WORKSHEET_LISTS.map(weightOf))})`;
  out['weightedProportion'] = `iif((${total}) > 0 and ${everyWeighted}, ${weighted}, {})`;
  return out;
}

const NOTE =
  "Each list is a group: answer it with one repeating entry group per reason (a group with no entry is an empty list; a list left out is missing, and every score that needs it is empty). An entry label is free text: it is dropped on receipt and never stored. Every score, weightedProportion included, is a calculatedExpression giving the engine's value; none is left uncalculated.";

/**
 * The SDC Questionnaire of the decisional-balance worksheet (lists of entries, not items), from its
 * catalog: a group per list with a repeating entry group (free-text label, optional weight 1–5),
 * and every score as a read-only item with its calculatedExpression.
 * @example worksheetQuestionnaire().item.map((i) => i.linkId) // ['benefitsOfChange', …, 'total', 'proportion', 'weightedProportion']
 */
export function worksheetQuestionnaire() {
  const catalog = decisionalBalance.catalog;
  const { entry } = decisionalBalanceData;
  const id = decisionalBalance.id;
  return {
    resourceType: 'Questionnaire' as const,
    id,
    meta: { profile: [SDC_QUESTIONNAIRE] },
    url: questionnaireUrl(id),
    version: decisionalBalance.version,
    name: 'DecisionalBalance',
    title: catalog.title,
    status: 'active',
    subjectType: ['Patient'],
    description: `${catalog.description} ${NOTE}`,
    copyright: catalog.licence.note,
    code: [{ system: CODE_SYSTEM_URL, code: code.instrument(id), display: catalog.title }],
    item: [
      ...catalog.items.map((item) => {
        const listId = item.id as WorksheetList;
        return {
          linkId: listId,
          code: [{ system: CODE_SYSTEM_URL, code: code.item(id, listId), display: item.label }],
          text: item.text ?? item.label,
          type: 'group',
          item: [
            {
              // why: FHIR has no max repeats element; the /v1 bound is checked on receipt.
              linkId: worksheetLinkIds.entry(listId),
              text: `One reason (at most ${decisionalBalanceData.maxEntries})`,
              type: 'group',
              repeats: true,
              item: [
                {
                  linkId: worksheetLinkIds.label(listId),
                  text: "The reason, in the client's words (never stored)",
                  type: 'string',
                  maxLength: entry.labelMaxLength,
                },
                {
                  extension: [
                    { url: MIN_VALUE, valueInteger: entry.weight.min },
                    { url: MAX_VALUE, valueInteger: entry.weight.max },
                  ],
                  linkId: worksheetLinkIds.weight(listId),
                  text: `How much it matters, ${entry.weight.min} (a little) to ${entry.weight.max} (a lot)`,
                  type: 'integer',
                },
              ],
            },
          ],
        };
      }),
      ...Object.entries(worksheetExpressions()).map(([score, expression]) => ({
        extension: [
          {
            url: CALCULATED,
            valueExpression: { description: `The ${score} score as the engine computes it`, language: 'text/fhirpath', expression },
          },
        ],
        linkId: worksheetScoreLinkId(score),
        code: [{ system: CODE_SYSTEM_URL, code: code.score(id, score), display: `${catalog.title}: ${score}` }],
        text: score,
        // why: the shares have a range (0–1) in the catalog; the counts are whole numbers.
        type: catalog.derivedScores.find((s) => s.id === score)?.range ? 'decimal' : 'integer',
        readOnly: true,
      })),
    ],
  };
}
