import { describe, expect, it } from 'vitest';
import { Conflict, NotFound } from '../../packages/domain/errors';
import { FORM_MAP_LIMITS } from '../../packages/domain/form-map';
import { useTestTable } from '../support/dynamo';
import { ORACLE_QUESTIONNAIRE, oracleRulerMap } from '../support/form-maps';

const AT = '2026-12-01T09:00:00.000Z';

describe('createDynamoStore › clinic settings', () => {
  const t = useTestTable();

  it('treats a clinic nobody has set anything for as a Part 2 program, storing nothing', async () => {
    expect(await t.store.getClinicSettings('clinic-new')).toEqual({ part2: true });
    expect(await t.scanAll()).toEqual([]);
  });

  it('stores the flag on its own item, per clinic, and reads it back', async () => {
    expect(await t.store.setClinicPart2('clinic-a', false, AT)).toEqual({ part2: false });

    expect(await t.store.getClinicSettings('clinic-a')).toEqual({ part2: false });
    expect(await t.store.getClinicSettings('clinic-b')).toEqual({ part2: true });
    expect((await t.scanAll()).filter((i) => i.type === 'clinicSettings')).toEqual([
      { PK: 'C#clinic-a#SETTINGS', SK: 'SETTINGS', type: 'clinicSettings', clinicId: 'clinic-a', part2: false, updatedAt: AT },
    ]);
    await t.store.setClinicPart2('clinic-a', true, AT);
    expect(await t.store.getClinicSettings('clinic-a')).toEqual({ part2: true });
  });

  it('keeps the flag when the clinic is given another API key', async () => {
    await t.store.setClinicPart2('clinic-k', false, AT);
    await t.store.putApiKey({
      keyId: 'key_k1',
      clinicId: 'clinic-k',
      scopes: ['assessments:read'],
      secretHash: `sha256:${'0'.repeat(64)}`,
      createdAt: AT,
    });

    expect(await t.store.getClinicSettings('clinic-k')).toEqual({ part2: false });
  });
});

describe('createDynamoStore › form maps', () => {
  const t = useTestTable();

  it('stores a map under the clinic and its questionnaire URL, and reads it back exactly', async () => {
    expect(await t.store.putFormMap('clinic-a', oracleRulerMap(), AT)).toBe('created');

    expect(await t.store.getFormMap('clinic-a', ORACLE_QUESTIONNAIRE)).toEqual(oracleRulerMap());
    expect(await t.scanAll()).toEqual([
      {
        PK: 'C#clinic-a#FORMS',
        SK: ORACLE_QUESTIONNAIRE,
        type: 'formMap',
        clinicId: 'clinic-a',
        questionnaire: ORACLE_QUESTIONNAIRE,
        instrument: 'readiness-ruler',
        importedAt: AT,
        map: JSON.stringify(oracleRulerMap()),
      },
    ]);
  });

  it("does not show one clinic's map to another", async () => {
    expect(await t.store.getFormMap('clinic-b', ORACLE_QUESTIONNAIRE)).toBeUndefined();
    expect(await t.store.listFormMaps('clinic-b')).toEqual([]);
    await expect(t.store.deleteFormMap('clinic-b', ORACLE_QUESTIONNAIRE)).rejects.toBeInstanceOf(NotFound);
    expect(await t.store.getFormMap('clinic-a', ORACLE_QUESTIONNAIRE)).toEqual(oracleRulerMap());
  });

  it('answers an unknown, empty or over-long URL as absent', async () => {
    expect(await t.store.getFormMap('clinic-a', `${ORACLE_QUESTIONNAIRE}/other`)).toBeUndefined();
    expect(await t.store.getFormMap('clinic-a', '')).toBeUndefined();
    expect(await t.store.getFormMap('clinic-a', `https://x/${'q'.repeat(2000)}`)).toBeUndefined();
  });

  it('replaces the map of the same URL on a second import', async () => {
    const changed = { ...oracleRulerMap(), items: oracleRulerMap().items.slice(0, 1) };

    expect(await t.store.putFormMap('clinic-a', changed, '2026-12-01T10:00:00.000Z')).toBe('replaced');
    expect(await t.store.listFormMaps('clinic-a')).toEqual([
      { clinicId: 'clinic-a', importedAt: '2026-12-01T10:00:00.000Z', map: changed },
    ]);
  });

  it('lists maps sorted by URL and deletes one', async () => {
    const other = { ...oracleRulerMap(), questionnaire: 'https://a.example/Questionnaire/1' };
    await t.store.putFormMap('clinic-a', other, AT);

    expect((await t.store.listFormMaps('clinic-a')).map((r) => r.map.questionnaire)).toEqual([other.questionnaire, ORACLE_QUESTIONNAIRE]);
    await t.store.deleteFormMap('clinic-a', other.questionnaire);
    expect((await t.store.listFormMaps('clinic-a')).map((r) => r.map.questionnaire)).toEqual([ORACLE_QUESTIONNAIRE]);
    await expect(t.store.deleteFormMap('clinic-a', other.questionnaire)).rejects.toBeInstanceOf(NotFound);
  });

  it(`holds a clinic to ${FORM_MAP_LIMITS.perClinic} maps, still replacing existing ones`, async () => {
    const url = (i: number) => `https://many.example/Questionnaire/${String(i).padStart(3, '0')}`;
    for (let i = 0; i < FORM_MAP_LIMITS.perClinic; i += 1)
      await t.store.putFormMap('clinic-full', { ...oracleRulerMap(), questionnaire: url(i) }, AT);

    await expect(t.store.putFormMap('clinic-full', { ...oracleRulerMap(), questionnaire: url(999) }, AT)).rejects.toBeInstanceOf(Conflict);
    expect(await t.store.putFormMap('clinic-full', { ...oracleRulerMap(), questionnaire: url(0) }, AT)).toBe('replaced');
    expect(await t.store.listFormMaps('clinic-full')).toHaveLength(FORM_MAP_LIMITS.perClinic);
  });
});
