import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instruments } from '../../packages/instruments';
import { type TestApi, testApi } from '../support/api';

let api: TestApi;
let key: string;

beforeAll(async () => {
  api = await testApi();
  key = await api.keyFor('clinic-a', ['analytics:read']);
});
afterAll(() => api.table.drop());

describe('catalog', () => {
  it('lists every instrument to any valid key', async () => {
    const res = await api.call('GET', '/v1/instruments', { key });

    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([
      'readiness-ruler',
      'decisional-balance',
      'decisional-balance-alcohol',
      'decisional-balance-drugs',
      'decisional-balance-smoking',
      'decisional-balance-smoking-short',
      'urica',
      'socrates-8a',
      'socrates-8d',
      'rcq',
      'contemplation-ladder',
    ]);
  });

  it('describes one instrument from its definition', async () => {
    const res = await api.call('GET', '/v1/instruments/decisional-balance-alcohol', { key });

    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(instruments.find((i) => i.id === 'decisional-balance-alcohol')!.catalog)));
  });

  it('answers 404 for an unknown instrument and 401 without a key', async () => {
    expect((await api.call('GET', '/v1/instruments/phq-9', { key })).status).toBe(404);
    expect((await api.call('GET', '/v1/instruments')).status).toBe(401);
  });
});

describe('POST /v1/score', () => {
  it('scores without storing, for any valid key', async () => {
    const before = await api.table.scanAll();

    const res = await api.call('POST', '/v1/score', {
      key,
      body: { instrument: 'readiness-ruler', responses: { importance: 8, confidence: 3 } },
    });

    expect(res.status).toBe(200);
    expect(res.body.scores).toEqual({ importance: 8, confidence: 3 });
    expect(res.body.interpretation.bands).toMatchObject({ importance: 'high', confidence: 'low' });
    expect(res.body.id).toBeUndefined();
    expect(await api.table.scanAll()).toEqual(before);
  });

  it('rejects a subject: scoring is anonymous', async () => {
    const res = await api.call('POST', '/v1/score', {
      key,
      body: { instrument: 'readiness-ruler', subject: { ref: 'r' }, responses: { importance: 8 } },
    });

    expect(res.status).toBe(400);
    // At the body's root: the unknown key itself is never named.
    expect(res.body.errors).toEqual([{ path: '', message: 'Unknown field.' }]);
    expect(res.text).not.toContain('subject');
  });
});

describe('contract and liveness', () => {
  it('publishes an OpenAPI 3.1 document that covers every route of the app', async () => {
    const res = await api.call('GET', '/openapi.json');
    const documented = Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const served = api.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);

    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect([...new Set(served)].sort()).toEqual(documented.sort());
    expect(res.body.components.schemas.AssessmentRequest).toBeDefined();
    expect(JSON.stringify(res.body.components.schemas.AssessmentRequest)).toContain('decisional-balance-smoking-short');
  });

  it('serves human docs and liveness without a key', async () => {
    const docs = await api.app.request('/docs');
    const health = await api.call('GET', '/health');

    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toContain('text/html');
    expect(await docs.text()).toContain('/v1/subjects/search');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});
