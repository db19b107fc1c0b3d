import { expect } from 'vitest';
import { pseudonymizer, type TestApi, testApi } from './api';

/** The export of the readiness ruler, the instrument most of the seeded clinic's rows are of. */
export const RULER = '/v1/analytics/export?instrument=readiness-ruler';

/**
 * The rows of an NDJSON body.
 * @example parseNdjson('{"a":1}\n{"a":2}\n') // [{ a: 1 }, { a: 2 }]
 */
export const parseNdjson = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, any>);

/** The seeded subjects' refs: strings no export may ever contain. */
export const refs = { a: 'EXPORT-REF-alpha-77', b: 'EXPORT-REF-beta-78', c: 'EXPORT-REF-gamma-79' };
/** The subject id clinic-a's ref is stored under. @example subjectId(refs.a) */
export const subjectId = (ref: string) => pseudonymizer.subjectId('clinic-a', ref);
/** Every administration day seeded: exports give years and day indexes, never these. */
export const days = ['2025-12-30', '2025-12-31', '2026-01-02', '2026-01-03', '2026-02-10', '2026-03-01', '2026-11-02'];

export interface ExportClinic {
  api: TestApi;
  writer: string;
  analyst: string;
  /** An analytics:read key of clinic-b, which has no assessments. */
  otherClinic: string;
  /** The ids of the seven stored assessments, in the order written. */
  ids: string[];
  /** The stored assessments' views by name (`a0`, `b1`, `b2`, `a1`, `c1`, `a2`, `ws`). */
  views: Record<string, any>;
}

/**
 * A test app whose clinic-a holds seven assessments of three subjects (a ladder, five rulers and a
 * worksheet), written through `POST /v1/assessments`. Drop `api.table` after the file.
 * @example ({ api, analyst } = await seedExportClinic());
 */
export async function seedExportClinic(): Promise<ExportClinic> {
  const api = await testApi();
  const writer = await api.keyFor('clinic-a', ['assessments:write']);
  const analyst = await api.keyFor('clinic-a', ['analytics:read']);
  const otherClinic = await api.keyFor('clinic-b', ['analytics:read']);
  const ids: string[] = [];
  const views: Record<string, any> = {};

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
  return { api, writer, analyst, otherClinic, ids, views };
}
