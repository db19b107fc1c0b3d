import { beforeAll, describe, expect, it } from 'vitest';
import { FHIR_ROUTES } from '../../packages/fhir/app';
import type { FhirHandlers } from '../../packages/fhir/handlers';
import { rcq, SECRETS } from './qr-fixtures';
import { useFhirTestApi } from './support';

const SECRET_ID = 'asm.SECRETxID0042';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** One concrete request per FHIR interaction (keyed by handler, so a new route needs one), with its status. */
const REQUESTS: Record<
  keyof FhirHandlers,
  { path: string; body?: unknown; raw?: string; headers?: Record<string, string>; status: number }
> = {
  metadata: { path: '/fhir/r4/metadata', status: 200 },
  readCodeSystem: { path: '/fhir/r4/CodeSystem/mi-instruments', status: 200 },
  readConceptMap: { path: '/fhir/r4/ConceptMap/mi-instruments-to-pco', status: 200 },
  readQuestionnaire: { path: '/fhir/r4/Questionnaire/urica', status: 200 },
  searchQuestionnaire: { path: '/fhir/r4/Questionnaire?url=https://mi-assessments.example/fhir/Questionnaire/urica', status: 200 },
  readObservation: { path: `/fhir/r4/Observation/${SECRET_ID}`, status: 404 },
  searchObservation: {
    path: '/fhir/r4/Observation/_search?_cursor=SECRETxCURSOR',
    raw: `subject%3Aidentifier=${encodeURIComponent(`${SECRETS.system}|${SECRETS.mrn}`)}`,
    headers: FORM,
    status: 400,
  },
  extractQuestionnaireResponse: { path: '/fhir/r4/QuestionnaireResponse/$extract', body: rcq(), status: 200 },
  createQuestionnaireResponse: { path: '/fhir/r4/QuestionnaireResponse', body: rcq(), status: 201 },
};

const api = useFhirTestApi();
let key: string;
beforeAll(async () => {
  key = await api.keyFor('clinic-a');
});

describe('the request log line of a FHIR interaction', () => {
  it.each(FHIR_ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))(
    'names %s by its route pattern, never the concrete id, query or body',
    async (_name, route) => {
      const { path, status, ...send } = REQUESTS[route.handler];
      api.logs.length = 0;

      const res = await api.call(route.method, path, { key, ...send });

      expect(res.status).toBe(status);
      expect(api.logs).toEqual([
        {
          level: 'info',
          msg: 'request',
          method: route.method,
          route: `/fhir/r4${route.path}`,
          status,
          ms: expect.any(Number),
          requestId: res.headers.get('x-request-id'),
          // why: /metadata is answered without reading the key (docs/fhir.md).
          ...(route.auth ? { clinicId: 'clinic-a', keyId: expect.stringMatching(/^[0-9a-f]{16}$/) } : {}),
        },
      ]);
      const logged = JSON.stringify(api.logs);
      for (const secret of [SECRET_ID, 'SECRETxCURSOR', 'urica', SECRETS.mrn, SECRETS.qrValue]) expect(logged).not.toContain(secret);
    },
  );

  it('names an answer no FHIR route gives (a 404, a 405) by the mount pattern, not the path', async () => {
    api.logs.length = 0;
    const missing = await api.call('GET', `/fhir/r4/Patient/${SECRET_ID}`, { key });
    const wrongMethod = await api.call('DELETE', `/fhir/r4/Observation/${SECRET_ID}`, { key });

    expect([missing.status, wrongMethod.status]).toEqual([404, 405]);
    expect(api.logs.map((l) => [l.method, l.route, l.status])).toEqual([
      ['GET', '/fhir/r4/*', 404],
      ['DELETE', '/fhir/r4/*', 405],
    ]);
    expect(JSON.stringify(api.logs)).not.toContain(SECRET_ID);
  });
});
