import { ASSESSMENT_ID_PATTERN } from '../api/ids';

/** An assessment id (`asm_` + 22 base64url characters) is 26 characters; its Observation id keeps that length. */
const ASSESSMENT_ID_LENGTH = 26;
const MEMBER = /^[A-Za-z][A-Za-z0-9.]*$/;
const FHIR_ID = /^[A-Za-z0-9.-]{1,64}$/;

/**
 * The FHIR id of a stored assessment's panel (`member` absent) or of one member (a score name or
 * an interpretation key). FHIR ids allow `[A-Za-z0-9.-]{1,64}` and assessment ids contain `_`,
 * which base64url never uses as `.`: so `_` becomes `.`, and a member follows after `-` at the
 * fixed position 26. Stable and reversible (parseObservationId).
 * @example observationId('asm_AAAAAAAAAAAAAAAAAAAAAA', 'bands.importance') // 'asm.AAAAAAAAAAAAAAAAAAAAAA-bands.importance'
 */
export function observationId(assessmentId: string, member?: string): string {
  if (!ASSESSMENT_ID_PATTERN.test(assessmentId)) throw new Error('Not an assessment id.');
  const panel = assessmentId.replaceAll('_', '.');
  if (member === undefined) return panel;
  const id = `${panel}-${member}`;
  if (!MEMBER.test(member) || !FHIR_ID.test(id)) throw new Error('A member name that cannot be part of a FHIR id.');
  return id;
}

/**
 * The assessment id and member of an Observation id, or `undefined` when it is not one of ours.
 * @example parseObservationId('asm.AAAAAAAAAAAAAAAAAAAAAA-rung') // { assessmentId: 'asm_AAAAAAAAAAAAAAAAAAAAAA', member: 'rung' }
 */
export function parseObservationId(id: string): { assessmentId: string; member?: string } | undefined {
  if (!FHIR_ID.test(id)) return undefined;
  const assessmentId = id.slice(0, ASSESSMENT_ID_LENGTH).replaceAll('.', '_');
  if (!ASSESSMENT_ID_PATTERN.test(assessmentId)) return undefined;
  const rest = id.slice(ASSESSMENT_ID_LENGTH);
  if (rest === '') return { assessmentId };
  const member = rest.slice(1);
  return rest.startsWith('-') && MEMBER.test(member) ? { assessmentId, member } : undefined;
}
