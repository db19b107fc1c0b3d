import type { FormMap } from '../../packages/domain/form-map';

/** The code system an Oracle Health-style form answers with: proprietary, not ours, not LOINC. */
export const ORACLE_CODES = 'https://fhir.oracle-style.example/codes/answer';
export const ORACLE_QUESTIONNAIRE = 'https://fhir.oracle-style.example/Questionnaire/MI-RULER-4471';
/** The numeric linkIds the EHR form uses for importance, confidence and readiness. */
export const ORACLE_LINK_IDS = { importance: '7012001', confidence: '7012002', readiness: '7012003' } as const;
/** The proprietary answer code of ruler value `v` on question `linkId`. */
export const oracleCode = (linkId: string, v: number) => `${linkId}-A${String(v).padStart(2, '0')}`;

/**
 * An Oracle-style map of the readiness ruler: numeric linkIds, one proprietary code per answer of
 * importance and confidence, and readiness answered as a plain integer.
 */
export const oracleRulerMap = (): FormMap => ({
  questionnaire: ORACLE_QUESTIONNAIRE,
  instrument: 'readiness-ruler',
  items: [
    ...(['importance', 'confidence'] as const).map((item) => ({
      linkId: ORACLE_LINK_IDS[item],
      item,
      answers: Array.from({ length: 11 }, (_, v) => ({ system: ORACLE_CODES, code: oracleCode(ORACLE_LINK_IDS[item], v), value: v })),
    })),
    { linkId: ORACLE_LINK_IDS.readiness, item: 'readiness', answers: Array.from({ length: 11 }, (_, v) => ({ integer: v, value: v })) },
  ],
});
