import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentDeps } from '../../packages/api/assessments';
import { newAssessmentId } from '../../packages/api/ids';
import { ValidationError } from '../../packages/domain/errors';
import { applyFormMap, type QrItem } from '../../packages/fhir/form-map';
import { qrIdempotencyKey, storeQuestionnaireResponse } from '../../packages/fhir/store-response';
import { NOW, pseudonymizer } from '../support/api';
import { type TestTable, testTable } from '../support/dynamo';
import { ORACLE_CODES, ORACLE_LINK_IDS, oracleCode, oracleRulerMap } from '../support/form-maps';

const REF = 'urn:oid:2.16.840.1.113883.3.999|MRN-0042';
const IDENTIFIER = { system: 'urn:oid:2.16.840.1.113883.3.999.7', value: 'QR-20261120-0042' };
const items: QrItem[] = [
  {
    linkId: ORACLE_LINK_IDS.importance,
    answer: [{ valueCoding: { system: ORACLE_CODES, code: oracleCode(ORACLE_LINK_IDS.importance, 7) } }],
  },
  { linkId: ORACLE_LINK_IDS.readiness, answer: [{ valueInteger: 5 }] },
  { linkId: '7012900', answer: [{ valueString: 'Lives with partner, drinks most evenings' }] },
];

describe('qrIdempotencyKey', () => {
  it('takes the header when sent, else the identifier, else refuses', () => {
    expect(qrIdempotencyKey('k-1', IDENTIFIER)).toBe('k-1');
    expect(qrIdempotencyKey(undefined, IDENTIFIER)).toBe(`qr-identifier\u001f${IDENTIFIER.system}|${IDENTIFIER.value}`);
    expect(() => qrIdempotencyKey(undefined, { value: 'QR-1' })).toThrow(ValidationError);
    expect(() => qrIdempotencyKey('', IDENTIFIER)).toThrow(ValidationError);
  });
});

describe('storeQuestionnaireResponse', () => {
  let t: TestTable;
  let deps: AssessmentDeps;
  beforeAll(async () => {
    t = await testTable();
    deps = { store: t.store, pseudonymizer, now: () => NOW, newId: newAssessmentId };
  });
  afterAll(() => t.drop());

  it('stores an Oracle-style response once when it is posted twice by identifier, keeping no identifier or free text', async () => {
    const mapped = applyFormMap(oracleRulerMap(), items);
    if (!mapped.success) throw new Error('fixture does not map');
    const key = qrIdempotencyKey(undefined, IDENTIFIER);

    const first = await storeQuestionnaireResponse(deps, 'clinic-a', key, { input: mapped.input, ref: REF, administeredOn: '2026-11-20' });
    const again = await storeQuestionnaireResponse(deps, 'clinic-a', key, { input: mapped.input, ref: REF, administeredOn: '2026-11-20' });

    expect(first.replayed).toBe(false);
    expect(again).toEqual({ view: first.view, replayed: true });
    expect(first.view.scores).toEqual({ importance: 7, readiness: 5 });
    expect(first.view.subjectId).toBe(pseudonymizer.subjectId('clinic-a', REF));
    const stored = await t.scanAll();
    expect(stored.filter((i) => i.type === 'assessment').map((i) => i.id)).toEqual([first.view.id]);
    expect(stored.filter((i) => i.type === 'idempotency')).toHaveLength(1);
    const text = JSON.stringify(stored);
    for (const secret of ['MRN-0042', REF, IDENTIFIER.value, IDENTIFIER.system, 'Lives with partner']) expect(text).not.toContain(secret);
  });

  it('answers another body under the same identifier as an idempotency conflict, storing nothing more', async () => {
    const mapped = applyFormMap(oracleRulerMap(), items.slice(1));
    if (!mapped.success) throw new Error('fixture does not map');
    const before = await t.scanAll();

    await expect(
      storeQuestionnaireResponse(deps, 'clinic-a', qrIdempotencyKey(undefined, IDENTIFIER), {
        input: mapped.input,
        ref: REF,
        administeredOn: '2026-11-20',
      }),
    ).rejects.toMatchObject({ name: 'IdempotencyMismatch' });
    expect(await t.scanAll()).toEqual(before);
  });
});
