import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pseudonymizer, type TestApi } from '../support/api';
import { parseNdjson, RULER, refs, seedExportClinic, subjectId } from '../support/export-clinic';

describe('GET /v1/analytics/export: CSV and day filters', () => {
  let api: TestApi;
  let analyst: string;

  beforeAll(async () => {
    ({ api, analyst } = await seedExportClinic());
  });
  afterAll(() => api.table.drop());

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
});
