import type { AssessmentView } from '../domain/records';

/**
 * The Observations of one scored result (docs/fhir.md, "Out"): a US Core Screening Assessment
 * panel and one member per score and per interpretation. This file fixes the interface the
 * storing routes (`$extract`, `POST QuestionnaireResponse`) and the reading routes
 * (`GET Observation/{id}`, `_search`) share; the builders are filled in behind it.
 */

/** Who the Observations are about: what the EHR sent (create and `$extract` answers) or, on later reads, the pseudonymous id only. */
export type ObservationSubject = { identifier: { system: string; value: string } } | { reference: string } | { pseudonym: string };

/** What the builders read: the result (a stored view, or a `$extract` result without id) and its context. */
export interface ObservationSource {
  /** The scored result; `id` and `subjectId` are absent on `$extract`, which stores nothing. */
  view: Omit<AssessmentView, 'id' | 'subjectId' | 'guidance'> & { id?: string; subjectId?: string };
  subject: ObservationSubject;
  /** `QuestionnaireResponse.identifier` as sent, for `derivedFrom` (create and `$extract` only; never stored). */
  derivedFrom?: { system?: string; value: string };
  /** The clinic is a 42 CFR Part 2 program: every resource carries the Part 2 `meta.security` labels. */
  part2: boolean;
}

/** A FHIR Observation as this API emits it (R4 JSON). */
export type Observation = Record<string, unknown> & { resourceType: 'Observation'; id?: string };

/**
 * The panel and its members. Members have ids only when the view has one (a stored result).
 * @example const { panel, members } = observationsFor({ view, subject: { pseudonym: view.subjectId }, part2: true });
 */
export function observationsFor(_source: ObservationSource): { panel: Observation; members: Observation[] } {
  throw new Error('observationsFor: not built yet');
}

/**
 * A Bundle of the panel and its members: `collection` for `$extract`, `transaction-response`-style
 * `collection` for the create answer (same shape, replay answers the same body).
 * @example observationBundle(source) // { resourceType: 'Bundle', type: 'collection', entry: [panel, ...members] }
 */
export function observationBundle(source: ObservationSource): Record<string, unknown> {
  const { panel, members } = observationsFor(source);
  return { resourceType: 'Bundle', type: 'collection', entry: [panel, ...members].map((resource) => ({ resource })) };
}

/**
 * The FHIR id of a stored assessment's panel (`member` absent) or of one member (a score or an
 * interpretation name). FHIR ids allow `[A-Za-z0-9.-]{1,64}`; assessment ids contain `_`.
 * @example observationId('asm_01JD…', 'readiness') // panel/member ids that parseObservationId reverses
 */
export function observationId(_assessmentId: string, _member?: string): string {
  throw new Error('observationId: not built yet');
}

/** The assessment id and member of an Observation id, or `undefined` when it is not one of ours. */
export function parseObservationId(_id: string): { assessmentId: string; member?: string } | undefined {
  throw new Error('parseObservationId: not built yet');
}
