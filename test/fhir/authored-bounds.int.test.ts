import { beforeAll, describe, expect, it } from 'vitest';
import { rcq, rcqExample } from './qr-fixtures';
import { useFhirTestApi } from './support';

const EXTRACT = '/fhir/r4/QuestionnaireResponse/$extract';
const CREATE = '/fhir/r4/QuestionnaireResponse';

const api = useFhirTestApi();
let key: string;
beforeAll(async () => {
  key = await api.keyFor('clinic-a');
});

const assessments = async () => (await api.table.scanAll()).filter((i) => i.type === 'assessment').length;

// The app's clock (test/support/api.ts NOW) is 2026-11-25T12:00Z: /v1 takes days up to tomorrow (UTC) and from 1900-01-01 on.
describe('QuestionnaireResponse.authored bounds, the same as /v1 administeredOn', () => {
  it.each([
    ['tomorrow', '2026-11-26', null],
    ['tomorrow, written with a time west of UTC', '2026-11-26T23:30:00-05:00', null],
    ['the day after tomorrow', '2026-11-27', 'Must not be in the future.'],
    ['1900-01-01', '1900-01-01', null],
    ['1899-12-31', '1899-12-31', 'Must not be before 1900-01-01.'],
    ['year 1', '0001-01-01T00:00:00Z', 'Must not be before 1900-01-01.'],
  ])('%s: %s', async (_name, authored, refused) => {
    const day = authored.slice(0, 10);
    const n = await assessments();
    const v1 = await api.call('POST', '/v1/assessments', {
      key,
      body: { instrument: 'rcq', subject: { ref: 'urn:ehr|bounds' }, administeredOn: day, responses: rcqExample() },
      headers: { 'content-type': 'application/json', 'idempotency-key': `v1-${authored}` },
    });
    const extracted = await api.call('POST', EXTRACT, { key, body: rcq({ authored }) });
    const wrapped = await api.call('POST', EXTRACT, {
      key,
      body: { resourceType: 'Parameters', parameter: [{ name: 'questionnaire-response', resource: rcq({ authored }) }] },
    });
    const created = await api.call('POST', CREATE, { key, body: rcq({ authored }), headers: { 'idempotency-key': `qr-${authored}` } });

    if (refused === null) {
      expect([v1.status, extracted.status, wrapped.status, created.status]).toEqual([201, 200, 200, 201]);
      expect([extracted.body.entry[0].resource.effectiveDateTime, created.body.entry[0].resource.effectiveDateTime]).toEqual([day, day]);
      expect(await assessments()).toBe(n + 2);
      return;
    }
    expect([v1.status, v1.body.errors]).toEqual([400, [{ path: 'body.administeredOn', message: refused }]]);
    const issue = {
      severity: 'error',
      code: 'invalid',
      details: {
        coding: [
          {
            system: 'https://mi-assessments.example/fhir/CodeSystem/problem-types',
            code: 'validation-error',
            display: 'Request does not match the schema',
          },
        ],
        text: 'Request does not match the schema',
      },
      diagnostics: refused,
      expression: ['QuestionnaireResponse.authored'],
    };
    for (const res of [extracted, wrapped, created]) expect([res.status, res.body.issue]).toEqual([400, [issue]]);
    expect(await assessments()).toBe(n);
  });
});
