import { beforeAll, describe, expect, it } from 'vitest';
import { examples } from '../../packages/api/examples';
import { worksheetQuestionnaire } from '../../packages/fhir/worksheet-questionnaire';
import { SECRETS, worksheetResponse } from './qr-fixtures';
import { r4SchemaErrors } from './schema';
import { useFhirTestApi } from './support';

const EXTRACT = '/fhir/r4/QuestionnaireResponse/$extract';
const JSON_TYPE = { 'content-type': 'application/json' };
/** The worked worksheet example of docs/scoring.md (packages/api/examples.ts). */
const worked = () =>
  examples().scoreRequest['worksheet']!.value as { instrument: string; responses: Record<string, { label?: string; weight?: number }[]> };

const api = useFhirTestApi();
let key: string;
beforeAll(async () => {
  key = await api.keyFor('clinic-a');
});

/** Member code → value (a score's number, an interpretation's code) of a Bundle of Observations. */
const valuesOf = (bundle: any) =>
  Object.fromEntries(
    bundle.entry
      .slice(1)
      .map((e: any) => [
        e.resource.code.coding[0].code,
        e.resource.valueQuantity?.value ?? e.resource.valueCodeableConcept?.coding[0].code ?? null,
      ]),
  );

describe('the decisional-balance worksheet in FHIR', () => {
  it('serves its Questionnaire by id and in the search, valid against R4', async () => {
    const read = await api.call('GET', '/fhir/r4/Questionnaire/decisional-balance', { key });
    const found = await api.call('GET', `/fhir/r4/Questionnaire?url=${encodeURIComponent(worksheetQuestionnaire().url)}`, { key });

    expect(read.status).toBe(200);
    expect(read.body).toEqual(JSON.parse(JSON.stringify(worksheetQuestionnaire())));
    expect(r4SchemaErrors(read.body)).toEqual([]);
    expect([found.body.total, found.body.entry[0].resource]).toEqual([1, read.body]);
  });

  it('scores the worked example through $extract exactly as /v1/score, storing nothing', async () => {
    const v1 = await api.call('POST', '/v1/score', { key, body: worked(), headers: JSON_TYPE });
    const fhir = await api.call('POST', EXTRACT, { key, body: worksheetResponse(worked().responses) });

    expect([v1.status, fhir.status]).toEqual([200, 200]);
    expect(v1.body.scores).toEqual({
      benefitsOfChange: 1,
      costsOfChange: 1,
      benefitsOfStatusQuo: 2,
      costsOfStatusQuo: 3,
      total: 7,
      proportion: 4 / 7,
      weightedProportion: 15 / 21,
    });
    expect(valuesOf(fhir.body)).toEqual({
      ...Object.fromEntries(Object.entries(v1.body.scores).map(([k, v]) => [`decisional-balance/score/${k}`, v])),
      'decisional-balance/interpretation/leaning': `leaning/${v1.body.interpretation.leaning}`,
    });
    expect(r4SchemaErrors(fhir.body)).toEqual([]);
    expect((await api.table.scanAll()).filter((i) => i.type === 'assessment')).toEqual([]);
  });

  it('stores a posted worksheet once, its labels never', async () => {
    const body = worksheetResponse({ ...worked().responses, benefitsOfChange: [{ label: SECRETS.freeText, weight: 4 }] });
    const first = await api.call('POST', '/fhir/r4/QuestionnaireResponse', { key, body });
    const again = await api.call('POST', '/fhir/r4/QuestionnaireResponse', { key, body });
    const stored = (await api.table.scanAll()).filter((i) => i.type === 'assessment');

    expect([first.status, again.status, again.headers.get('idempotent-replayed')]).toEqual([201, 201, 'true']);
    expect(again.body).toEqual(first.body);
    expect(stored).toHaveLength(1);
    expect(JSON.parse(stored[0]!.answers as string)).toEqual({
      instrument: 'decisional-balance',
      responses: {
        benefitsOfChange: [{ weight: 4 }],
        costsOfChange: [{ weight: 2 }],
        benefitsOfStatusQuo: [{ weight: 3 }, { weight: 1 }],
        costsOfStatusQuo: [{ weight: 5 }, { weight: 4 }, { weight: 2 }],
      },
    });
    expect(JSON.stringify(await api.table.scanAll()) + first.text + JSON.stringify(api.logs)).not.toContain(SECRETS.freeText);
  });

  it('takes a full worksheet (four lists of 50 labelled, weighted entries) and refuses a 51st entry at its list', async () => {
    const full = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `reason ${i}`, weight: 1 + (i % 5) }));
    const fifty = await api.call('POST', EXTRACT, {
      key,
      body: worksheetResponse({
        benefitsOfChange: full(50),
        costsOfChange: full(50),
        benefitsOfStatusQuo: full(50),
        costsOfStatusQuo: full(50),
      }),
    });
    const more = await api.call('POST', EXTRACT, {
      key,
      body: worksheetResponse({ benefitsOfChange: full(50), costsOfChange: full(51), benefitsOfStatusQuo: [], costsOfStatusQuo: [] }),
    });

    expect([fifty.status, valuesOf(fifty.body)['decisional-balance/score/total']]).toEqual([200, 200]);
    const v1 = await api.call('POST', '/v1/score', {
      key,
      body: { instrument: 'decisional-balance', responses: { costsOfChange: full(51) } },
      headers: JSON_TYPE,
    });

    // The same refusal as /v1 gives the same list, placed at the list's group.
    expect(v1.status).toBe(422);
    expect([more.status, more.body.issue.map((i: any) => i.expression[0])]).toEqual([422, ['QuestionnaireResponse.item[1]']]);
    expect(JSON.stringify(more.body)).not.toContain('reason 50');
  });
});
