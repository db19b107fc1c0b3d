import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOW, pseudonymizer, type TestApi } from '../support/api';
import { days, parseNdjson, RULER, refs, seedExportClinic, subjectId } from '../support/export-clinic';

describe('GET /v1/analytics/export and /v1/analytics/audit', () => {
  let api: TestApi;
  let analyst: string;
  let ids: string[];
  let views: Record<string, any>;

  beforeAll(async () => {
    ({ api, analyst, ids, views } = await seedExportClinic());
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
});
