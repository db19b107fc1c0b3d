import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOW, pseudonymizer, type TestApi, testApi } from '../support/api';

const RULER = '/v1/analytics/export?instrument=readiness-ruler';
const parseNdjson = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, any>);

describe('GET /v1/analytics/export and /v1/analytics/audit', () => {
  let api: TestApi;
  let writer: string;
  let analyst: string;
  let otherClinic: string;
  const refs = { a: 'EXPORT-REF-alpha-77', b: 'EXPORT-REF-beta-78', c: 'EXPORT-REF-gamma-79' };
  const subjectId = (ref: string) => pseudonymizer.subjectId('clinic-a', ref);
  const ids: string[] = [];
  const views: Record<string, any> = {};
  const days = ['2025-12-30', '2025-12-31', '2026-01-02', '2026-01-03', '2026-02-10', '2026-03-01', '2026-11-02'];

  const post = async (key: string, body: Record<string, unknown>, name: string) => {
    const res = await api.call('POST', '/v1/assessments', { key, body, headers: { 'idempotency-key': `export-${name}` } });
    expect(res.status).toBe(201);
    ids.push(res.body.id);
    views[name] = res.body;
  };
  const ruler = (ref: string, administeredOn: string, responses: Record<string, number>, extra: Record<string, unknown> = {}) => ({
    instrument: 'readiness-ruler',
    subject: { ref },
    administeredOn,
    responses,
    ...extra,
  });

  beforeAll(async () => {
    api = await testApi();
    writer = await api.keyFor('clinic-a', ['assessments:write']);
    analyst = await api.keyFor('clinic-a', ['analytics:read']);
    otherClinic = await api.keyFor('clinic-b', ['analytics:read']);
    // Subject A's first assessment is of another instrument: dayIndex counts from it.
    await post(
      writer,
      { instrument: 'contemplation-ladder', subject: { ref: refs.a }, administeredOn: '2025-12-30', responses: { rung: 5 } },
      'a0',
    );
    await post(writer, ruler(refs.b, '2025-12-31', { importance: 7, confidence: 4, readiness: 8 }, { targetBehavior: 'alcohol' }), 'b1');
    await post(writer, ruler(refs.b, '2026-01-02', { importance: 9, confidence: 6, readiness: 9 }, { targetBehavior: 'alcohol' }), 'b2');
    await post(writer, ruler(refs.a, '2026-01-03', { importance: 3, confidence: 2, readiness: 1 }), 'a1');
    await post(writer, ruler(refs.c, '2026-02-10', { importance: 5 }, { scale: '1-10', targetBehavior: 'gambling' }), 'c1');
    await post(writer, ruler(refs.a, '2026-03-01', { importance: 10, confidence: 10, readiness: 10 }), 'a2');
    await post(
      writer,
      {
        instrument: 'decisional-balance',
        subject: { ref: refs.c },
        administeredOn: '2026-11-02',
        responses: {
          benefitsOfChange: [{ label: 'EXPORT-LABEL-sleep, "better"', weight: 4 }, { label: 'x' }],
          costsOfChange: [{ label: 'y', weight: 2 }],
          benefitsOfStatusQuo: [],
          costsOfStatusQuo: [{ label: 'z', weight: 5 }],
        },
      },
      'ws',
    );
  });
  afterAll(() => api.table.drop());

  const row = (name: string, who: string, year: number, dayIndex: number, exportId: string, extra: Record<string, unknown> = {}) => ({
    exportSubject: pseudonymizer.exportKeyed(exportId, subjectId(who)),
    year,
    dayIndex,
    instrument: 'readiness-ruler',
    instrumentVersion: '1.1.0',
    targetBehavior: null,
    scale: '0-10',
    scores: views[name].scores,
    interpretation: views[name].interpretation,
    complete: views[name].complete,
    algorithmVersion: '1.1.0',
    ...extra,
  });

  it('answers one de-identified row per assessment, oldest first, with hand-computed year and dayIndex', async () => {
    const res = await api.call('GET', RULER, { key: analyst });
    const exportId = res.headers.get('export-id')!;

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    expect(exportId).toMatch(/^exp_[A-Za-z0-9_-]{22}$/);
    expect(res.headers.get('export-next-cursor')).toBeNull();
    expect(res.headers.get('link')).toBeNull();
    expect(parseNdjson(res.text)).toEqual([
      row('b1', refs.b, 2025, 0, exportId, { targetBehavior: 'alcohol', items: { importance: 7, confidence: 4, readiness: 8 } }),
      row('b2', refs.b, 2026, 2, exportId, { targetBehavior: 'alcohol', items: { importance: 9, confidence: 6, readiness: 9 } }),
      // 2025-12-30 (ladder) → 2026-01-03 is 4 days; → 2026-03-01 is 1 + 31 + 28 + 1 = 61.
      row('a1', refs.a, 2026, 4, exportId, { items: { importance: 3, confidence: 2, readiness: 1 } }),
      row('c1', refs.c, 2026, 0, exportId, {
        targetBehavior: 'gambling',
        scale: '1-10',
        items: { importance: 5, confidence: null, readiness: null },
      }),
      row('a2', refs.a, 2026, 61, exportId, { items: { importance: 10, confidence: 10, readiness: 10 } }),
    ]);
    expect(views.c1.scores).toEqual({ importance: 5 });
  });

  it('re-keys subjects per export: consistent within one, unrelated across two', async () => {
    const [first, second] = [await api.call('GET', RULER, { key: analyst }), await api.call('GET', RULER, { key: analyst })];
    const subjects = (text: string) => parseNdjson(text).map((r) => r.exportSubject as string);
    const [x, y] = [subjects(first.text), subjects(second.text)];

    expect(x[0]).toBe(x[1]);
    expect(x[2]).toBe(x[4]);
    expect(new Set(x).size).toBe(3);
    expect(new Set(y).size).toBe(3);
    for (const s of x) expect(y).not.toContain(s);
    expect(first.headers.get('export-id')).not.toBe(second.headers.get('export-id'));
  });

  it('pages with limit 2 through three pages, every row once, the pseudonyms consistent across pages', async () => {
    const pages: { text: string; headers: Headers }[] = [];
    let url: string | null = `${RULER}&limit=2`;
    while (url) {
      const res = await api.call('GET', url, { key: analyst });
      expect(res.status).toBe(200);
      pages.push(res);
      const next = res.headers.get('export-next-cursor');
      const link = res.headers.get('link');
      if (next) {
        const href = /^<(.+)>; rel="next"$/.exec(link ?? '')?.[1];
        // A relative reference: nothing of the request's Host header is reflected.
        expect(href!.startsWith('/v1/analytics/export?')).toBe(true);
        const linked = new URL(href!, 'http://base.invalid');
        expect(linked.pathname).toBe('/v1/analytics/export');
        expect(Object.fromEntries(linked.searchParams)).toEqual({ instrument: 'readiness-ruler', limit: '2', cursor: next });
        url = `${linked.pathname}${linked.search}`;
      } else {
        expect(link).toBeNull();
        url = null;
      }
    }
    const exportId = pages[0]!.headers.get('export-id')!;
    const rows = pages.flatMap((p) => parseNdjson(p.text));

    expect(pages.map((p) => parseNdjson(p.text).length)).toEqual([2, 2, 1]);
    expect(pages.map((p) => p.headers.get('export-id'))).toEqual([exportId, exportId, exportId]);
    expect(rows.map((r) => [r.year, r.dayIndex, r.items.importance])).toEqual([
      [2025, 0, 7],
      [2026, 2, 9],
      [2026, 4, 3],
      [2026, 0, 5],
      [2026, 61, 10],
    ]);
    expect(rows.map((r) => r.exportSubject)).toEqual(
      [refs.b, refs.b, refs.a, refs.c, refs.a].map((ref) => pseudonymizer.exportKeyed(exportId, subjectId(ref))),
    );
  });

  it('puts no ref, subjectId, assessment id, exact date or write time in any body or header', async () => {
    const answered: string[] = [];
    for (const format of ['ndjson', 'csv']) {
      for (const instrument of ['readiness-ruler', 'contemplation-ladder', 'decisional-balance']) {
        let url: string | null = `/v1/analytics/export?instrument=${instrument}&format=${format}&limit=1`;
        while (url) {
          const res = await api.call('GET', url, { key: analyst });
          expect(res.status).toBe(200);
          answered.push(res.text, JSON.stringify([...res.headers.entries()]));
          const next = res.headers.get('export-next-cursor');
          url = next ? `/v1/analytics/export?instrument=${instrument}&format=${format}&limit=1&cursor=${encodeURIComponent(next)}` : null;
        }
      }
    }
    const everything = answered.join('\n');
    const forbidden = [
      ...Object.values(refs),
      ...Object.values(refs).map(subjectId),
      ...ids,
      ...days,
      NOW.toISOString(),
      'EXPORT-LABEL',
      'guidance',
      'definitionHash',
    ];

    expect(ids).toHaveLength(7);
    expect(everything).toContain('xs_');
    for (const value of forbidden) expect(everything).not.toContain(value);
  });

  it('writes CSV with a fixed header from the catalog and RFC 4180 quoting; worksheets as counts and weights', async () => {
    const res = await api.call('GET', '/v1/analytics/export?instrument=decisional-balance&format=csv', { key: analyst });
    const exportId = res.headers.get('export-id')!;
    const lists = ['benefitsOfChange', 'costsOfChange', 'benefitsOfStatusQuo', 'costsOfStatusQuo'];

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.text.split('\r\n')).toEqual([
      [
        'exportSubject,year,dayIndex,instrument,instrumentVersion,targetBehavior',
        ...lists.map((l) => `item.${l}.count,item.${l}.weights`),
        ...lists.map((l) => `score.${l}`),
        'score.total,score.proportion,score.weightedProportion,interpretation.leaning,complete,algorithmVersion',
      ].join(','),
      // Subject C's first assessment was the ruler on 2026-02-10: 265 days before 2026-11-02.
      [
        pseudonymizer.exportKeyed(exportId, subjectId(refs.c)),
        '2026,265,decisional-balance,1.1.0,',
        '2,"[4,null]",1,[2],0,[],1,[5]',
        '2,1,0,1,4,0.75,',
        'change,true,1.1.0',
      ].join(','),
      '',
    ]);
  });

  it('keeps the CSV header on the first page only, so pages concatenate into one file', async () => {
    const first = await api.call('GET', `${RULER}&format=csv&limit=3`, { key: analyst });
    const cursor = first.headers.get('export-next-cursor')!;
    const second = await api.call('GET', `${RULER}&format=csv&limit=3&cursor=${encodeURIComponent(cursor)}`, { key: analyst });
    const header =
      'exportSubject,year,dayIndex,instrument,instrumentVersion,targetBehavior,scale,item.importance,item.confidence,item.readiness,' +
      'score.importance,score.confidence,score.readiness,interpretation.bands.importance,interpretation.bands.confidence,interpretation.bands.readiness,complete,algorithmVersion';

    expect(first.text.split('\r\n')).toHaveLength(1 + 3 + 1);
    expect(first.text.split('\r\n')[0]).toBe(header);
    expect(second.text.split('\r\n')).toHaveLength(2 + 1);
    expect(second.text).not.toContain('exportSubject');
    expect(second.text.split('\r\n')[0]).toMatch(
      /^xs_[A-Za-z0-9_-]{22},2026,0,readiness-ruler,1\.1\.0,gambling,1-10,5,,,5,,,moderate,,,false,1\.1\.0$/,
    );
  });

  it('filters by day, both ends inclusive', async () => {
    const res = await api.call('GET', `${RULER}&from=2026-01-02&to=2026-02-10`, { key: analyst });
    expect(parseNdjson(res.text).map((r) => r.items.importance)).toEqual([9, 3, 5]);
  });

  it('audits every export with who, when, filters and rows released, each row counted once', async () => {
    // 4 rows from 2026-01-01: 2 on the first page, then the second page asked for 1, then again for 2.
    const first = await api.call('GET', `${RULER}&from=2026-01-01&limit=2`, { key: analyst });
    const exportId = first.headers.get('export-id')!;
    const cursor = encodeURIComponent(first.headers.get('export-next-cursor')!);
    const short = await api.call('GET', `${RULER}&from=2026-01-01&limit=1&cursor=${cursor}`, { key: analyst });
    const retried = await api.call('GET', `${RULER}&from=2026-01-01&limit=2&cursor=${cursor}`, { key: analyst });
    await api.call('GET', `${RULER}&from=2026-01-01&limit=2&cursor=${cursor}`, { key: analyst });
    expect([short, retried].map((r) => parseNdjson(r.text).length)).toEqual([1, 2]);
    expect(short.headers.get('export-next-cursor')).not.toBeNull();
    expect(retried.headers.get('export-next-cursor')).toBeNull();
    const analystKeyId = (await api.table.store.listApiKeys('clinic-a')).find((k) => k.scopes.join() === 'analytics:read')!.keyId;

    const res = await api.call('GET', '/v1/analytics/audit?limit=100', { key: analyst });
    const record = res.body.items.find((i: { exportId: string }) => i.exportId === exportId);

    expect(res.status).toBe(200);
    expect(record).toEqual({
      exportId,
      at: NOW.toISOString(),
      keyId: analystKeyId,
      filters: { instrument: 'readiness-ruler', from: '2026-01-01', format: 'ndjson' },
      rowCount: 4,
    });
    const full = res.body.items.filter(
      (i: any) => i.filters.instrument === 'readiness-ruler' && !i.filters.from && i.filters.format === 'ndjson',
    );
    expect(full.map((i: any) => i.rowCount)).toEqual([5, 5, 5, 5, 5]);
  });

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
