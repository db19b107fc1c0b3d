import { examples } from '../../packages/api/examples';
import { ValidationError } from '../../packages/domain/errors';
import { CODE_SYSTEM_URL, questionnaireUrl } from '../../packages/fhir/canonical';
import { parseQuestionnaireResponse } from '../../packages/fhir/questionnaire-response';
import { WORKSHEET_LISTS, type WorksheetEntry } from '../../packages/instruments/decisional-balance';
import { getInstrument } from '../../packages/instruments/index';
import { ORACLE_CODES, ORACLE_LINK_IDS, ORACLE_QUESTIONNAIRE, oracleCode, oracleRulerMap } from '../support/form-maps';

/** Identifying values a test plants in a response, to show none of them comes back, is stored or logged. */
export const SECRETS = {
  system: 'urn:oid:2.16.840.1.113883.3.999',
  mrn: 'MRN-0042-SECRET',
  qrSystem: 'urn:oid:2.16.840.1.113883.3.999.7',
  qrValue: 'QR-20261120-SECRET',
  display: 'Jane Q. Secretperson',
  author: 'Practitioner/dr-secret',
  narrative: 'Narrative: drinks most evenings, secret',
  freeText: 'Lives with partner, secret free text',
} as const;

/** The canonical `url|version` of an instrument's Questionnaire. */
export const canonicalOf = (id: string) => `${questionnaireUrl(id)}|${getInstrument(id)!.version}`;

/** An answer as our Questionnaire offers it: our CodeSystem code, with the weights a renderer copies along. */
export const coded = (instrument: string, value: number) => ({
  valueCoding: {
    extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: value }],
    system: CODE_SYSTEM_URL,
    code: `${instrument}/answer/${value}`,
  },
});

/**
 * A completed QuestionnaireResponse to our Questionnaire of `instrument`, with the identifying
 * parts an EHR sends (identifier, subject with display, author, source, narrative) and a free-text item.
 * @example ourResponse('rcq', { '1': -2, '2': 2 })
 */
export function ourResponse(instrument: string, responses: Record<string, number>, extra: Record<string, unknown> = {}) {
  return {
    resourceType: 'QuestionnaireResponse',
    text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${SECRETS.narrative}</div>` },
    identifier: { system: SECRETS.qrSystem, value: SECRETS.qrValue },
    questionnaire: canonicalOf(instrument),
    status: 'completed',
    subject: { identifier: { system: SECRETS.system, value: SECRETS.mrn }, display: SECRETS.display },
    authored: '2026-11-20T09:30:00-05:00',
    author: { reference: SECRETS.author },
    source: { reference: SECRETS.author, display: SECRETS.display },
    item: [
      ...Object.entries(responses).map(([linkId, v]) => ({ linkId, text: 'item text', answer: [coded(instrument, v)] })),
      { linkId: 'clinician-comment', text: 'Comment', answer: [{ valueString: SECRETS.freeText }] },
    ],
    ...extra,
  };
}

/** An Oracle Health-style response to the mapped ruler form: numeric linkIds, proprietary codes, a free-text note. */
export function oracleResponse(values: { importance: number; readiness: number }, extra: Record<string, unknown> = {}) {
  return {
    ...ourResponse('readiness-ruler', {}),
    questionnaire: `${ORACLE_QUESTIONNAIRE}|3`,
    item: [
      {
        linkId: '7012000',
        text: 'Readiness',
        item: [
          {
            linkId: ORACLE_LINK_IDS.importance,
            answer: [{ valueCoding: { system: ORACLE_CODES, code: oracleCode(ORACLE_LINK_IDS.importance, values.importance) } }],
          },
          { linkId: ORACLE_LINK_IDS.readiness, answer: [{ valueInteger: values.readiness }] },
        ],
      },
      { linkId: '7012900', answer: [{ valueString: SECRETS.freeText }] },
    ],
    ...extra,
  };
}

/** The worked examples of docs/scoring.md (packages/api/examples.ts) for the instruments that have a Questionnaire. */
export const workedExamples = () =>
  Object.values(examples().scoreRequest)
    .map(({ value }) => value as { instrument: string; responses: Record<string, number> })
    .filter((r) => getInstrument(r.instrument)?.definition);

/** The worked RCQ example of docs/scoring.md as item answers. */
export const rcqExample = () => workedExamples().find((r) => r.instrument === 'rcq')!.responses;

/** Parser options: a clinic without form maps, and one with the Oracle-style ruler map. */
/** The parser's clock in unit tests: every fixture's `authored` (2026-11-20) is within /v1's bounds. */
export const PARSE_NOW = new Date('2026-12-01T12:00:00Z');
export const noMaps = { formMap: async () => undefined, now: PARSE_NOW };
export const withOracleMap = {
  formMap: async (url: string) => (url === ORACLE_QUESTIONNAIRE ? oracleRulerMap() : undefined),
  now: PARSE_NOW,
};

/** The refusal of a body: its kind and errors (throws if the body parses). */
export async function refusal(body: unknown, options: Parameters<typeof parseQuestionnaireResponse>[1] = noMaps) {
  try {
    await parseQuestionnaireResponse(body, options);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { kind: error.kind, errors: error.errors };
  }
  throw new Error('parsed');
}
/** A response to our RCQ Questionnaire with the worked example's answers. */
export const rcq = (extra: Record<string, unknown> = {}) => ourResponse('rcq', rcqExample(), extra);
/** An expected error at a place in the response. */
export const at = (path: string, message: string) => ({ path: `QuestionnaireResponse${path}`, message });

/** The lists of a worksheet, each given or left out (missing). */
export type WorksheetLists = Partial<Record<(typeof WORKSHEET_LISTS)[number], WorksheetEntry[]>>;

/** `{ item }` when there are items, else nothing. */
const nonEmpty = <T>(item: T[]): { item?: T[] } => (item.length > 0 ? { item } : {});

/** A QuestionnaireResponse to the worksheet's Questionnaire: a group per list given, an entry group per entry. */
export function worksheetResponse(lists: WorksheetLists, extra: Record<string, unknown> = {}) {
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: canonicalOf('decisional-balance'),
    status: 'completed',
    subject: { identifier: { system: SECRETS.system, value: SECRETS.mrn } },
    authored: '2026-11-20',
    identifier: { system: SECRETS.qrSystem, value: 'QR-WORKSHEET-1' },
    // why: FHIR JSON has no empty arrays: an empty list is its group alone, an unlabelled, unweighted entry its group alone.
    item: WORKSHEET_LISTS.filter((list) => lists[list] !== undefined).map((list) => ({
      linkId: list,
      ...nonEmpty(
        lists[list]!.map((e) => ({
          linkId: `${list}.entry`,
          ...nonEmpty([
            ...(e.label !== undefined ? [{ linkId: `${list}.entry.label`, answer: [{ valueString: e.label }] }] : []),
            ...(e.weight !== undefined ? [{ linkId: `${list}.entry.weight`, answer: [{ valueInteger: e.weight }] }] : []),
          ]),
        })),
      ),
    })),
    ...extra,
  };
}
