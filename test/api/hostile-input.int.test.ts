import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../packages/api/json-body';
import { MAX_ERRORS } from '../../packages/api/problem';
import { smokingShort, type TestApi, useTestApi } from '../support/api';

/**
 * Regression cases of the attack findings on request bodies (docs/privacy.md, "Errors"): every
 * answer is a small problem+json that names no submitted key or value, and nothing is stored.
 */
const api = useTestApi();
let key: string;

beforeAll(async () => {
  key = await api.keyFor('clinic-hostile');
});

/** ~7,000 short unknown keys: about 55 KB of JSON, under the 64 KB body limit. */
const manyKeys = (n = 7000) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i.toString(36)}`, 1]));

async function expectSmallProblem(res: Awaited<ReturnType<TestApi['call']>>, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(res.text.length).toBeLessThan(4096);
  expect((res.body.errors ?? []).length).toBeLessThanOrEqual(MAX_ERRORS);
}

describe('error amplification', () => {
  it.each([
    ['/v1/subjects/search', () => ({ ref: 'x', ...manyKeys() })],
    ['/v1/assessments/batch', () => ({ items: [], ...manyKeys() })],
    ['/v1/score', () => ({ instrument: 'urica', responses: manyKeys() })],
  ])('answers a body of 7,000 unknown keys to %s with one short counted error', async (path, body) => {
    const before = await api.table.scanAll();
    const text = JSON.stringify(body());
    expect(text.length).toBeGreaterThan(50_000);

    const res = await api.call('POST', path, { key, raw: text });

    await expectSmallProblem(res, path === '/v1/score' ? 422 : 400);
    expect(res.body.errors).toContainEqual({
      path: path === '/v1/score' ? 'body.responses' : 'body',
      message: expect.stringMatching(/^7000 unknown/),
    });
    expect(res.text).not.toMatch(/"k[0-9a-z]+"/);
    expect(await api.table.scanAll()).toEqual(before);
  });

  it('lists at most 20 errors and counts the rest', async () => {
    const responses = Object.fromEntries(Array.from({ length: 32 }, (_, i) => [String(i + 1), 'x']));

    const res = await api.call('POST', '/v1/score', { key, body: { instrument: 'urica', responses } });

    await expectSmallProblem(res, 422);
    expect(res.body.errors).toHaveLength(MAX_ERRORS);
    expect(res.body.errorsOmitted).toBe(32 - MAX_ERRORS);
  });

  it('keeps a batch of 25 items full of unknown keys small', async () => {
    const items = Array.from({ length: 25 }, (_, i) => ({
      idempotencyKey: `amp-${i}`,
      assessment: { ...smokingShort(`amp-ref-${i}`), ...manyKeys(250) },
    }));

    const res = await api.call('POST', '/v1/assessments/batch', { key, body: { items } });

    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual(Array(25).fill(400));
    expect(res.text.length).toBeLessThan(25 * 400);
  });
});

describe('no echo of submitted keys', () => {
  it('does not name an unknown key, even one that looks like an identifier', async () => {
    const res = await api.call('POST', '/v1/subjects/search', { key, raw: '{"ref":"x","John Smith MRN 12345":1}' });

    await expectSmallProblem(res, 400);
    expect(res.body.errors).toEqual([{ path: 'body', message: 'Unknown field.' }]);
    for (const part of ['John', 'Smith', 'MRN', '12345']) expect(res.text).not.toContain(part);
  });
});

describe('nothing touches a field before it is validated', () => {
  it('answers a batch item whose ref is an object with a 400 for that item, not a 500', async () => {
    const res = await api.call('POST', '/v1/assessments/batch', {
      key,
      raw: JSON.stringify({
        items: [
          { idempotencyKey: 'ts-1', assessment: { ...smokingShort(), subject: { ref: { toString: 1 } } } },
          { idempotencyKey: 'ts-2', assessment: smokingShort('ts-ref-ok') },
        ],
      }),
    });

    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([400, 201]);
    expect(res.body.results[0].body.errors).toEqual([
      { path: 'body.subject.ref', message: 'Invalid input: expected string, received object' },
    ]);
  });

  it.each([
    [
      'a batch item ref',
      (deep: string) => `{"items":[{"idempotencyKey":"d","assessment":{"instrument":"urica","subject":{"ref":${deep}}}}]}`,
    ],
    ['a search ref', (deep: string) => `{"ref":${deep}}`],
    ['a worksheet label', (deep: string) => `{"instrument":"decisional-balance","responses":{"costsOfChange":[{"label":${deep}}]}}`],
  ])('answers %s nested 5,000 arrays deep with 400', async (_, body) => {
    const before = await api.table.scanAll();
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const path = body('').includes('"items"')
      ? '/v1/assessments/batch'
      : body('').includes('"instrument"')
        ? '/v1/score'
        : '/v1/subjects/search';

    const res = await api.call('POST', path, { key, raw: body(deep) });

    await expectSmallProblem(res, 400);
    expect(res.body).toMatchObject({
      type: '/problems/malformed-request',
      detail: `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`,
    });
    expect(await api.table.scanAll()).toEqual(before);
  });

  it.each([
    ['text/plain', {}],
    ['application/json; charset=utf-16', {}],
    ['application/json', { 'content-encoding': 'gzip' }],
  ])('answers a body sent as %s %j with 415', async (type, extra) => {
    const res = await api.call('POST', '/v1/score', {
      key,
      raw: JSON.stringify({ instrument: 'readiness-ruler', responses: { importance: 7 } }),
      headers: { 'content-type': type, ...extra },
    });

    await expectSmallProblem(res, 415);
  });

  it('answers bytes that are not UTF-8 with 400', async () => {
    const res = await api.app.request('/v1/score', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    });

    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ type: '/problems/malformed-request' });
  });
});

describe('links and periods', () => {
  it('puts no part of the Host header in the export Link', async () => {
    for (const [i, day] of ['2026-11-01', '2026-11-02'].entries()) {
      const created = await api.call('POST', '/v1/assessments', {
        key,
        body: smokingShort(`link-ref-${i}`, day),
        headers: { 'idempotency-key': `link-${i}` },
      });
      expect(created.status).toBe(201);
    }

    const res = await api.call('GET', '/v1/analytics/export?instrument=decisional-balance-smoking-short&limit=1', {
      key,
      headers: { host: 'evil.example' },
    });

    expect(res.status).toBe(200);
    expect(res.headers.get('link')).toMatch(
      /^<\/v1\/analytics\/export\?instrument=decisional-balance-smoking-short&limit=1&cursor=[^>]+>; rel="next"$/,
    );
    expect([...res.headers.values()].join('\n')).not.toContain('evil.example');
  });

  it.each([['to=0001-01'], ['from=0001-01&to=0001-06'], ['to=3000-01']])(
    'answers aggregates with %s, outside 1900–2999, with 400',
    async (q) => {
      const res = await api.call('GET', `/v1/analytics/aggregates?instrument=readiness-ruler&${q}`, { key });

      await expectSmallProblem(res, 400);
      expect(res.text).not.toContain('"from":"0-');
    },
  );

  it('answers an assessment administered before 1900 with 400', async () => {
    const res = await api.call('POST', '/v1/assessments', {
      key,
      body: smokingShort('old-ref', '0001-01-01'),
      headers: { 'idempotency-key': 'old-1' },
    });

    await expectSmallProblem(res, 400);
    expect(res.body.errors).toEqual([{ path: 'body.administeredOn', message: 'Must not be before 1900-01-01.' }]);
  });
});
