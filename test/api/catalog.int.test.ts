import { beforeAll, describe, expect, it } from 'vitest';
import { instruments } from '../../packages/instruments/index';
import { useTestApi } from '../support/api';

const api = useTestApi();
let key: string;

beforeAll(async () => {
  key = await api.keyFor('clinic-a', ['analytics:read']);
});

describe('catalog', () => {
  it('lists every instrument to any valid key', async () => {
    const res = await api.call('GET', '/v1/instruments', { key });

    expect(res.status).toBe(200);
    // why: the registry's id list is pinned once, in test/instruments/registry-catalog.test.ts.
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual(instruments.map((i) => i.id));
    expect(res.body.items.find((i: { id: string }) => i.id === 'urica')).toEqual({
      id: 'urica',
      version: '1.1.0',
      title: 'University of Rhode Island Change Assessment (URICA)',
      licence: {
        status: 'copyrighted',
        itemText: false,
        note: 'The authors hold the copyright of the item wording: the catalog carries item ids and our own neutral labels only.',
      },
    });
  });

  it('describes one instrument from its definition, item wording only where the licence allows', async () => {
    const alcohol = await api.call('GET', '/v1/instruments/decisional-balance-alcohol', { key });
    const socrates = await api.call('GET', '/v1/instruments/socrates-8a', { key });

    expect(alcohol.status).toBe(200);
    expect(alcohol.body).toMatchObject({
      id: 'decisional-balance-alcohol',
      version: '1.1.0',
      licence: { status: 'not-copyrighted', itemText: false },
    });
    expect(alcohol.body.items).toHaveLength(20);
    expect(alcohol.body.items[0]).toEqual({ id: '1', label: 'Con of drinking (item 1)', scored: true });
    expect(alcohol.body.scales).toEqual([
      { id: 'pros', items: ['2', '4', '7', '9', '11', '14', '16', '17', '19', '20'], method: 'mean', range: { min: 1, max: 5 } },
      { id: 'cons', items: ['1', '3', '5', '6', '8', '10', '12', '13', '15', '18'], method: 'mean', range: { min: 1, max: 5 } },
    ]);
    expect(socrates.body.items[0]).toEqual({
      id: '1',
      label: 'Recognition statement (item 1)',
      text: 'I really want to make changes in my drinking.',
      scored: true,
    });
    expect(alcohol.body.provenance.definitionHash).toMatch(/^sha256:[0-9a-f]{64}$/);
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
    expect(res.body.errors).toEqual([{ path: 'body', message: 'Unknown field.' }]);
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
    const request = JSON.stringify(res.body.components.schemas.AssessmentRequest);
    expect(instruments.filter((i) => !request.includes(`"${i.id}"`)).map((i) => i.id)).toEqual([]);
  });

  it('serves liveness without a key, and no pages: /docs belongs to the web layer (packages/web)', async () => {
    const docs = await api.app.request('/docs');
    const health = await api.call('GET', '/health');

    expect(docs.status).toBe(404);
    expect(docs.headers.get('content-type')).toBe('application/problem+json');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});
