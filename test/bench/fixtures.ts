import { type AssessmentDeps, createAssessment } from '../../packages/api/assessments';
import { newAssessmentId } from '../../packages/api/ids';
import type { Pseudonymizer } from '../../packages/api/pseudonymizer';
import { assessmentRequest } from '../../packages/api/schemas';
import { CODE_SYSTEM_URL, questionnaireUrl } from '../../packages/fhir/canonical';
import { getInstrument } from '../../packages/instruments/index';
import type { CreateAssessment, Store } from '../../packages/store/port';

/** A worked example for `decisional-balance-alcohol`: all 20 items answered. */
export const ALCOHOL_RESPONSES: Record<string, number> = {
  '1': 4,
  '2': 3,
  '3': 2,
  '4': 4,
  '5': 5,
  '6': 3,
  '7': 4,
  '8': 4,
  '9': 2,
  '10': 3,
  '11': 3,
  '12': 5,
  '13': 4,
  '14': 1,
  '15': 3,
  '16': 2,
  '17': 3,
  '18': 4,
  '19': 2,
  '20': 2,
};

/** Body of `POST /v1/score` (and of the bare echo route). */
export const scoreBody = JSON.stringify({
  instrument: 'decisional-balance-alcohol',
  targetBehavior: 'alcohol',
  responses: ALCOHOL_RESPONSES,
});

/**
 * Body of `POST /fhir/r4/QuestionnaireResponse/$extract`: the same 20 answers as `scoreBody`, as a
 * completed QuestionnaireResponse to our Questionnaire (coded answers, with the ordinalValue a
 * renderer copies along), so (d) compares the FHIR dialect with `/v1/score` on equal work.
 */
export const extractBody = JSON.stringify({
  resourceType: 'QuestionnaireResponse',
  questionnaire: `${questionnaireUrl('decisional-balance-alcohol')}|${getInstrument('decisional-balance-alcohol')!.version}`,
  status: 'completed',
  subject: { identifier: { system: 'urn:oid:2.16.840.1.113883.3.999', value: 'bench-client' } },
  authored: '2026-11-20T09:30:00Z',
  item: Object.entries(ALCOHOL_RESPONSES).map(([linkId, value]) => ({
    linkId,
    answer: [
      {
        valueCoding: {
          extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: value }],
          system: CODE_SYSTEM_URL,
          code: `decisional-balance-alcohol/answer/${value}`,
        },
      },
    ],
  })),
});

/** Yesterday (UTC), so `administeredOn` is never in the future whatever the machine's date. */
export const ADMINISTERED_ON = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

/** Body of `POST /v1/assessments` for subject `ref`. */
export const assessmentBody = (ref: string) => ({
  instrument: 'decisional-balance-alcohol',
  subject: { ref },
  administeredOn: ADMINISTERED_ON,
  targetBehavior: 'alcohol',
  responses: ALCOHOL_RESPONSES,
});

/**
 * What `POST /v1/assessments` hands to `store.createAssessment`, captured by running the API's
 * own use case once against a recording store, so the direct writes carry the same item sizes.
 */
export async function capturedCreateInput(pseudonymizer: Pseudonymizer, clinicId: string): Promise<CreateAssessment> {
  let captured: CreateAssessment | undefined;
  const recorder = {
    async createAssessment(input: CreateAssessment) {
      captured = input;
      return { kind: 'created' as const };
    },
  } as unknown as Store;
  const deps: AssessmentDeps = { store: recorder, pseudonymizer, now: () => new Date(), newId: newAssessmentId };
  await createAssessment(deps, clinicId, 'template', assessmentRequest.parse(assessmentBody('template-ref')));
  if (!captured) throw new Error('The use case did not call store.createAssessment.');
  return captured;
}

/**
 * A fresh input for the direct-SDK contender: new id, subject, idempotency key and timestamp,
 * everything else (sizes, conditions) as the API sends it.
 */
export function directInput(
  template: CreateAssessment,
  pseudonymizer: Pseudonymizer,
  idempotencyKey: string,
  ref: string,
): CreateAssessment {
  const id = newAssessmentId();
  const subjectId = pseudonymizer.subjectId(template.clinicId, ref);
  const view = { ...template.assessment.view, id, subjectId };
  return {
    ...template,
    idempotencyKey,
    response: { status: 201, body: view },
    assessment: { ...template.assessment, id, subjectId, createdAt: new Date().toISOString(), view },
  };
}
