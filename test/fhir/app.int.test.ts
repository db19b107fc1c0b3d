import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemQuestionnaire } from '../../packages/fhir/questionnaire';
import { getInstrument, instruments } from '../../packages/instruments/index';
import { r4SchemaErrors } from './schema';
import { type FhirTestApi, fhirTestApi } from './support';

let api: FhirTestApi;
let key: string;
beforeAll(async () => {
  api = await fhirTestApi();
  key = await api.keyFor('clinic-a', ['assessments:read']);
});
afterAll(() => api.table.drop());

describe('GET /fhir/r4/metadata', () => {
  it('answers a CapabilityStatement without a key, as application/fhir+json, valid against R4', async () => {
    const res = await api.call('GET', '/fhir/r4/metadata');

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.body.resourceType).toBe('CapabilityStatement');
    expect(res.body.fhirVersion).toBe('4.0.1');
    expect(r4SchemaErrors(res.body)).toEqual([]);
  });

  it('lists every interaction of the FHIR surface, the storing ones included', async () => {
    const { body } = await api.call('GET', '/fhir/r4/metadata');
    const listed = Object.fromEntries(
      body.rest[0].resource.map((r: any) => [
        r.type,
        [...r.interaction.map((i: any) => i.code), ...(r.operation ?? []).map((o: any) => `$${o.name}`)].sort(),
      ]),
    );

    expect(listed).toEqual({
      CodeSystem: ['read'],
      ConceptMap: ['read'],
      Questionnaire: ['read', 'search-type'],
      Observation: ['read', 'search-type'],
      QuestionnaireResponse: ['$extract', 'create'],
    });
  });
});

describe('FHIR errors', () => {
  it('answers a missing key with 401 as an OperationOutcome, WWW-Authenticate kept', async () => {
    const res = await api.call('GET', '/fhir/r4/Questionnaire');

    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.body).toEqual({
      resourceType: 'OperationOutcome',
      id: res.headers.get('x-request-id'),
      issue: [
        {
          severity: 'error',
          code: 'login',
          details: {
            coding: [
              {
                system: 'https://mi-assessments.example/fhir/CodeSystem/problem-types',
                code: 'unauthenticated',
                display: 'Missing or invalid API key',
              },
            ],
            text: 'Missing or invalid API key',
          },
          diagnostics: 'No API key was sent: send `Authorization: Bearer <api key>`.',
        },
      ],
    });
    expect(r4SchemaErrors(res.body)).toEqual([]);
  });

  it('answers an unknown FHIR path with 404 and a wrong method with 405, both OperationOutcomes', async () => {
    const missing = await api.call('GET', '/fhir/r4/Patient/1', { key });
    const wrongMethod = await api.call('DELETE', '/fhir/r4/metadata', { key });

    expect([missing.status, missing.body.issue[0].code]).toEqual([404, 'not-found']);
    expect([wrongMethod.status, wrongMethod.body.issue[0].code, wrongMethod.headers.get('allow')]).toEqual([
      405,
      'not-supported',
      'GET, HEAD',
    ]);
    expect(wrongMethod.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
  });

  it('leaves /v1 errors as problem+json', async () => {
    const res = await api.call('GET', '/v1/instruments');

    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('shares the per-key rate limit with /v1', async () => {
    const limited = await fhirTestApi({ rateLimit: { perSecond: 0.001, burst: 2 } });
    const k = await limited.keyFor('clinic-b');
    const first = await limited.call('GET', '/v1/instruments', { key: k });
    const second = await limited.call('GET', '/fhir/r4/Questionnaire', { key: k });
    const third = await limited.call('GET', '/fhir/r4/Questionnaire', { key: k });
    await limited.table.drop();

    expect([first.status, third.status]).toEqual([200, 429]);
    expect(second.status).not.toBe(429);
    expect(third.body.issue[0].code).toBe('throttled');
    expect(third.headers.get('retry-after')).not.toBeNull();
  });
});

describe('GET /fhir/r4/Questionnaire and /CodeSystem', () => {
  it('reads the Questionnaire of an instrument by id, as generated, valid against R4', async () => {
    const res = await api.call('GET', '/fhir/r4/Questionnaire/urica', { key });

    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(itemQuestionnaire(getInstrument('urica')!))));
    expect(r4SchemaErrors(res.body)).toEqual([]);
  });

  it('searches by url (with or without |version) and version', async () => {
    const url = 'https://mi-assessments.example/fhir/Questionnaire/rcq';
    const all = await api.call('GET', '/fhir/r4/Questionnaire', { key });
    const byUrl = await api.call('GET', `/fhir/r4/Questionnaire?url=${encodeURIComponent(url)}`, { key });
    const pinned = await api.call('GET', `/fhir/r4/Questionnaire?url=${encodeURIComponent(`${url}|1.1.0`)}`, { key });
    const other = await api.call('GET', `/fhir/r4/Questionnaire?url=${encodeURIComponent(url)}&version=0.9.0`, { key });

    // Every instrument has one, the decisional-balance worksheet included (worksheet-questionnaire.ts).
    expect(all.body.entry.map((e: any) => e.resource.id)).toEqual(instruments.map((i) => i.id));
    expect(all.body.total).toBe(instruments.length);
    expect(byUrl.body.entry.map((e: any) => e.resource.id)).toEqual(['rcq']);
    expect(pinned.body.entry.map((e: any) => e.resource.version)).toEqual(['1.1.0']);
    expect([other.status, other.body.total, other.body.entry]).toEqual([200, 0, []]);
    expect(r4SchemaErrors(byUrl.body)).toEqual([]);
  });

  it('answers an unknown Questionnaire or CodeSystem with 404 OperationOutcomes', async () => {
    const q = await api.call('GET', '/fhir/r4/Questionnaire/nope', { key });
    const cs = await api.call('GET', '/fhir/r4/CodeSystem/nope', { key });

    expect([q.status, q.body.issue[0].diagnostics]).toEqual([404, 'No Questionnaire with this id.']);
    expect([cs.status, cs.body.issue[0].code]).toEqual([404, 'not-found']);
  });

  it('reads the ConceptMap to the PCO temporary codes, every source code in our CodeSystem', async () => {
    const res = await api.call('GET', '/fhir/r4/ConceptMap/mi-instruments-to-pco', { key });
    const cs = await api.call('GET', '/fhir/r4/CodeSystem/mi-instruments', { key });
    const codes = new Set<string>();
    const walk = (list: any[]) => {
      for (const c of list) {
        codes.add(c.code);
        walk(c.concept ?? []);
      }
    };
    walk(cs.body.concept);

    expect(res.status).toBe(200);
    expect(r4SchemaErrors(res.body)).toEqual([]);
    expect(res.body.group[0].target).toBe('http://hl7.org/fhir/us/pco/CodeSystem/readiness-assessment-concepts-temporary');
    expect(res.body.group[0].element.map((e: any) => [e.code, e.target[0].code])).toEqual([
      ['readiness-ruler', 'readiness-assessment'],
      ['readiness-ruler/item/importance', 'importance'],
      ['readiness-ruler/score/importance', 'importance'],
      ['readiness-ruler/item/confidence', 'confidence'],
      ['readiness-ruler/score/confidence', 'confidence'],
    ]);
    expect(res.body.group[0].element.filter((e: any) => !codes.has(e.code))).toEqual([]);
  });

  it('reads our CodeSystem', async () => {
    const res = await api.call('GET', '/fhir/r4/CodeSystem/mi-instruments', { key });

    expect(res.status).toBe(200);
    expect(res.body.url).toBe('https://mi-assessments.example/fhir/CodeSystem/mi-instruments');
    expect(res.body.concept.map((c: any) => c.code).slice(0, instruments.length)).toEqual(instruments.map((i) => i.id));
  });
});
