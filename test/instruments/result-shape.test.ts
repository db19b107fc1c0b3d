import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getInstrument, instruments } from '../../packages/instruments/index';
import type { InstrumentInput } from '../../packages/instruments/types';
import * as z from '../../packages/instruments/zod';
import { itemInput } from '../support/instrument-inputs';

const entry = fc.record({ label: fc.string({ maxLength: 20 }), weight: fc.integer({ min: 1, max: 5 }) }, { requiredKeys: [] });
const list = fc.array(entry, { maxLength: 50 });
const worksheetInput = fc
  .record({ benefitsOfChange: list, costsOfChange: list, benefitsOfStatusQuo: list, costsOfStatusQuo: list }, { requiredKeys: [] })
  .map((responses): InstrumentInput => ({ instrument: 'decisional-balance', responses }));

const inputs = (id: string) => {
  const definition = getInstrument(id)!.definition;
  return definition ? itemInput(definition) : worksheetInput;
};

const keysOf = (schema: z.ZodMiniObject) => Object.keys(schema._zod.def.shape).sort();

describe.each(instruments.map((i) => [i.id, i] as const))('%s result shape', (id, instrument) => {
  it('accepts every result the engine gives, incomplete ones included', () => {
    const { scores, interpretation } = instrument.resultShape();
    fc.assert(
      fc.property(inputs(id), (input) => {
        const result = instrument.score(input);
        expect(z.safeParse(scores, result.scores).error?.issues ?? []).toEqual([]);
        expect(z.safeParse(interpretation, result.interpretation).error?.issues ?? []).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('names exactly the scales and derived scores of the catalog', () => {
    const catalog = instrument.catalog as { scales: { id: string }[]; derivedScores: { id: string }[] };
    const names = [...catalog.scales, ...catalog.derivedScores].map((s) => s.id).sort();
    expect(keysOf(instrument.resultShape().scores)).toEqual(names);
  });

  it('rejects a score name it does not have', () => {
    const result = instrument.score({ instrument: id, responses: {} } as InstrumentInput);
    expect(z.safeParse(instrument.resultShape().scores, { ...result.scores, notAScore: 1 }).success).toBe(false);
  });
});

describe('per-instrument shapes', () => {
  it('types the URICA: four means and readiness bounded by the published range, stage of the group means', () => {
    const { scores, interpretation } = getInstrument('urica')!.resultShape();
    expect(keysOf(scores)).toEqual(['action', 'contemplation', 'maintenance', 'precontemplation', 'readiness']);
    expect(z.toJSONSchema(scores).properties?.['readiness']).toEqual({
      anyOf: [{ type: 'number', minimum: -2, maximum: 14 }, { type: 'null' }],
    });
    expect(z.toJSONSchema(interpretation).properties?.['stage']).toEqual({
      anyOf: [{ type: 'string', enum: ['precontemplation', 'contemplation', 'action'] }, { type: 'null' }],
    });
  });

  it('types RCQ sums as integers from −8 to 8 and rejects a URICA-only score', () => {
    const { scores } = getInstrument('rcq')!.resultShape();
    expect(z.toJSONSchema(scores).properties?.['action']).toEqual({
      anyOf: [{ type: 'integer', minimum: -8, maximum: 8 }, { type: 'null' }],
    });
    expect(z.safeParse(scores, { precontemplation: 1, contemplation: 2, action: 3 }).success).toBe(true);
    expect(z.safeParse(scores, { precontemplation: 1, contemplation: 2, action: 3, readiness: 4 }).success).toBe(false);
    expect(z.safeParse(scores, { precontemplation: 1.5, contemplation: 2, action: 3 }).success).toBe(false);
  });

  it('leaves an unanswered ruler out (never null) and bounds it over both variants (0–10)', () => {
    const { scores, interpretation } = getInstrument('readiness-ruler')!.resultShape();
    expect(z.safeParse(scores, { importance: 7 }).success).toBe(true);
    expect(z.safeParse(scores, { importance: null }).success).toBe(false);
    expect(z.toJSONSchema(scores).properties?.['importance']).toEqual({ type: 'integer', minimum: 0, maximum: 10 });
    expect(z.safeParse(interpretation, { bands: { importance: 'high' } }).success).toBe(true);
    expect(z.safeParse(interpretation, { bands: { importance: 'very high' } }).success).toBe(false);
  });

  it('types SOCRATES deciles as the values of the norm table', () => {
    const { interpretation } = getInstrument('socrates-8a')!.resultShape();
    const deciles = z.toJSONSchema(interpretation).properties?.['deciles'] as { properties: Record<string, unknown> };
    expect(deciles.properties['recognition']).toEqual({
      anyOf: [{ type: 'number', enum: [70, 60, 50, 40, 30, 20, 10] }, { type: 'null' }],
    });
  });
});
