import { beforeAll, describe, expect, it } from 'vitest';
import { smokingShort, type TestApi, useTestApi } from '../support/api';

const api = useTestApi();
let key: string;
let readOnly: string;
let before: Record<string, unknown>[];

const SECRET_REF = 'SECRET-REF-echo-check-4242';
const DISTINCT = 987654;

beforeAll(async () => {
  key = await api.keyFor('clinic-a');
  readOnly = await api.keyFor('clinic-a', ['assessments:read']);
  before = await api.table.scanAll();
});

const idem = { 'idempotency-key': 'errors-1' };
const body = () => smokingShort(SECRET_REF);

async function expectProblem(res: Awaited<ReturnType<TestApi['call']>>, status: number, type: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(res.body).toMatchObject({ type: `/problems/${type}`, status });
  expect(typeof res.body.title).toBe('string');
  expect(typeof res.body.detail).toBe('string');
  expect(res.text).not.toContain(SECRET_REF);
  expect(res.text).not.toContain(String(DISTINCT));
  expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  expect(await api.table.scanAll()).toEqual(before);
}

describe('bad requests change nothing and echo nothing', () => {
  it('answers 400 to malformed JSON', async () => {
    const res = await api.call('POST', '/v1/assessments', { key, raw: `{"subject":{"ref":"${SECRET_REF}"},`, headers: idem });
    await expectProblem(res, 400, 'malformed-request');
  });

  it('answers 415 to a body that is not JSON', async () => {
    const res = await api.call('POST', '/v1/assessments', {
      key,
      raw: 'a=1',
      headers: { ...idem, 'content-type': 'application/x-www-form-urlencoded' },
    });
    await expectProblem(res, 415, 'unsupported-media-type');
  });

  it('answers 413 to a body over 64 KB', async () => {
    const res = await api.call('POST', '/v1/assessments', {
      key,
      body: { ...body(), padding: 'x'.repeat(65 * 1024) },
      headers: idem,
    });
    await expectProblem(res, 413, 'payload-too-large');
  });

  it('answers 400 without an Idempotency-Key', async () => {
    const res = await api.call('POST', '/v1/assessments', { key, body: body() });
    await expectProblem(res, 400, 'validation-error');
    expect(res.body.errors).toEqual([{ path: 'header.Idempotency-Key', message: 'Required, 1 to 255 characters.' }]);
  });

  it('answers 400 to unknown top-level and subject fields, one error per object, never naming them', async () => {
    const res = await api.call('POST', '/v1/assessments', {
      key,
      body: { ...body(), name: 'Jane Doe', dob: '1970-01-01', subject: { ref: SECRET_REF, mrn: '12345' } },
      headers: idem,
    });
    await expectProblem(res, 400, 'validation-error');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'body', message: '2 unknown fields.' },
        { path: 'body.subject', message: 'Unknown field.' },
      ]),
    );
    for (const submitted of ['Jane Doe', 'name', 'dob', '1970', 'mrn', '12345']) expect(res.text).not.toContain(submitted);
  });

  it('answers 422 to an unknown instrument', async () => {
    const res = await api.call('POST', '/v1/assessments', { key, body: { ...body(), instrument: 'phq-9' }, headers: idem });
    await expectProblem(res, 422, 'unprocessable-responses');
    expect(res.body.errors).toEqual([{ path: 'body.instrument', message: 'Unknown instrument; see GET /v1/instruments.' }]);
  });

  it('answers 422 with one error per bad item (non-integer, out of range) and counts unknown item ids without naming them', async () => {
    const res = await api.call('POST', '/v1/assessments', {
      key,
      body: { ...body(), responses: { '1': DISTINCT, '2': 2.5, '3': 'three', '99': 1, '777': 2 } },
      headers: idem,
    });
    await expectProblem(res, 422, 'unprocessable-responses');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'body.responses',
      'body.responses.1',
      'body.responses.2',
      'body.responses.3',
    ]);
    expect(res.body.errors).toContainEqual({ path: 'body.responses', message: '2 unknown item ids.' });
    expect(res.text).not.toContain('99');
    expect(res.text).not.toContain('777');
  });

  it('answers 400 to a date in the future or not in the calendar', async () => {
    const future = await api.call('POST', '/v1/assessments', { key, body: smokingShort(SECRET_REF, '2026-12-01'), headers: idem });
    const feb30 = await api.call('POST', '/v1/assessments', { key, body: smokingShort(SECRET_REF, '2026-02-30'), headers: idem });
    await expectProblem(future, 400, 'validation-error');
    expect(future.body.errors).toEqual([{ path: 'body.administeredOn', message: 'Must not be in the future.' }]);
    await expectProblem(feb30, 400, 'validation-error');
  });

  it('answers 401 without a key, with a malformed key and with an unknown key', async () => {
    const none = await api.call('POST', '/v1/assessments', { body: body(), headers: idem });
    const malformed = await api.call('POST', '/v1/assessments', { key: 'hello', body: body(), headers: idem });
    const forged = await api.call('POST', '/v1/assessments', { key: `${key.slice(0, -4)}AAAA`, body: body(), headers: idem });
    for (const res of [none, malformed, forged]) await expectProblem(res, 401, 'unauthenticated');
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('answers 401 to a revoked key', async () => {
    const revokedKey = await api.keyFor('clinic-a');
    const keyId = revokedKey.slice(4, 20);
    await api.table.store.revokeApiKey(keyId, '2026-11-25T12:00:00.000Z');
    before = await api.table.scanAll();

    // Never used before revocation, so the auth cache cannot remember it.
    const res = await api.call('GET', '/v1/instruments', { key: revokedKey });
    await expectProblem(res, 401, 'unauthenticated');
  });

  it('answers 403 when the key lacks the scope', async () => {
    const res = await api.call('POST', '/v1/assessments', { key: readOnly, body: body(), headers: idem });
    await expectProblem(res, 403, 'forbidden');
    expect(res.body.detail).toBe('This operation needs the `assessments:write` scope.');
  });

  it('answers 404 problem+json to an unknown route', async () => {
    const res = await api.call('GET', '/v1/nothing-here', { key });
    await expectProblem(res, 404, 'not-found');
  });
});
