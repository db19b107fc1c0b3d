import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessment } from '../../packages/api/assessments';
import { cursorCodec } from '../../packages/api/cursor';
import { newAssessmentId } from '../../packages/api/ids';
import { parseAssessmentRequest } from '../../packages/api/schemas';
import { ValidationError } from '../../packages/domain/errors';
import { parseObservationSearch, searchObservations } from '../../packages/fhir/observation-search';
import { NOW, pseudonymizer } from '../support/api';
import { type TestTable, testTable } from '../support/dynamo';

const REF = 'urn:oid:2.16.840.1.113883.3.999|MRN-0042';
const form = (text: string) => new URLSearchParams(text);

describe('parseObservationSearch', () => {
  it('reads subject, codes and a day range from a form body', () => {
    expect(
      parseObservationSearch(
        form(`subject:identifier=${encodeURIComponent(REF)}&code=urn:x|urica,readiness-ruler&date=ge2026-01-01&date=le2026-06-30&_count=5`),
      ),
    ).toEqual({
      ref: REF,
      instruments: ['urica', 'readiness-ruler'],
      from: '2026-01-01',
      to: '2026-06-30',
      count: 5,
    });
  });

  it('refuses a missing subject, bad dates, counts and unknown parameters, never echoing a value', () => {
    let error: ValidationError | undefined;
    try {
      parseObservationSearch(form('patient=MRN-0042&date=gt2026-01-01&_count=500'));
    } catch (e) {
      error = e as ValidationError;
    }

    expect(error?.errors).toEqual([
      { path: '', message: 'Unknown search parameter.' },
      { path: 'subject:identifier', message: 'Exactly one subject identifier is required, as system|value.' },
      { path: 'date', message: 'A day (YYYY-MM-DD) with an optional ge, le or eq prefix.' },
      { path: '_count', message: 'An integer from 1 to 100.' },
    ]);
    expect(JSON.stringify(error?.errors)).not.toContain('MRN-0042');
  });
});

describe('searchObservations', () => {
  let t: TestTable;
  const cursors = cursorCodec(pseudonymizer);
  const deps = () => ({ store: t.store, pseudonymizer, cursors });
  beforeAll(async () => {
    t = await testTable();
    const post = async (clinic: string, key: string, instrument: string, administeredOn: string, responses: Record<string, number>) => {
      const body = parseAssessmentRequest({ instrument, subject: { ref: REF }, administeredOn, responses });
      if (!body.success) throw new Error('bad fixture');
      await createAssessment({ store: t.store, pseudonymizer, now: () => NOW, newId: newAssessmentId }, clinic, key, body.data as never);
    };
    await post('clinic-a', 'k1', 'readiness-ruler', '2026-01-10', { importance: 1 });
    await post('clinic-a', 'k2', 'readiness-ruler', '2026-03-10', { importance: 2 });
    await post('clinic-a', 'k3', 'contemplation-ladder', '2026-04-10', { rung: 5 });
    await post('clinic-a', 'k4', 'readiness-ruler', '2026-07-10', { importance: 4 });
    await post('clinic-b', 'k5', 'readiness-ruler', '2026-03-11', { importance: 9 });
  });
  afterAll(() => t.drop());

  it("finds one client's results of one instrument in a day range, newest first, this clinic only", async () => {
    const found = await searchObservations(
      deps(),
      'clinic-a',
      parseObservationSearch(
        form(`subject:identifier=${encodeURIComponent(REF)}&code=readiness-ruler&date=ge2026-01-01&date=le2026-06-30`),
      ),
    );

    expect(found.items.map((v) => [v.administeredOn, v.scores.importance])).toEqual([
      ['2026-03-10', 2],
      ['2026-01-10', 1],
    ]);
    expect(found.next).toBeUndefined();
    expect(found.total).toBe(2);
  });

  it('gives the exact total on the page that ends the search, none while pages follow', async () => {
    const text = `subject:identifier=${encodeURIComponent(REF)}&_count=3`;
    const first = await searchObservations(deps(), 'clinic-a', parseObservationSearch(form(text)));
    const second = await searchObservations(deps(), 'clinic-a', parseObservationSearch(form(`${text}&_cursor=${first.next}`)));
    const none = await searchObservations(deps(), 'clinic-a', parseObservationSearch(form(`${text}&code=urica`)));

    expect([first.items.length, first.total]).toEqual([3, undefined]);
    expect([second.items.length, second.total, second.next]).toEqual([1, 4, undefined]);
    expect([none.items, none.total]).toEqual([[], 0]);
  });

  it('ends a search paged by a cursor sealed without a match count (before totals) without a total', async () => {
    const text = `subject:identifier=${encodeURIComponent(REF)}&_count=3`;
    // The scope searchObservations seals under: clinic, subject, no codes, no day bounds.
    const scope = `fhir/clinic-a/${pseudonymizer.subjectIdsAllVersions('clinic-a', REF)[0]}///`;
    const first = await searchObservations(deps(), 'clinic-a', parseObservationSearch(form(text)));
    const { matched, ...position } = cursors.open<{ at: number; inner?: string; matched?: number }>('search', scope, first.next!);
    const old = cursors.seal('search', scope, position);
    const last = await searchObservations(deps(), 'clinic-a', parseObservationSearch(form(`${text}&_cursor=${old}`)));

    expect(matched).toBe(3);
    expect(last.items.map((v) => v.administeredOn)).toEqual(['2026-01-10']);
    expect(last.total).toBeUndefined();
  });

  it('pages with a sealed cursor that works only for the same search', async () => {
    const text = `subject:identifier=${encodeURIComponent(REF)}&_count=2`;
    const first = await searchObservations(deps(), 'clinic-a', parseObservationSearch(form(text)));
    const second = await searchObservations(deps(), 'clinic-a', parseObservationSearch(form(`${text}&_cursor=${first.next}`)));

    expect(first.items.map((v) => v.administeredOn)).toEqual(['2026-07-10', '2026-04-10']);
    expect(second.items.map((v) => v.administeredOn)).toEqual(['2026-03-10', '2026-01-10']);
    expect([first.total, second.total]).toEqual([undefined, 4]);
    expect(first.next).not.toContain('2026');
    await expect(
      searchObservations(deps(), 'clinic-b', parseObservationSearch(form(`${text}&_cursor=${first.next}`))),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      searchObservations(deps(), 'clinic-a', parseObservationSearch(form(`${text}&code=urica&_cursor=${first.next}`))),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});
