import { beforeAll, describe, expect, it } from 'vitest';
import { rescore } from '../../packages/api/rescore';
import { getInstrument } from '../../packages/instruments';
import { decisionalBalanceSmokingShortDefinition } from '../../packages/instruments/decisional-balance-smoking-short';
import { defineItemInstrument } from '../../packages/instruments/engine';
import { NOW, smokingShort, useTestApi } from '../support/api';

/**
 * A "corrected key" for the short smoking scale: items 5 and 6 swap sides. The worked example
 * (1:4 2:2 3:3 4:1 5:5 6:2) then gives pros (4+3+2)/3 = 3, cons (2+1+5)/3 = 8/3.
 */
const corrected = defineItemInstrument({
  ...decisionalBalanceSmokingShortDefinition,
  version: '1.1.0',
  scales: decisionalBalanceSmokingShortDefinition.scales.map((s) =>
    s.id === 'pros' ? { ...s, items: ['1', '3', '6'] } : s.id === 'cons' ? { ...s, items: ['2', '4', '5'] } : s,
  ),
});

describe('rescore', () => {
  const api = useTestApi();
  let key: string;
  let ids: string[];

  beforeAll(async () => {
    key = await api.keyFor('clinic-a');
    const otherKey = await api.keyFor('clinic-b');
    const post = async (k: string, body: unknown, idem: string) =>
      (await api.call('POST', '/v1/assessments', { key: k, body, headers: { 'idempotency-key': idem } })).body.id as string;
    ids = [
      await post(key, smokingShort('r1'), 'r1'),
      await post(otherKey, smokingShort('r2'), 'r2'),
      // Same answers on both sides of the swap (5 and 6 equal): scores cannot change.
      await post(key, { ...smokingShort('r3'), responses: { '1': 3, '2': 3, '3': 3, '4': 3, '5': 3, '6': 3 } }, 'r3'),
    ];
    await post(key, { ...smokingShort('r4'), instrument: 'decisional-balance-smoking', responses: {} }, 'r4-other-instrument');
  });

  it('finds nothing to do under the definition that scored everything', async () => {
    const report = await rescore(api.table.store, getInstrument('decisional-balance-smoking-short')!, { apply: false, now: () => NOW });
    expect(report).toMatchObject({ scanned: 3, current: 3, changedScores: 0, applied: 0, examples: [] });
  });

  it('previews the changes of a new definition without writing anything', async () => {
    const before = await api.table.scanAll();

    const report = await rescore(api.table.store, corrected, { apply: false, now: () => NOW });

    expect(report).toMatchObject({
      instrument: 'decisional-balance-smoking-short',
      version: '1.1.0',
      scanned: 3,
      current: 0,
      unscorable: 0,
      unchangedOutput: 1,
      changedScores: 2,
      changedInterpretation: 0,
      changedStage: 0,
      applied: 0,
    });
    expect(report.examples).toHaveLength(2);
    const example = report.examples.find((e) => e.id === ids[0])!;
    expect(example.from.scores).toMatchObject({ pros: 4 });
    expect(example.to.scores.pros).toBe(3);
    expect(example.to.scores.cons).toBeCloseTo(8 / 3, 12);
    expect(example.to.provenance.algorithmVersion).toBe('1.1.0');
    expect(await api.table.scanAll()).toEqual(before);
  });

  it('applies once: new scores beside the old, original result untouched, second run adds nothing', async () => {
    const original = (await api.call('GET', `/v1/assessments/${ids[0]}`, { key })).body;

    const first = await rescore(api.table.store, corrected, { apply: true, now: () => NOW });
    const second = await rescore(api.table.store, corrected, { apply: true, now: () => NOW });
    const read = (await api.call('GET', `/v1/assessments/${ids[0]}`, { key })).body;

    expect(first.applied).toBe(3);
    expect(second).toMatchObject({ current: 3, applied: 0 });
    const { rescores, ...asScored } = read;
    expect(asScored).toEqual(original);
    expect(rescores).toHaveLength(1);
    expect(rescores[0]).toMatchObject({
      scores: { pros: 3 },
      interpretation: { balance: 'pros' },
      provenance: { algorithmVersion: '1.1.0', definitionHash: corrected.provenance.definitionHash },
      rescoredAt: NOW.toISOString(),
    });
  });
});
