import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';

/**
 * The rules of the US Core 6.1.0 Observation Screening Assessment profile
 * (us-core-observation-screening-assessment), checked one by one. No npm package ships the US Core
 * package (its StructureDefinition snapshots and value sets) for an offline validator, so the
 * profile's differential is written out here: its invariants as the profile's own FHIRPath,
 * evaluated by fhirpath.js on the R4 model, and its cardinalities, fixed values, reference
 * targets and required binding as plain checks.
 */
const PROFILE = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-screening-assessment';
const SURVEY = { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' };
const US_CORE_CATEGORY = 'http://hl7.org/fhir/us/core/CodeSystem/us-core-category';
/** R4 ObservationStatus (required binding of the base resource). */
const STATUSES = ['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown'];
/** Reference targets of `derivedFrom` and `hasMember` the profile allows (by resource type). */
const DERIVED_FROM = ['Observation', 'QuestionnaireResponse', 'DocumentReference', 'ImagingStudy', 'Media', 'MolecularSequence'];
const HAS_MEMBER = ['Observation', 'QuestionnaireResponse', 'MolecularSequence'];

/** The profile's invariants (and the base resource's obs-6) with their FHIRPath, as published. */
const INVARIANTS: [key: string, expression: string][] = [
  ['us-core-1', 'effective.ofType(dateTime).exists() implies effective.ofType(dateTime).toString().length() >= 10'],
  ['us-core-2', '(component.empty() and hasMember.empty()) implies (dataAbsentReason.exists() or value.exists())'],
  ['us-core-3', "value.ofType(Quantity).system.empty() or value.ofType(Quantity).system = 'http://unitsofmeasure.org'"],
  ['obs-6', 'dataAbsentReason.empty() or value.empty()'],
  ['obs-7', 'value.empty() or component.code.where(coding.intersect(%resource.code.coding).exists()).empty()'],
];

type Ref = { reference?: string; type?: string; identifier?: unknown };
const refType = (ref: Ref, resolve: (r: string) => string | undefined) =>
  ref.type ?? (ref.reference?.startsWith('urn:uuid:') ? resolve(ref.reference) : ref.reference?.split('/')[0]);

/**
 * The rules `observation` breaks, as short lines (empty when it conforms). `resolve` gives the
 * resource type of a `urn:uuid:` reference inside the Bundle the Observation came in.
 * @example expect(screeningAssessmentErrors(panel)).toEqual([]);
 */
export function screeningAssessmentErrors(
  observation: Record<string, any>,
  resolve: (ref: string) => string | undefined = () => undefined,
) {
  const errors: string[] = [];
  const check = (ok: boolean, rule: string) => {
    if (!ok) errors.push(rule);
  };
  check(observation.resourceType === 'Observation', 'resourceType: Observation');
  const profiles: string[] = observation.meta?.profile ?? [];
  check(
    profiles.some((p) => p.split('|')[0] === PROFILE),
    'meta.profile claims the profile',
  );
  check(STATUSES.includes(observation.status), 'status 1..1 from ObservationStatus (required)');
  const categories: { coding?: { system?: string; code?: string }[] }[] = observation.category ?? [];
  check(categories.length >= 1, 'category 1..*');
  const surveys = categories.filter((c) => (c.coding ?? []).some((x) => x.system === SURVEY.system && x.code === SURVEY.code));
  check(surveys.length === 1, 'category:survey 1..1 (pattern observation-category#survey)');
  const usCore = categories.flatMap((c) => c.coding ?? []).filter((x) => x.system === US_CORE_CATEGORY);
  check(
    usCore.every((x) => ['sdoh', 'functional-status', 'disability-status', 'cognitive-status'].includes(x.code ?? '')),
    'category:screening-assessment from the US Core Screening Assessment Observation Category (required)',
  );
  check((observation.code?.coding ?? []).length >= 1 || typeof observation.code?.text === 'string', 'code 1..1');
  const subject: Ref | undefined = observation.subject;
  check(subject !== undefined && (subject.reference !== undefined || subject.identifier !== undefined), 'subject 1..1');
  if (subject) check(refType(subject, resolve) === undefined || refType(subject, resolve) === 'Patient', 'subject: a Patient');
  check(
    ['effectiveDateTime', 'effectivePeriod', 'effectiveTiming', 'effectiveInstant'].some((k) => k in observation),
    'effective[x] (must support) filled',
  );
  for (const ref of (observation.derivedFrom ?? []) as Ref[]) {
    check(DERIVED_FROM.includes(refType(ref, resolve) ?? ''), 'derivedFrom: an allowed target type');
  }
  for (const ref of (observation.hasMember ?? []) as Ref[]) {
    check(HAS_MEMBER.includes(refType(ref, resolve) ?? ''), 'hasMember: an allowed target type');
  }
  for (const [key, expression] of INVARIANTS) {
    const [result] = fhirpath.evaluate(observation, expression, { resource: observation }, r4) as boolean[];
    check(result !== false, key);
  }
  return errors;
}
