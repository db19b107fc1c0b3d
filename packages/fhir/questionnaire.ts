import type { ItemInstrumentDefinition } from '../instruments/definition';
import type { Instrument } from '../instruments/types';
import { CODE_SYSTEM_URL, questionnaireUrl } from './canonical';
import { code } from './codes';

const SDC_QUESTIONNAIRE = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire';
const CALCULATED = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression';
const ORDINAL_VALUE = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
const ITEM_WEIGHT = 'http://hl7.org/fhir/StructureDefinition/itemWeight';

const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * The FHIRPath of every score of a definition, equal to the engine's value and empty when an
 * item it needs is unanswered: a scale is the sum (or the sum ÷ item count) of its items'
 * weights once all are answered; a derived score is built from those expressions, and FHIRPath
 * arithmetic on an empty operand is empty, as the engine's derived score is null.
 * @example scoreExpressions(rcqDefinition).action // "iif(%resource.item.where(linkId in ('2' | '6' | '7' | '11')).answer.value.count() = 4, …, {})"
 */
export function scoreExpressions(definition: ItemInstrumentDefinition): Record<string, string> {
  const out: Record<string, string> = {};
  for (const scale of definition.scales) {
    const answers = `%resource.item.where(linkId in (${scale.items.map(quote).join(' | ')})).answer.value`;
    const n = scale.items.length;
    const sum = `${answers}.weight().sum()`;
    out[scale.id] = `iif(${answers}.count() = ${n}, ${scale.method === 'mean' ? `${sum} / ${n}` : sum}, {})`;
  }
  for (const derived of definition.derived ?? []) {
    const plus = derived.plus.map((id) => `(${out[id]})`).join(' + ');
    const minus = derived.minus.map((id) => `(${out[id]})`).join(' + ');
    out[derived.id] = minus ? `(${plus}) - (${minus})` : plus;
  }
  return out;
}

/**
 * The linkId of a score's read-only item: the score's name, or `<name>-score` where an item has
 * that id (the readiness ruler's `importance` is both an item and a score; linkIds must be unique).
 * @example scoreLinkId('rung', new Set(['rung'])) // 'rung-score'
 */
export const scoreLinkId = (score: string, itemIds: ReadonlySet<string>) => (itemIds.has(score) ? `${score}-score` : score);

/**
 * The SDC Questionnaire of an item instrument, generated from its definition: our canonical url
 * and the instrument's version, one `choice` item per item (linkId = the item id of
 * `/v1/instruments/{id}`), answers coded from our CodeSystem with their value as both
 * `ordinalValue` and `itemWeight`, item wording only where the licence allows (else our neutral
 * label), and every score as a read-only item carrying its calculatedExpression.
 * Answers follow the default response scale (the readiness ruler's 0–10).
 * @example itemQuestionnaire(getInstrument('urica')!).item.length // 32 items + 5 scores
 */
export function itemQuestionnaire(instrument: Instrument) {
  const d = instrument.definition!;
  const scale = d.responseScale;
  const answerOption = (anchors: ItemInstrumentDefinition['responseScale']['anchors']) =>
    Array.from({ length: scale.max - scale.min + 1 }, (_, i) => {
      const value = scale.min + i;
      const anchor = anchors.find((a) => a.value === value);
      return {
        extension: [{ url: ITEM_WEIGHT, valueDecimal: value }],
        valueCoding: {
          extension: [{ url: ORDINAL_VALUE, valueDecimal: value }],
          system: CODE_SYSTEM_URL,
          code: code.answer(d.id, value),
          display: anchor ? `${value}: ${anchor.label}` : String(value),
        },
      };
    });
  const expressions = scoreExpressions(d);
  const itemIds = new Set(d.items.map((item) => item.id));
  const integerScore = (id: string) => d.scales.find((s) => s.id === id)?.method === 'sum';
  return {
    resourceType: 'Questionnaire' as const,
    id: d.id,
    meta: { profile: [SDC_QUESTIONNAIRE] },
    url: questionnaireUrl(d.id),
    version: d.version,
    name: d.id.replace(/(^|-)(\w)/g, (_m, _s, c: string) => c.toUpperCase()),
    title: d.title,
    status: 'active',
    subjectType: ['Patient'],
    description: d.description,
    copyright: d.licence.note,
    code: [{ system: CODE_SYSTEM_URL, code: code.instrument(d.id), display: d.title }],
    item: [
      ...d.items.map((item) => ({
        linkId: item.id,
        code: [{ system: CODE_SYSTEM_URL, code: code.item(d.id, item.id), display: item.label }],
        text: d.licence.itemText && item.text !== undefined ? item.text : item.label,
        type: 'choice',
        answerOption: answerOption(item.anchors ?? scale.anchors),
      })),
      ...Object.entries(expressions).map(([id, expression]) => ({
        extension: [
          {
            url: CALCULATED,
            valueExpression: { description: `The ${id} score as the engine computes it`, language: 'text/fhirpath', expression },
          },
        ],
        linkId: scoreLinkId(id, itemIds),
        code: [{ system: CODE_SYSTEM_URL, code: code.score(d.id, id), display: `${d.title}: ${id}` }],
        text: id,
        type: integerScore(id) ? 'integer' : 'decimal',
        readOnly: true,
      })),
    ],
  };
}
