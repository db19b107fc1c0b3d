import { describe, expect, it } from 'vitest';
import { applyFormMap, formMapUrl, type QrItem } from '../../packages/fhir/form-map';
import { getInstrument } from '../../packages/instruments';
import { ORACLE_CODES, ORACLE_LINK_IDS, oracleCode, oracleRulerMap } from '../support/form-maps';

const coded = (linkId: string, v: number): QrItem => ({
  linkId,
  answer: [{ valueCoding: { system: ORACLE_CODES, code: oracleCode(linkId, v) } }],
});

/** An Oracle-style response: numeric linkIds, proprietary codes, a group, a free-text comment. */
const oracleItems = (): QrItem[] => [
  {
    linkId: '7012000',
    item: [coded(ORACLE_LINK_IDS.importance, 7), coded(ORACLE_LINK_IDS.confidence, 3)],
  },
  { linkId: ORACLE_LINK_IDS.readiness, answer: [{ valueInteger: 5 }] },
  { linkId: '7012900', answer: [{ valueString: 'Lives with partner, drinks most evenings' }] },
];

describe('applyFormMap', () => {
  it('turns an Oracle-style response into our input, which scores exactly as /v1 does', () => {
    const mapped = applyFormMap(oracleRulerMap(), oracleItems());

    expect(mapped).toEqual({
      success: true,
      input: { instrument: 'readiness-ruler', responses: { importance: 7, confidence: 3, readiness: 5 } },
    });
    const ruler = getInstrument('readiness-ruler')!;
    const input = { instrument: 'readiness-ruler', responses: { importance: 7, confidence: 3, readiness: 5 } };
    expect(ruler.inputSchema.safeParse(mapped.success && mapped.input).success).toBe(true);
    expect(ruler.score(mapped.success ? mapped.input : input).scores).toEqual({ importance: 7, confidence: 3, readiness: 5 });
  });

  it('leaves unanswered items missing, never guessed', () => {
    const mapped = applyFormMap(oracleRulerMap(), [
      coded(ORACLE_LINK_IDS.importance, 0),
      { linkId: ORACLE_LINK_IDS.confidence, answer: [] },
    ]);

    expect(mapped).toEqual({ success: true, input: { instrument: 'readiness-ruler', responses: { importance: 0 } } });
  });

  it('lists every unmapped item and answer by place and linkId, never the answer', () => {
    const items: QrItem[] = [
      coded(ORACLE_LINK_IDS.importance, 7),
      { linkId: '7019999', answer: [{ valueInteger: 4 }] },
      { linkId: ORACLE_LINK_IDS.confidence, answer: [{ valueCoding: { system: ORACLE_CODES, code: 'SECRET-CODE-77' } }] },
      { linkId: ORACLE_LINK_IDS.readiness, answer: [{ valueInteger: 5 }, { valueInteger: 6 }] },
      { linkId: '7012000', item: [{ linkId: ORACLE_LINK_IDS.importance, answer: [{ valueBoolean: true }] }] },
    ];

    const mapped = applyFormMap(oracleRulerMap(), items);

    expect(mapped).toEqual({
      success: false,
      errors: [
        { path: 'QuestionnaireResponse.item[1]', message: "The clinic's form map has no item with this linkId." },
        {
          path: 'QuestionnaireResponse.item[2].answer[0]',
          message: `The clinic's form map has no such answer for item "${ORACLE_LINK_IDS.confidence}".`,
        },
        { path: 'QuestionnaireResponse.item[3].answer', message: `Item "${ORACLE_LINK_IDS.readiness}" takes one answer.` },
        {
          path: 'QuestionnaireResponse.item[4].item[0].answer[0]',
          message: `The clinic's form map has no such answer for item "${ORACLE_LINK_IDS.importance}".`,
        },
      ],
    });
    expect(JSON.stringify(mapped)).not.toContain('SECRET-CODE-77');
  });

  it('keeps the variant the map names', () => {
    const map = { ...oracleRulerMap(), scale: '1-10' };

    expect(applyFormMap(map, [{ linkId: ORACLE_LINK_IDS.readiness, answer: [{ valueInteger: 5 }] }])).toEqual({
      success: true,
      input: { instrument: 'readiness-ruler', scale: '1-10', responses: { readiness: 5 } },
    });
  });
});

describe('formMapUrl', () => {
  it.each([
    ['https://ehr.example/Questionnaire/7|2', 'https://ehr.example/Questionnaire/7'],
    ['https://ehr.example/Questionnaire/7', 'https://ehr.example/Questionnaire/7'],
  ])('maps %s to %s', (given, url) => {
    expect(formMapUrl(given)).toBe(url);
  });
});
