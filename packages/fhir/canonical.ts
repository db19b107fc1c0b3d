/**
 * The canonical URLs of everything this API publishes in FHIR. They name our definitions, not the
 * server that answers: a Questionnaire keeps its url wherever the API is deployed, so EHRs and
 * form maps can rely on it (docs/fhir.md).
 */
export const CANONICAL_BASE = 'https://mi-assessments.example/fhir';

/** Our CodeSystem: instruments, items, answers, scores, interpretations and their values. */
export const CODE_SYSTEM_URL = `${CANONICAL_BASE}/CodeSystem/mi-instruments`;
/** The id of our CodeSystem resource (`GET /fhir/r4/CodeSystem/mi-instruments`). */
export const CODE_SYSTEM_ID = 'mi-instruments';
/** Our ConceptMap to the HL7 PCO temporary codes. */
export const CONCEPT_MAP_ID = 'mi-instruments-to-pco';
export const CONCEPT_MAP_URL = `${CANONICAL_BASE}/ConceptMap/${CONCEPT_MAP_ID}`;
/** Where an OperationOutcome's `details` names our problem type (the same words as `/v1`'s problem `type`). */
export const PROBLEM_SYSTEM = `${CANONICAL_BASE}/CodeSystem/problem-types`;
/** Where our extensions (provenance) are defined. */
export const EXTENSION_BASE = `${CANONICAL_BASE}/StructureDefinition`;
/** The extension that traces an Observation to the rule that scored it (algorithm, its version, the definition hash). */
export const PROVENANCE_EXTENSION = `${EXTENSION_BASE}/scoring-provenance`;
/**
 * The identifier system of our pseudonymous subject ids (`subjectId` of `/v1`): later reads name
 * the client by it alone, never by the identifier the EHR sent (docs/fhir.md, "Out").
 */
export const PSEUDONYM_SYSTEM = `${CANONICAL_BASE}/NamingSystem/subject-pseudonym`;

/**
 * The canonical url of an instrument's Questionnaire.
 * @example questionnaireUrl('urica') // 'https://mi-assessments.example/fhir/Questionnaire/urica'
 */
export const questionnaireUrl = (instrumentId: string) => `${CANONICAL_BASE}/Questionnaire/${instrumentId}`;

/** FHIR R4's version and its JSON media type (`application/json` is accepted as well). */
export const FHIR_VERSION = '4.0.1';
export const FHIR_JSON = 'application/fhir+json';
/** The mount point of the FHIR routes. */
export const FHIR_BASE_PATH = '/fhir/r4';
