import type { AssessmentView, StoredAssessment } from '../../packages/domain/records';
import type { CreateAssessment } from '../../packages/store/port';

export interface AssessmentFixture {
  clinicId?: string;
  id?: string;
  subjectId?: string;
  administeredOn?: string;
  createdAt?: string;
  idempotencyKey?: string;
  requestHash?: string;
}

/**
 * A plausible URICA assessment as the API hands it to the store.
 * @example await store.createAssessment(createInput({ id: 'asm_1', idempotencyKey: 'k1' }));
 */
export function createInput(f: AssessmentFixture = {}): CreateAssessment {
  const clinicId = f.clinicId ?? 'clinic-a';
  const id = f.id ?? 'asm_01';
  const subjectId = f.subjectId ?? 'sub_v1_Zm9vYmFy';
  const administeredOn = f.administeredOn ?? '2026-11-20';
  const view: AssessmentView = {
    id,
    subjectId,
    administeredOn,
    targetBehavior: 'alcohol',
    instrument: { id: 'urica', version: '1.0.0' },
    complete: false,
    missing: ['4'],
    scores: { precontemplation: 2, contemplation: null, action: 3, maintenance: 2.857142857142857, readiness: null },
    interpretation: { stage: null },
    guidance: [
      {
        principle: 'develop-discrepancy',
        focus: 'explore-importance',
        prompt: 'What would be different for you if drinking played a smaller part in your life?',
      },
    ],
    provenance: { algorithm: 'urica-28', algorithmVersion: '1.0.0', definitionHash: `sha256:${'a'.repeat(64)}` },
  };
  const assessment: StoredAssessment = {
    id,
    clinicId,
    subjectId,
    keyVersion: 'v1',
    instrumentId: 'urica',
    instrumentVersion: '1.0.0',
    administeredOn,
    createdAt: f.createdAt ?? '2026-11-20T10:00:00.000Z',
    answers: { instrument: 'urica', responses: { '1': 2, '2': 4, '3': 3 } },
    view,
  };
  return {
    clinicId,
    idempotencyKey: f.idempotencyKey ?? 'idem-key-0001',
    requestHash: f.requestHash ?? `sha256:${'b'.repeat(64)}`,
    assessment,
    response: { status: 201, body: view },
  };
}

/**
 * `input` with other scores and interpretation in its view (and its stored response).
 * @example withScores(createInput({ id: 'asm_1' }), { readiness: 6, action: null }, { stage: 'action' })
 */
export function withScores(input: CreateAssessment, scores: Record<string, number | null>, interpretation: unknown): CreateAssessment {
  const view = { ...input.assessment.view, scores, interpretation } as AssessmentView;
  return { ...input, assessment: { ...input.assessment, view }, response: { status: 201, body: view } };
}
