import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api';

const api = useTestApi();
let key: string;

beforeAll(async () => {
  key = await api.keyFor('clinic-a');
});

const answers = (values: readonly number[]) => Object.fromEntries(values.map((v, i) => [String(i + 1), v]));

// Worked examples of the instruments (docs/scoring.md, test/instruments).
const URICA = answers([2, 4, 3, 4, 2, 3, 3, 4, 3, 4, 1, 4, 2, 3, 5, 2, 3, 3, 4, 3, 3, 3, 3, 4, 2, 2, 3, 2, 2, 3, 2, 4]);
const SOCRATES = answers([5, 4, 5, 4, 2, 4, 5, 4, 3, 4, 4, 4, 4, 3, 5, 4, 4, 4, 3]);
const RCQ = answers([-2, 2, 1, 1, -2, 1, 1, 2, 1, -2, 1, -1]);

const score = (body: unknown) => api.call('POST', '/v1/score', { key, body });
const post = (body: unknown, idem: string) => api.call('POST', '/v1/assessments', { key, body, headers: { 'idempotency-key': idem } });
const assessment = (instrument: string, responses: Record<string, number>, ref: string) => ({
  instrument,
  subject: { ref },
  administeredOn: '2026-11-20',
  responses,
});

function expectUricaExample(body: any) {
  expect(body.scores.precontemplation).toBe(2);
  expect(body.scores.contemplation).toBe(4);
  expect(body.scores.action).toBe(3);
  expect(body.scores.maintenance).toBeCloseTo(20 / 7, 12);
  expect(body.scores.readiness).toBeCloseTo(55 / 7, 12);
  expect(body.interpretation).toEqual({ stage: 'precontemplation' });
  expect(body).toMatchObject({ instrument: { id: 'urica', version: '1.1.0' }, complete: true, missing: [] });
  expect(body.provenance).toMatchObject({ algorithm: 'urica-28', algorithmVersion: '1.1.0' });
}

function expectSocratesExample(body: any, id: string) {
  expect(body.scores).toEqual({ recognition: 32, ambivalence: 16, takingSteps: 27 });
  expect(body.interpretation).toEqual({ deciles: { recognition: 50, ambivalence: 60, takingSteps: 20 }, norms: 'alcohol-sample' });
  expect(body).toMatchObject({ instrument: { id, version: '1.1.0' }, complete: true, missing: [] });
}

describe('GET /v1/instruments for the stages-of-change questionnaires', () => {
  it('labels SOCRATES 8D deciles as alcohol-sample norms and the RCQ key as to be confirmed', async () => {
    const socrates = await api.call('GET', '/v1/instruments/socrates-8d', { key });
    const rcq = await api.call('GET', '/v1/instruments/rcq', { key });

    expect(socrates.status).toBe(200);
    expect(socrates.body.norms).toMatchObject({ statistic: 'decile', sample: 'alcohol-sample' });
    expect(socrates.body.notes[0]).toMatch(/^Alcohol-sample norms:/);
    expect(rcq.status).toBe(200);
    expect(rcq.body.notes[1]).toContain('to be confirmed against the RCQ manual');
  });
});

describe('POST /v1/score with the stages-of-change questionnaires', () => {
  it('scores the URICA worked example', async () => {
    const res = await score({ instrument: 'urica', responses: URICA });

    expect(res.status).toBe(200);
    expectUricaExample(res.body);
  });

  it('ignores the unscored URICA items, answered differently or left out', async () => {
    const changed = await score({ instrument: 'urica', responses: { ...URICA, '4': 1, '9': 5, '20': 1, '31': 5 } });
    const { '4': _a, '9': _b, '20': _c, '31': _d, ...scoredOnly } = URICA;
    const absent = await score({ instrument: 'urica', responses: scoredOnly });

    expectUricaExample(changed.body);
    expectUricaExample(absent.body);
  });

  it('scores the SOCRATES 8A worked example with Project MATCH deciles', async () => {
    const res = await score({ instrument: 'socrates-8a', responses: SOCRATES });

    expect(res.status).toBe(200);
    expectSocratesExample(res.body, 'socrates-8a');
  });

  it('scores the RCQ worked example and stages the tie as action', async () => {
    const res = await score({ instrument: 'rcq', responses: RCQ });

    expect(res.status).toBe(200);
    expect(res.body.scores).toEqual({ precontemplation: -7, contemplation: 5, action: 5 });
    expect(res.body.interpretation).toEqual({ stage: 'action' });
  });

  it('answers 422 to an out-of-range RCQ answer, addressed to the item', async () => {
    const res = await score({ instrument: 'rcq', responses: { ...RCQ, '5': -3 } });

    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.type).toBe('/problems/unprocessable-responses');
    expect(res.body.errors).toEqual([{ path: 'body.responses.5', message: 'Too small: expected number to be >=-2' }]);
  });
});

describe('POST /v1/assessments with the stages-of-change questionnaires', () => {
  it('stores the URICA worked example with its scores, stage and provenance', async () => {
    const res = await post(assessment('urica', URICA, 'ref-urica-1'), 'idem-urica-1');

    expect(res.status).toBe(201);
    expectUricaExample(res.body);
    const stored = await api.call('GET', `/v1/assessments/${res.body.id}`, { key });
    expect(stored.status).toBe(200);
    expect(stored.body).toEqual(res.body);
  });

  it('stores the SOCRATES worked example as 8D with alcohol-sample deciles', async () => {
    const res = await post(assessment('socrates-8d', SOCRATES, 'ref-socrates-1'), 'idem-socrates-1');

    expect(res.status).toBe(201);
    expectSocratesExample(res.body, 'socrates-8d');
    expect(res.body.provenance).toMatchObject({ algorithm: 'socrates-8d-19' });
  });

  it('answers 422 to an out-of-range RCQ answer and stores nothing', async () => {
    const before = await api.table.scanAll();

    const res = await post(assessment('rcq', { ...RCQ, '5': -3 }, 'ref-rcq-1'), 'idem-rcq-1');

    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'body.responses.5', message: 'Too small: expected number to be >=-2' }]);
    expect(await api.table.scanAll()).toEqual(before);
  });
});
