import { CODE_SYSTEM_URL, CONCEPT_MAP_ID, CONCEPT_MAP_URL } from './canonical';
import { code } from './codes';

/**
 * The HL7 Person-Centered Outcomes IG (STU 1, hl7.org/fhir/us/pco/STU1) publishes temporary codes
 * for readiness in the CodeSystem `readiness-assessment-concepts-temporary`: `readiness-assessment`
 * ("Panel code for readiness scales"), `importance` ("Importance of change") and `confidence`
 * ("Confidence to change"). It has none for readiness itself, nor for any other instrument here.
 */
export const PCO_READINESS_SYSTEM = 'http://hl7.org/fhir/us/pco/CodeSystem/readiness-assessment-concepts-temporary';

const RULER = 'readiness-ruler';

/**
 * Our ConceptMap to the PCO temporary codes: the readiness ruler (panel), and its importance and
 * confidence items and scores. Nothing else has a PCO code, so nothing else is mapped.
 * @example conceptMap().group[0].element.map((e) => e.code)
 */
export function conceptMap() {
  const to = (target: string, display: string) => [{ code: target, display, equivalence: 'equivalent' }];
  return {
    resourceType: 'ConceptMap' as const,
    id: CONCEPT_MAP_ID,
    url: CONCEPT_MAP_URL,
    version: '1.0.0',
    name: 'MIInstrumentsToPCO',
    title: 'MI instruments to the HL7 PCO readiness assessment temporary codes',
    status: 'active',
    sourceUri: CODE_SYSTEM_URL,
    targetUri: PCO_READINESS_SYSTEM,
    group: [
      {
        source: CODE_SYSTEM_URL,
        target: PCO_READINESS_SYSTEM,
        element: [
          { code: code.instrument(RULER), target: to('readiness-assessment', 'Readiness assessment') },
          { code: code.item(RULER, 'importance'), target: to('importance', 'Importance of change') },
          { code: code.score(RULER, 'importance'), target: to('importance', 'Importance of change') },
          { code: code.item(RULER, 'confidence'), target: to('confidence', 'Confidence to change') },
          { code: code.score(RULER, 'confidence'), target: to('confidence', 'Confidence to change') },
        ],
      },
    ],
  };
}
