import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFormMap } from '../../packages/api/form-maps';
import { oracleRulerMap } from '../support/form-maps';
import { canonicalOf, oracleResponse, ourResponse, rcqExample, SECRETS, workedExamples } from './qr-fixtures';
import { r4SchemaErrors } from './schema';
import { type FhirTestApi, fhirTestApi } from './support';

const EXTRACT = '/fhir/r4/QuestionnaireResponse/$extract';
const CREATE = '/fhir/r4/QuestionnaireResponse';
const AT = '2026-11-24T08:00:00.000Z';

let api: FhirTestApi;
const keys: Record<'a' | 'aRead' | 'b', string> = { a: '', aRead: '', b: '' };
beforeAll(async () => {
  api = await fhirTestApi();
  keys.a = await api.keyFor('clinic-a');
  keys.aRead = await api.keyFor('clinic-a', ['assessments:read']);
  keys.b = await api.keyFor('clinic-b');
  // The form map goes in as `forms import` puts it: validated by parseFormMap, stored with putFormMap.
  const parsed = parseFormMap(oracleRulerMap());
  if (!parsed.success) throw new Error('fixture map does not validate');
  await api.table.store.putFormMap('clinic-a', parsed.map, AT);
  await api.table.store.setClinicPart2('clinic-b', false, AT);
});
afterAll(() => api.table.drop());

const assessments = async () => (await api.table.scanAll()).filter((i) => i.type === 'assessment');
const memberCode = (e: any) => e.resource.code.coding[0].code as string;
/** The scores and interpretation codes a Bundle of Observations carries, by our CodeSystem codes. */
function valuesOf(bundle: any): Record<string, unknown> {
  return Object.fromEntries(
    bundle.entry
      .slice(1)
      .map((e: any) => [memberCode(e), e.resource.valueQuantity?.value ?? e.resource.valueCodeableConcept?.coding[0].code ?? null]),
  );
}
/** The same, expected from a /v1 result: a score's value; an interpretation's value as the last part of its code. */
function expectedValues(instrument: string, result: { scores: Record<string, unknown>; interpretation: Record<string, unknown> }) {
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(result.scores)) out[`${instrument}/score/${name}`] = v;
  const walk = (o: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      if (v && typeof v === 'object' && !('label' in v)) walk(v as Record<string, unknown>, `${prefix}${k}.`);
      else
        out[`${instrument}/interpretation/${prefix}${k}`] =
          typeof v === 'number' ? v : expect.stringMatching(new RegExp(`/${String((v as any)?.value ?? v)}$`));
    }
  };
  walk(result.interpretation, '');
  return out;
}

describe('POST /fhir/r4/QuestionnaireResponse/$extract', () => {
  it.each(workedExamples().map((w) => [w.instrument, w] as const))(
    'scores the worked %s example exactly as /v1/score, storing nothing',
    async (instrument, worked) => {
      const v1 = await api.call('POST', '/v1/score', { key: keys.aRead, body: worked, headers: { 'content-type': 'application/json' } });
      const fhir = await api.call('POST', EXTRACT, { key: keys.aRead, body: ourResponse(instrument, worked.responses) });

      expect([v1.status, fhir.status]).toEqual([200, 200]);
      expect(fhir.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
      expect(valuesOf(fhir.body)).toEqual(expectedValues(instrument, v1.body));
      expect(fhir.body.entry[0].resource.code.coding[0].code).toBe(instrument);
      expect(r4SchemaErrors(fhir.body)).toEqual([]);
      expect(await assessments()).toEqual([]);
    },
  );

  it('answers with the subject as sent (no display), derivedFrom the identifier, the day of authored and the Part 2 labels', async () => {
    const bare = await api.call('POST', EXTRACT, { key: keys.a, body: ourResponse('rcq', rcqExample()) });
    const wrapped = await api.call('POST', EXTRACT, {
      key: keys.b,
      body: { resourceType: 'Parameters', parameter: [{ name: 'questionnaire-response', resource: ourResponse('rcq', rcqExample()) }] },
    });
    const panel = bare.body.entry[0].resource;

    expect([bare.status, wrapped.status]).toEqual([200, 200]);
    expect(panel.subject).toEqual({ type: 'Patient', identifier: { system: SECRETS.system, value: SECRETS.mrn } });
    expect(panel.derivedFrom).toEqual([
      { type: 'QuestionnaireResponse', identifier: { system: SECRETS.qrSystem, value: SECRETS.qrValue } },
    ]);
    expect(panel.effectiveDateTime).toBe('2026-11-20');
    expect(panel.meta.security.map((s: any) => s.code)).toEqual(['R', '42CFRPart2', 'SUD']);
    expect(wrapped.body.entry[0].resource.meta.security).toBeUndefined();
    expect(valuesOf(wrapped.body)).toEqual(valuesOf(bare.body));
    for (const secret of [SECRETS.display, SECRETS.author, SECRETS.narrative, SECRETS.freeText]) expect(bare.text).not.toContain(secret);
  });

  it('matches the path literally', async () => {
    const res = await api.call('POST', '/fhir/r4/QuestionnaireResponse/Xextract', { key: keys.a, body: ourResponse('rcq', rcqExample()) });

    expect([res.status, res.body.resourceType]).toEqual([404, 'OperationOutcome']);
  });
});

describe('POST /fhir/r4/QuestionnaireResponse', () => {
  it('stores once for the same response twice (by identifier): 201, Location of the panel, the same Bundle on the replay', async () => {
    const body = ourResponse('rcq', rcqExample());
    const first = await api.call('POST', CREATE, { key: keys.a, body });
    const again = await api.call('POST', CREATE, { key: keys.a, body });
    const stored = await assessments();
    const panel = first.body.entry[0].resource;

    expect([first.status, again.status]).toEqual([201, 201]);
    expect(first.headers.get('location')).toBe(`/fhir/r4/Observation/${panel.id}`);
    expect([first.headers.get('idempotent-replayed'), again.headers.get('idempotent-replayed')]).toEqual([null, 'true']);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(again.body).toEqual(first.body);
    // Stored Observations have ids: each entry's fullUrl is absolute under the server's base.
    expect(first.body.entry.map((e: { fullUrl: string; resource: { id: string } }) => e.fullUrl)).toEqual(
      first.body.entry.map((e: { resource: { id: string } }) => `http://localhost/fhir/r4/Observation/${e.resource.id}`),
    );
    expect(stored.map((i) => i.id)).toHaveLength(1);
    const v1 = await api.call('POST', '/v1/score', { key: keys.a, body: { instrument: 'rcq', responses: rcqExample() } });
    expect(valuesOf(first.body)).toEqual(expectedValues('rcq', v1.body));
    expect(panel.subject).toEqual({ type: 'Patient', identifier: { system: SECRETS.system, value: SECRETS.mrn } });
    expect(r4SchemaErrors(first.body)).toEqual([]);
  });

  it('replays a resend whose narrative, display and free text changed (they are never read), and refuses other answers under the same identifier', async () => {
    const body = ourResponse('rcq', rcqExample(), { identifier: { system: SECRETS.qrSystem, value: 'QR-RESEND-1' } });
    const first = await api.call('POST', CREATE, { key: keys.a, body });
    const resent = await api.call('POST', CREATE, {
      key: keys.a,
      body: {
        ...body,
        text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">other</div>' },
        subject: { ...body.subject, display: 'Other' },
      },
    });
    const before = await api.table.scanAll();
    const changed = await api.call('POST', CREATE, { key: keys.a, body: { ...body, item: body.item.slice(1) } });

    expect([first.status, resent.status, resent.headers.get('idempotent-replayed')]).toEqual([201, 201, 'true']);
    expect(resent.body).toEqual(first.body);
    expect([changed.status, changed.body.issue[0].details.coding[0].code]).toEqual([422, 'idempotency-key-reused']);
    expect(await api.table.scanAll()).toEqual(before);
  });

  it('stores once for the same response twice by Idempotency-Key, with no identifier', async () => {
    const body = { ...ourResponse('readiness-ruler', { importance: 4, confidence: 6 }), identifier: undefined };
    const before = (await assessments()).length;
    const first = await api.call('POST', CREATE, { key: keys.a, body, headers: { 'idempotency-key': 'ehr-key-0001' } });
    const again = await api.call('POST', CREATE, { key: keys.a, body, headers: { 'idempotency-key': 'ehr-key-0001' } });

    expect([first.status, again.status, again.headers.get('idempotent-replayed')]).toEqual([201, 201, 'true']);
    expect(again.body).toEqual(first.body);
    expect((await assessments()).length).toBe(before + 1);
    expect(first.body.entry[0].resource.derivedFrom).toBeUndefined();
  });

  it('refuses a response with neither Idempotency-Key nor identifier (400), storing nothing', async () => {
    const before = await api.table.scanAll();
    const res = await api.call('POST', CREATE, { key: keys.a, body: { ...ourResponse('rcq', rcqExample()), identifier: undefined } });

    expect(res.status).toBe(400);
    expect(res.body.issue.map((i: any) => [i.code, i.expression, i.diagnostics])).toEqual([
      ['invalid', ['QuestionnaireResponse.identifier'], 'An Idempotency-Key header or an identifier with system and value is required.'],
    ]);
    expect(await api.table.scanAll()).toEqual(before);
  });

  it('needs assessments:write (403), while $extract takes any valid key', async () => {
    const res = await api.call('POST', CREATE, { key: keys.aRead, body: ourResponse('rcq', rcqExample()) });

    expect([res.status, res.body.issue[0].code, res.body.issue[0].diagnostics]).toEqual([
      403,
      'forbidden',
      'This operation needs the `assessments:write` scope.',
    ]);
  });

  it('scores an Oracle-style response through the clinic form map; another clinic without the map gets a 422', async () => {
    const body = oracleResponse({ importance: 7, readiness: 5 }, { identifier: { system: SECRETS.qrSystem, value: 'QR-ORACLE-1' } });
    const mine = await api.call('POST', CREATE, { key: keys.a, body });
    const other = await api.call('POST', CREATE, { key: keys.b, body });

    expect(mine.status).toBe(201);
    expect(valuesOf(mine.body)).toMatchObject({ 'readiness-ruler/score/importance': 7, 'readiness-ruler/score/readiness': 5 });
    expect(r4SchemaErrors(mine.body)).toEqual([]);
    expect([other.status, other.body.issue.map((i: any) => i.expression[0])]).toEqual([422, ['QuestionnaireResponse.questionnaire']]);
  });

  it("never replays another clinic's response: the same identifier from clinic-b stores its own, unlabelled", async () => {
    const body = ourResponse('rcq', rcqExample(), { identifier: { system: SECRETS.qrSystem, value: 'QR-SHARED-1' } });
    const perClinic = async () => {
      const all = await assessments();
      return ['clinic-a', 'clinic-b'].map((clinic) => all.filter((i) => i.clinicId === clinic).length);
    };
    const before = await perClinic();
    const a = await api.call('POST', CREATE, { key: keys.a, body });
    const b = await api.call('POST', CREATE, { key: keys.b, body });

    expect([a.status, b.status, b.headers.get('idempotent-replayed')]).toEqual([201, 201, null]);
    expect(b.headers.get('location')).not.toBe(a.headers.get('location'));
    expect(await perClinic()).toEqual([before[0]! + 1, before[1]! + 1]);
    expect(b.body.entry[0].resource.meta.security).toBeUndefined();
    expect(a.body.entry[0].resource.meta.security).toHaveLength(3);
  });

  it.each([
    [
      'an unmapped item of a mapped form (each listed)',
      oracleResponse(
        { importance: 7, readiness: 5 },
        {
          item: [
            { linkId: '7019998', answer: [{ valueInteger: 1 }] },
            { linkId: '7019999', answer: [{ valueInteger: 2 }] },
          ],
        },
      ),
      422,
      ['QuestionnaireResponse.item[0]', 'QuestionnaireResponse.item[1]'],
    ],
    ['an in-progress response', ourResponse('rcq', rcqExample(), { status: 'in-progress' }), 422, ['QuestionnaireResponse.status']],
    [
      'an unknown version',
      ourResponse('rcq', rcqExample(), { questionnaire: `${canonicalOf('rcq')}.9` }),
      422,
      ['QuestionnaireResponse.questionnaire'],
    ],
    ['authored in the future', ourResponse('rcq', rcqExample(), { authored: '2026-12-25' }), 400, ['QuestionnaireResponse.authored']],
    ['no subject', ourResponse('rcq', rcqExample(), { subject: { display: SECRETS.display } }), 400, ['QuestionnaireResponse.subject']],
    ['a ruler with no item answered', ourResponse('readiness-ruler', {}), 422, ['QuestionnaireResponse.item']],
  ])('answers %s with an OperationOutcome, storing nothing and echoing nothing', async (_case, body, status, expressions) => {
    const before = await api.table.scanAll();
    const created = await api.call('POST', CREATE, { key: keys.a, body });
    const extracted = await api.call('POST', EXTRACT, { key: keys.a, body });

    expect([created.status, created.body.resourceType]).toEqual([status, 'OperationOutcome']);
    expect(created.body.issue.map((i: any) => i.expression[0])).toEqual(expressions);
    expect(r4SchemaErrors(created.body)).toEqual([]);
    expect([extracted.status, extracted.body.issue]).toEqual([status, created.body.issue]);
    for (const secret of Object.values(SECRETS)) expect(created.text + extracted.text).not.toContain(secret);
    expect(await api.table.scanAll()).toEqual(before);
  });

  it('keeps no identifier, subject reference, display, author, narrative or free text in the table or the logs', async () => {
    await api.call('POST', CREATE, {
      key: keys.a,
      body: ourResponse('rcq', rcqExample(), { subject: { reference: 'Patient/secret-ref-77' } }),
    });
    const everything = JSON.stringify(await api.table.scanAll()) + JSON.stringify(api.logs);

    expect(api.logs.length).toBeGreaterThan(10);
    for (const secret of [...Object.values(SECRETS), 'QR-ORACLE-1', 'QR-SHARED-1', 'secret-ref-77'])
      expect(everything).not.toContain(secret);
  });
});
