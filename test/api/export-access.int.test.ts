import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOW, type TestApi } from '../support/api';
import { RULER, seedExportClinic } from '../support/export-clinic';

describe('GET /v1/analytics/export and /v1/analytics/audit: audit pages, clinic isolation and refusals', () => {
  let api: TestApi;
  let writer: string;
  let analyst: string;
  let otherClinic: string;

  beforeAll(async () => {
    ({ api, writer, analyst, otherClinic } = await seedExportClinic());
  });
  afterAll(() => api.table.drop());

  it('lists audit records newest first, cursor-paged', async () => {
    const store = api.table.store;
    const filters = { instrument: 'urica', format: 'csv' as const };
    for (const [i, at] of ['2026-01-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'].entries()) {
      await store.putExportAudit(
        { exportId: `exp_order${i}`, clinicId: 'clinic-c', at, keyId: 'cli:operator', filters, rowCount: i },
        undefined,
      );
    }
    const key = await api.keyFor('clinic-c', ['analytics:read']);

    const page1 = await api.call('GET', '/v1/analytics/audit?limit=2', { key });
    const page2 = await api.call('GET', `/v1/analytics/audit?limit=2&cursor=${page1.body.next}`, { key });

    expect(page1.body.items.map((i: any) => [i.at.slice(0, 7), i.rowCount])).toEqual([
      ['2026-03', 1],
      ['2026-02', 2],
    ]);
    expect(page2.body).toEqual({
      items: [{ exportId: 'exp_order0', at: '2026-01-01T00:00:00.000Z', keyId: 'cli:operator', filters, rowCount: 0 }],
    });
  });

  it('shows another clinic none of these rows or audit records', async () => {
    const res = await api.call('GET', RULER, { key: otherClinic });
    const audit = await api.call('GET', '/v1/analytics/audit', { key: otherClinic });

    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(audit.body.items).toEqual([
      {
        exportId: res.headers.get('export-id'),
        at: NOW.toISOString(),
        keyId: expect.any(String),
        filters: { instrument: 'readiness-ruler', format: 'ndjson' },
        rowCount: 0,
      },
    ]);
  });

  it('refuses a cursor of another clinic or of other filters', async () => {
    const first = await api.call('GET', `${RULER}&limit=1`, { key: analyst });
    const cursor = encodeURIComponent(first.headers.get('export-next-cursor')!);

    const otherKey = await api.call('GET', `${RULER}&limit=1&cursor=${cursor}`, { key: otherClinic });
    const otherInstrument = await api.call('GET', `/v1/analytics/export?instrument=urica&limit=1&cursor=${cursor}`, { key: analyst });
    const otherFormat = await api.call('GET', `${RULER}&format=csv&limit=1&cursor=${cursor}`, { key: analyst });

    expect([otherKey.status, otherInstrument.status, otherFormat.status]).toEqual([400, 400, 400]);
    expect(otherKey.body.errors).toEqual([{ path: 'query.cursor', message: 'The cursor is not valid.' }]);
  });

  it.each([
    ['no instrument', '/v1/analytics/export', 400],
    ['an unknown instrument', '/v1/analytics/export?instrument=phq-9', 422],
    ['a bad day', `${RULER}&from=2026-13-01`, 400],
    ['from after to', `${RULER}&from=2026-02-01&to=2026-01-01`, 400],
    ['a limit over 5000', `${RULER}&limit=5001`, 400],
    ['an unknown format', `${RULER}&format=xlsx`, 400],
    ['a forged cursor', `${RULER}&cursor=1.${'A'.repeat(60)}`, 400],
    ['a plain base64 cursor', `${RULER}&cursor=${Buffer.from('{"p":"2026-01-01#x#asm_1"}').toString('base64url')}`, 400],
    ['an unknown parameter', `${RULER}&clinic=clinic-b`, 400],
    ['a bad audit cursor', '/v1/analytics/audit?cursor=bm9wZQ', 400],
  ])('rejects %s', async (_, url, status) => {
    const res = await api.call('GET', url, { key: analyst });
    expect(res.status).toBe(status);
  });

  it.each(['/v1/analytics/export?instrument=urica', '/v1/analytics/audit'])('needs the analytics:read scope for %s', async (url) => {
    const res = await api.call('GET', url, { key: writer });
    expect(res.status).toBe(403);
  });
});
