import { CANONICAL_BASE, FHIR_JSON, FHIR_VERSION, questionnaireUrl } from './canonical';

const SDC_EXTRACT = 'http://hl7.org/fhir/uv/sdc/OperationDefinition/QuestionnaireResponse-extract';
const US_CORE_SCREENING = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-screening-assessment';

/**
 * The CapabilityStatement of `GET /fhir/r4/metadata`: every FHIR interaction the API answers,
 * the reading ones and the storing ones alike, with their search parameters.
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
      description: 'Motivational Interviewing instruments as SDC Questionnaires; QuestionnaireResponses scored into Observations.',
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
            type: 'QuestionnaireResponse',
            documentation: `Scored when \`questionnaire\` is one of ours (e.g. ${questionnaireUrl('urica')}|1.1.0) or mapped by the clinic's form map.`,
            interaction: [{ code: 'create', documentation: 'Scores and stores; the answer is the Bundle of Observations.' }],
            operation: [{ name: 'extract', definition: SDC_EXTRACT, documentation: 'Scores without storing: the Bundle of Observations.' }],
          },
          {
            type: 'Observation',
            supportedProfile: [US_CORE_SCREENING],
            interaction: [
              { code: 'read' },
              { code: 'search-type', documentation: 'POST _search only (form body), so identifiers stay out of URLs.' },
            ],
            searchParam: [
              { name: 'subject', type: 'reference', documentation: 'With the `:identifier` modifier: system|value of the client.' },
              { name: 'code', type: 'token' },
              { name: 'date', type: 'date' },
            ],
          },
        ],
        operation: [{ name: 'extract', definition: SDC_EXTRACT }],
      },
    ],
  };
}
