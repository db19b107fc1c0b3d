import { beforeAll, describe, expect, it } from 'vitest';
import { pseudonymizer, smokingShort, useTestApi } from '../support/api';

const api = useTestApi();
let key: string;
let otherClinicKey: string;

beforeAll(async () => {
  key = await api.keyFor('clinic-a');
  otherClinicKey = await api.keyFor('clinic-b');
});

const post = (body: unknown, idem: string, k = key) =>
  api.call('POST', '/v1/assessments', { key: k, body, headers: { 'idempotency-key': idem } });

const assessments = async () => (await api.table.scanAll()).filter((i) => i.type === 'assessment');

describe('POST /v1/assessments', () => {
  it('scores, stores and answers 201 with the contract shape', async () => {
    const res = await post(smokingShort('ref-post-1'), 'idem-post-1');

    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/v1/assessments/${res.body.id}`);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
    expect(res.body.id).toMatch(/^asm_[A-Za-z0-9_-]{22}$/);
    expect(res.body.subjectId).toBe(pseudonymizer.subjectId('clinic-a', 'ref-post-1'));
    expect(res.body).toMatchObject({
      instrument: { id: 'decisional-balance-smoking-short', version: '1.1.0' },
      administeredOn: '2026-11-20',
      targetBehavior: 'tobacco',
      complete: true,
      missing: [],
      interpretation: { balance: 'pros' },
    });
    expect(res.body.scores.pros).toBe(4);
    expect(res.body.scores.cons).toBeCloseTo(5 / 3, 12);
    expect(res.body.scores.difference).toBeCloseTo(7 / 3, 12);
    expect(res.body.provenance.definitionHash).toMatch(/^sha256:[0-9a-f]{64}$/);

    const stored = (await assessments()).find((a) => a.id === res.body.id);
    expect(stored).toMatchObject({
      clinicId: 'clinic-a',
      subjectId: res.body.subjectId,
      instrumentId: 'decisional-balance-smoking-short',
      administeredOn: '2026-11-20',
    });
    expect(JSON.parse(String(stored!.view))).toEqual(res.body);
  });

  it('replays the identical body with Idempotent-Replayed and stores nothing more', async () => {
    const first = await post(smokingShort('ref-replay'), 'idem-replay');
    const before = await api.table.scanAll();

    const again = await post(smokingShort('ref-replay'), 'idem-replay');

    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.text).toBe(first.text);
    expect(await api.table.scanAll()).toEqual(before);
  });

  it('answers 422 when the same key comes with another body, storing nothing', async () => {
    await post(smokingShort('ref-mismatch'), 'idem-mismatch');
    const before = await api.table.scanAll();

    const res = await post(smokingShort('ref-mismatch', '2026-11-21'), 'idem-mismatch');

    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.type).toBe('/problems/idempotency-key-reused');
    expect(await api.table.scanAll()).toEqual(before);
  });

  it('scopes idempotency keys to the clinic', async () => {
    const a = await post(smokingShort('ref-scope'), 'idem-shared');
    const b = await post(smokingShort('ref-scope'), 'idem-shared', otherClinicKey);

    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(b.body.id).not.toBe(a.body.id);
    expect(b.body.subjectId).not.toBe(a.body.subjectId);
  });

  it('stores exactly one assessment for 20 concurrent identical requests', async () => {
    const body = smokingShort('ref-concurrent');
    const results = await Promise.all(Array.from({ length: 20 }, () => post(body, 'idem-concurrent')));

    const ids = new Set(results.filter((r) => r.status === 201).map((r) => r.body.id));
    expect(ids.size).toBe(1);
    for (const r of results) expect([201, 409]).toContain(r.status);
    expect(results.filter((r) => r.status === 201 && !r.headers.get('idempotent-replayed'))).toHaveLength(1);
    const subjectId = pseudonymizer.subjectId('clinic-a', 'ref-concurrent');
    expect((await assessments()).filter((a) => a.subjectId === subjectId)).toHaveLength(1);
  });

  it('keeps worksheet labels out of the answer and of storage', async () => {
    const label = 'LABEL-TEXT-must-not-be-stored-7f3';
    const res = await post(
      {
        instrument: 'decisional-balance',
        subject: { ref: 'ref-worksheet' },
        administeredOn: '2026-11-19',
        responses: {
          benefitsOfChange: [{ label, weight: 5 }],
          costsOfChange: [{ label }],
          benefitsOfStatusQuo: [{ label }, { label }],
          costsOfStatusQuo: [{ label }, { label }, { label }],
        },
      },
      'idem-worksheet',
    );

    expect(res.status).toBe(201);
    expect(res.body.scores).toMatchObject({ benefitsOfChange: 1, costsOfChange: 1, benefitsOfStatusQuo: 2, costsOfStatusQuo: 3, total: 7 });
    expect(res.body.scores.proportion).toBeCloseTo(4 / 7, 12);
    expect(res.body.interpretation.leaning).toBe('change');
    expect(res.text).not.toContain(label);
    expect(JSON.stringify(await api.table.scanAll())).not.toContain(label);
  });
});

describe('GET /v1/assessments/{id}', () => {
  it('returns the stored view exactly as created', async () => {
    const created = await post(smokingShort('ref-get'), 'idem-get');

    const res = await api.call('GET', `/v1/assessments/${created.body.id}`, { key });

    expect(res.status).toBe(200);
    expect(res.body).toEqual(created.body);
  });

  it.each([
    ['another clinic’s id', () => otherClinicKey],
    ['an unknown id', () => key],
  ])('answers 404 for %s', async (_, k) => {
    const created = await post(smokingShort('ref-404'), 'idem-404');
    const id = _ === 'an unknown id' ? 'asm_AAAAAAAAAAAAAAAAAAAAAA' : created.body.id;

    const res = await api.call('GET', `/v1/assessments/${id}`, { key: k() });

    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      type: '/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: 'No assessment with this id.',
      instance: `urn:uuid:${res.headers.get('x-request-id')}`,
    });
  });
});

describe('subject history', () => {
  const ref = 'ref-history';
  const days = ['2026-10-01', '2026-10-15', '2026-11-01', '2026-11-10', '2026-11-18'];
  let ids: string[];

  beforeAll(async () => {
    ids = [];
    for (const [i, day] of days.entries()) ids.push((await post(smokingShort(ref, day), `idem-history-${i}`)).body.id);
  });

  it('finds a client by ref in the body, newest first, cursor-paged', async () => {
    const first = await api.call('POST', '/v1/subjects/search', { key, body: { ref, limit: 2 } });
    const second = await api.call('POST', '/v1/subjects/search', { key, body: { ref, limit: 2, cursor: first.body.next } });
    const third = await api.call('POST', '/v1/subjects/search', { key, body: { ref, limit: 2, cursor: second.body.next } });

    expect(first.status).toBe(200);
    expect(first.body.subjectId).toBe(pseudonymizer.subjectId('clinic-a', ref));
    const pages = [first, second, third].map((p) => p.body.items.map((a: { administeredOn: string }) => a.administeredOn));
    expect(pages).toEqual([['2026-11-18', '2026-11-10'], ['2026-11-01', '2026-10-15'], ['2026-10-01']]);
    expect(third.body.next).toBeUndefined();
  });

  it('lists the same history by pseudonymous id', async () => {
    const subjectId = pseudonymizer.subjectId('clinic-a', ref);

    const res = await api.call('GET', `/v1/subjects/${subjectId}/assessments?limit=10`, { key });

    expect(res.status).toBe(200);
    expect(res.body.items.map((a: { id: string }) => a.id)).toEqual([...ids].reverse());
    expect(res.body.next).toBeUndefined();
  });

  it('answers 404 for the subject through another clinic’s key, and an empty search there', async () => {
    const subjectId = pseudonymizer.subjectId('clinic-a', ref);

    const byId = await api.call('GET', `/v1/subjects/${subjectId}/assessments`, { key: otherClinicKey });
    const byRef = await api.call('POST', '/v1/subjects/search', { key: otherClinicKey, body: { ref } });

    expect(byId.status).toBe(404);
    expect(byRef.status).toBe(200);
    expect(byRef.body.items).toEqual([]);
    expect(byRef.body.subjectId).not.toBe(subjectId);
  });

  it('rejects a tampered cursor with 400', async () => {
    const res = await api.call('POST', '/v1/subjects/search', { key, body: { ref, cursor: 'not-a-cursor' } });

    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'body.cursor', message: 'The cursor is not valid.' }]);
  });
});

describe('POST /v1/assessments/batch', () => {
  it('answers per item: stored, invalid and replayed side by side', async () => {
    const good = smokingShort('ref-batch-1');
    await post(smokingShort('ref-batch-0'), 'batch-replayed');
    const before = (await assessments()).length;

    const res = await api.call('POST', '/v1/assessments/batch', {
      key,
      body: {
        items: [
          { idempotencyKey: 'batch-new', assessment: good },
          { idempotencyKey: 'batch-bad', assessment: { ...good, responses: { '1': 9 } } },
          { idempotencyKey: 'batch-replayed', assessment: smokingShort('ref-batch-0') },
        ],
      },
    });

    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: number; replayed: boolean }) => [r.status, r.replayed])).toEqual([
      [201, false],
      [422, false],
      [201, true],
    ]);
    expect(res.body.results[1].body.errors).toEqual([{ path: 'body.responses.1', message: expect.any(String) }]);
    expect((await assessments()).length).toBe(before + 1);
  });

  it('stores 25 items of one client in one month without losing a race (rollups stay exact)', async () => {
    const items = Array.from({ length: 25 }, (_, i) => ({
      idempotencyKey: `batch-same-${i}`,
      assessment: smokingShort('ref-batch-same', `2026-07-${String(i + 1).padStart(2, '0')}`),
    }));

    const res = await api.call('POST', '/v1/assessments/batch', { key, body: { items } });

    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual(Array(25).fill(201));
    // One subject: every write lands on its one counter shard of July.
    const july = (await api.table.scanAll()).filter((i) => i.type === 'aggregate' && String(i.SK).startsWith('M#2026-07#'));
    expect(july.map((i) => [i.n, i.subjects])).toEqual([[25, 1]]);
  });

  it('rejects more than 25 items and repeated keys without storing anything', async () => {
    const before = await api.table.scanAll();
    const items = Array.from({ length: 26 }, (_, i) => ({ idempotencyKey: `b26-${i}`, assessment: smokingShort() }));

    const tooMany = await api.call('POST', '/v1/assessments/batch', { key, body: { items } });
    const repeated = await api.call('POST', '/v1/assessments/batch', { key, body: { items: [items[0], items[0]] } });

    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0].path).toBe('body.items');
    expect(repeated.status).toBe(400);
    expect(repeated.body.errors).toEqual([{ path: 'body.items.1.idempotencyKey', message: 'Repeats an earlier item’s key.' }]);
    expect(await api.table.scanAll()).toEqual(before);
  });
});

describe('DELETE /v1/assessments/{id}', () => {
  it('deletes the assessment and its share of the aggregates; another clinic gets 404', async () => {
    const created = await post(smokingShort('ref-delete', '2026-08-14'), 'idem-delete');
    const aggregates = async () =>
      (await api.table.scanAll())
        .filter((i) => i.type === 'aggregate' && String(i.SK).includes('2026-08'))
        .map((i) => [String(i.SK).replace(/#[0-3]$/, '#<shard>'), i.n, i.subjects]);
    expect(await aggregates()).toEqual([['M#2026-08#<shard>', 1, 1]]);

    const foreign = await api.call('DELETE', `/v1/assessments/${created.body.id}`, { key: otherClinicKey });
    const res = await api.call('DELETE', `/v1/assessments/${created.body.id}`, { key });
    const again = await api.call('DELETE', `/v1/assessments/${created.body.id}`, { key });
    const fetched = await api.call('GET', `/v1/assessments/${created.body.id}`, { key });

    expect(foreign.status).toBe(404);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(again.status).toBe(404);
    expect(fetched.status).toBe(404);
    expect(await aggregates()).toEqual([['M#2026-08#<shard>', 0, 0]]);
    expect((await assessments()).some((a) => a.id === created.body.id)).toBe(false);
  });
});
