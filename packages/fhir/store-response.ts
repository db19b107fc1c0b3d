import { type AssessmentDeps, createAssessment } from '../api/assessments';
import { parseAssessmentRequest, toValidationError } from '../api/schemas';
import { ValidationError } from '../domain/errors';
import type { AssessmentView } from '../domain/records';
import type { MappedInput } from './form-map';

/** `QuestionnaireResponse.identifier`, as far as idempotency reads it. */
export interface QrIdentifier {
  system?: string;
  value?: string;
}

/**
 * The idempotency key of a posted QuestionnaireResponse: the `Idempotency-Key` header when sent,
 * else one derived from `QuestionnaireResponse.identifier` (system|value). Either way only a keyed
 * digest of it is stored (`createAssessment` fingerprints it). Neither → 400.
 * @example qrIdempotencyKey(undefined, { system: 'urn:ehr', value: 'QR-1' }) // 'qr-identifier\u001furn:ehr|QR-1'
 */
export function qrIdempotencyKey(header: string | undefined, identifier: QrIdentifier | undefined): string {
  if (header !== undefined && header.length >= 1 && header.length <= 255) return header;
  if (header === undefined && identifier?.system && identifier.value) {
    // why: a prefix no header can take on its own meaning, so an identifier and a header never share a record by accident.
    return `qr-identifier\u001f${identifier.system}|${identifier.value}`;
  }
  throw new ValidationError(
    [
      {
        path: header === undefined ? 'QuestionnaireResponse.identifier' : 'header.Idempotency-Key',
        message:
          header === undefined
            ? 'An Idempotency-Key header or an identifier with system and value is required.'
            : 'The Idempotency-Key header must be 1 to 255 characters.',
      },
    ],
    'malformed',
  );
}

/**
 * Scores and stores a QuestionnaireResponse already turned into our instrument input, exactly as
 * `POST /v1/assessments` does (same validation, engine, pseudonymization, rollups, idempotency).
 * Returns the stored view (the first one again on a replay); the FHIR answer is built from it
 * and the subject the request sent, so a replay answers the same body without storing the subject.
 * @example await storeQuestionnaireResponse(deps, 'demo', key, { input, ref: 'urn:ehr|8f3a', administeredOn: '2026-11-20' })
 */
export async function storeQuestionnaireResponse(
  deps: AssessmentDeps,
  clinicId: string,
  idempotencyKey: string,
  response: { input: MappedInput; ref: string; administeredOn: string },
): Promise<{ view: AssessmentView; replayed: boolean }> {
  const parsed = parseAssessmentRequest({ ...response.input, subject: { ref: response.ref }, administeredOn: response.administeredOn });
  if (!parsed.success) throw toValidationError(parsed.error);
  const out = await createAssessment(deps, clinicId, idempotencyKey, parsed.data);
  return { view: out.body as AssessmentView, replayed: out.replayed };
}
