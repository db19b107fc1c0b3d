import { CANONICAL_BASE, FHIR_JSON, FHIR_VERSION } from './canonical';
import { SCREENING_ASSESSMENT_PROFILE } from './observation';

/**
 * The CapabilityStatement of `GET /fhir/r4/metadata`: every FHIR interaction the API answers
 * today, with its search parameters and operations (docs/fhir.md).
 * @example capabilityStatement(new Date()).rest[0].resource.map((r) => r.type)
 */
export function capabilityStatement(now: Date) {
  return {
    resourceType: 'CapabilityStatement',
    url: `${CANONICAL_BASE}/CapabilityStatement/mi-assessments`,
    name: 'MIAssessmentsAPI',
    title: 'MI Assessments API — FHIR R4',
    status: 'active',
    date: now.toISOString().slice(0, 10),
    publisher: 'MI Assessments API',
    kind: 'instance',
    implementation: {
      description: 'Motivational Interviewing instruments as SDC Questionnaires that compute their scores.',
    },
    fhirVersion: FHIR_VERSION,
    format: [FHIR_JSON, 'application/json'],
    instantiates: [],
    rest: [
      {
        mode: 'server',
        documentation:
          'Every interaction except metadata needs `Authorization: Bearer <api key>`. Identifiers go in bodies, never in URLs.',
        security: {
          cors: true,
          service: [
            {
              coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'Basic', display: 'Basic' }],
              text: 'Bearer API key',
            },
          ],
        },
        resource: [
          { type: 'CodeSystem', interaction: [{ code: 'read' }] },
          { type: 'ConceptMap', interaction: [{ code: 'read' }] },
          {
            type: 'Questionnaire',
            profile: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire',
            interaction: [{ code: 'read' }, { code: 'search-type' }],
            searchParam: [
              { name: 'url', type: 'uri', definition: 'http://hl7.org/fhir/SearchParameter/Questionnaire-url' },
              { name: 'version', type: 'token', definition: 'http://hl7.org/fhir/SearchParameter/Questionnaire-version' },
            ],
          },
          {
            type: 'Observation',
            supportedProfile: [SCREENING_ASSESSMENT_PROFILE],
            documentation:
              'Search with POST _search and a form body only (subject:identifier as system|value is required); page by posting the same form to the next link, which carries only the sealed cursor. Bundle.total (the matches of all pages) is on the page that ends the search and absent while a next link follows: the store counts only by reading the whole history.',
            interaction: [{ code: 'read' }, { code: 'search-type' }],
            searchParam: [
              { name: 'subject:identifier', type: 'token', documentation: 'Required, system|value; form body only.' },
              { name: 'code', type: 'token', definition: 'http://hl7.org/fhir/SearchParameter/clinical-code' },
              { name: 'date', type: 'date', definition: 'http://hl7.org/fhir/SearchParameter/clinical-date' },
              { name: '_cursor', type: 'string', documentation: 'The sealed cursor of the next link.' },
            ],
          },
          {
            type: 'QuestionnaireResponse',
            interaction: [{ code: 'create' }],
            operation: [{ name: 'extract', definition: 'http://hl7.org/fhir/uv/sdc/OperationDefinition/QuestionnaireResponse-extract' }],
          },
        ],
      },
    ],
  };
}
