import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_OPERATOR, type ExportProgress, exportToFile, progressLine } from '../../functions/local/export-file';
import { NOW, pseudonymizer, type TestApi, testApi } from '../support/api';

describe('exportToFile (npm run cli -- export)', () => {
  let api: TestApi;
  let dir: string;
  const deps = () => ({ store: api.table.store, pseudonymizer, now: () => NOW });

  beforeAll(async () => {
    api = await testApi();
    dir = await mkdtemp(join(tmpdir(), 'export-'));
    const writer = await api.keyFor('clinic-a', ['assessments:write']);
    for (let i = 0; i < 7; i += 1) {
      const res = await api.call('POST', '/v1/assessments', {
        key: writer,
        body: {
          instrument: 'readiness-ruler',
          subject: { ref: `cli-${i % 3}` },
          administeredOn: `2026-0${1 + (i % 3)}-1${i}`,
          responses: { readiness: i },
        },
        headers: { 'idempotency-key': `cli-${i}` },
      });
      expect(res.status).toBe(201);
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await api.table.drop();
  });

  it('writes every page to one file, with a progress total from the rollups, audited as the operator', async () => {
    const out = join(dir, 'ruler.csv');
    const progress: ExportProgress[] = [];

    const done = await exportToFile(deps(), 'clinic-a', { instrument: 'readiness-ruler', format: 'csv' }, out, {
      limit: 3,
      onProgress: (p) => progress.push(p),
    });
    const lines = (await readFile(out, 'utf8')).split('\r\n');

    expect(done.rows).toBe(7);
    expect(lines).toHaveLength(1 + 7 + 1);
    expect(lines[0]).toMatch(/^exportSubject,year,dayIndex,/);
    expect(lines.filter((l) => l.startsWith('exportSubject'))).toHaveLength(1);
    expect(progress).toEqual([
      { rows: 3, total: 7 },
      { rows: 6, total: 7 },
      { rows: 7, total: 7 },
    ]);
    expect(await readdir(dir)).toEqual(['ruler.csv']);
    const audit = await api.table.store.listExportAudits('clinic-a', { limit: 10 });
    expect(audit.items).toEqual([
      {
        exportId: done.exportId,
        clinicId: 'clinic-a',
        at: NOW.toISOString(),
        keyId: CLI_OPERATOR,
        filters: { instrument: 'readiness-ruler', format: 'csv' },
        rowCount: 7,
      },
    ]);
  });

  it('counts without a total when the range is not whole months, and leaves no file on failure', async () => {
    const progress: ExportProgress[] = [];
    await exportToFile(
      deps(),
      'clinic-a',
      { instrument: 'readiness-ruler', format: 'ndjson', from: '2026-01-15' },
      join(dir, 'part.ndjson'),
      {
        onProgress: (p) => progress.push(p),
      },
    );
    await expect(exportToFile(deps(), 'clinic-a', { instrument: 'nope', format: 'ndjson' }, join(dir, 'bad.ndjson'))).rejects.toThrow();

    expect(progress).toEqual([{ rows: 5 }]);
    expect((await readdir(dir)).sort()).toEqual(['part.ndjson', 'ruler.csv']);
  });

  it('ends a page early at the byte limit and resumes right after it, every row once and counted once', async () => {
    const out = join(dir, 'small-pages.ndjson');
    const pages: number[] = [];

    const done = await exportToFile(
      { ...deps(), maxPageBytes: 700 },
      'clinic-a',
      { instrument: 'readiness-ruler', format: 'ndjson' },
      out,
      {
        limit: 5,
        onProgress: (p) => pages.push(p.rows),
      },
    );
    const rows = (await readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const audit = await api.table.store.listExportAudits('clinic-a', { limit: 10 });

    expect(pages).toEqual([2, 4, 6, 7]);
    expect(rows.map((r) => r.items.readiness)).toEqual([0, 3, 6, 1, 4, 2, 5]);
    expect(audit.items.find((a) => a.exportId === done.exportId)?.rowCount).toBe(7);
  });

  it.each([
    [{ rows: 250, total: 1000 }, 0, '[#####---------------] 250/1000 rows  25%'],
    [{ rows: 7, total: 7 }, 0, '[####################] 7/7 rows 100%'],
    [{ rows: 42 }, 1, '⠙ 42 rows'],
  ])('draws %j as %s', (p, tick, line) => {
    expect(progressLine(p, tick)).toBe(line);
  });
});
