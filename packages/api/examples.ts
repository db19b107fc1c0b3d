import { once } from '../instruments/once';
import { scoreOnly } from './assessments';
import { responseExamples } from './examples-responses';
import type { ScoreRequest } from './schemas';

/**
 * The worked examples of docs/scoring.md as request bodies, for the OpenAPI document's examples.
 * Response examples are these scored by the engine at document time, so they can never be wrong.
 */
export type Worked = Record<string, { summary: string; request: Record<string, unknown> }>;

const WORKED: Worked = {
  readinessRuler: {
    summary: 'Readiness ruler: importance 7, confidence 3, readiness 5',
    request: { instrument: 'readiness-ruler', responses: { importance: 7, confidence: 3, readiness: 5 } },
  },
  smokingShort: {
    summary: 'Smoking decisional balance (short form): pros 4, cons 1.67',
    request: { instrument: 'decisional-balance-smoking-short', responses: { '1': 4, '2': 2, '3': 3, '4': 1, '5': 5, '6': 2 } },
  },
  urica: {
    summary: 'URICA, all 32 items: readiness 7.86, stage precontemplation',
    request: {
      instrument: 'urica',
      responses: Object.fromEntries(
        [2, 4, 3, 4, 2, 3, 3, 4, 3, 4, 1, 4, 2, 3, 5, 2, 3, 3, 4, 3, 3, 3, 3, 4, 2, 2, 3, 2, 2, 3, 2, 4].map((v, i) => [String(i + 1), v]),
      ),
    },
  },
  rcq: {
    summary: 'RCQ: contemplation and action tie at 5, stage action',
    request: {
      instrument: 'rcq',
      responses: Object.fromEntries([-2, 2, 1, 1, -2, 1, 1, 2, 1, -2, 1, -1].map((v, i) => [String(i + 1), v])),
    },
  },
  worksheet: {
    summary: 'Decisional balance worksheet: 1 / 1 / 2 / 3 entries, leaning change (labels are scored and never stored)',
    request: {
      instrument: 'decisional-balance',
      responses: {
        benefitsOfChange: [{ label: 'better sleep', weight: 4 }],
        costsOfChange: [{ weight: 2 }],
        benefitsOfStatusQuo: [{ weight: 3 }, { weight: 1 }],
        costsOfStatusQuo: [{ weight: 5 }, { weight: 4 }, { weight: 2 }],
      },
    },
  },
};

const ENVELOPE = { subject: { ref: 'clinic-opaque-ref-8f3a' }, administeredOn: '2026-11-20', targetBehavior: 'alcohol' };
const EXAMPLE_ID = 'asm_Hq3Vd2mFbL0Zx9Yt1Ww8aQ';
const EXAMPLE_SUBJECT = 'sub_1_kP4nR7sT2vX9zB1dF6hJ8mQ3wY5cA0eG4iL7oU2rN9';

type Examples = Record<string, { summary: string; value: unknown }>;
const each = (value: (request: Record<string, unknown>) => unknown): Examples =>
  Object.fromEntries(Object.entries(WORKED).map(([name, { summary, request }]) => [name, { summary, value: value(request) }]));

/** Request and response examples, built on the first request for the document. */
export const examples = once(() => {
  const view = (request: Record<string, unknown>) => ({
    id: EXAMPLE_ID,
    subjectId: EXAMPLE_SUBJECT,
    administeredOn: ENVELOPE.administeredOn,
    targetBehavior: ENVELOPE.targetBehavior,
    ...scoreOnly(request as ScoreRequest),
  });
  const ruler = WORKED['readinessRuler']!.request;
  return {
    scoreRequest: each((r) => r),
    scoredResult: each((r) => scoreOnly(r as ScoreRequest)),
    assessmentRequest: each((r) => ({ ...r, ...ENVELOPE })),
    assessmentView: each(view),
    assessmentPage: { history: { summary: 'One page of a client’s history', value: { subjectId: EXAMPLE_SUBJECT, items: [view(ruler)] } } },
    batchRequest: {
      twoItems: {
        summary: 'Two assessments, each with its own idempotency key',
        value: {
          items: [
            { idempotencyKey: 'ehr-2026-11-20-0001', assessment: { ...ruler, ...ENVELOPE } },
            {
              idempotencyKey: 'ehr-2026-11-20-0002',
              assessment: { ...WORKED['smokingShort']!.request, ...ENVELOPE, targetBehavior: 'tobacco' },
            },
          ],
        },
      },
    },
    currentKey: {
      analyst: {
        summary: 'An analyst’s key of the demo clinic',
        value: { keyId: '3f9c0a1b2c3d4e5f', clinicId: 'demo', scopes: ['analytics:read'], createdAt: '2026-11-20T09:30:00.000Z' },
      },
    },
    subjectSearchRequest: {
      byRef: { summary: 'A client’s history by ref (never in a URL)', value: { ref: ENVELOPE.subject.ref, limit: 20 } },
    },
    ...responseExamples({ view, worked: WORKED, subjectId: EXAMPLE_SUBJECT }),
  };
});

export type ExampleName = keyof ReturnType<typeof examples>;
