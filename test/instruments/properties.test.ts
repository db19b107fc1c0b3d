import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decisionalBalance } from '../../packages/instruments/decisional-balance';
import type { ItemInstrumentDefinition } from '../../packages/instruments/definition';
import { scoreRanges } from '../../packages/instruments/engine';
import { getInstrument, instruments } from '../../packages/instruments/index';
import { rcqDefinition } from '../../packages/instruments/rcq';
import { socrates8aDefinition } from '../../packages/instruments/socrates-8a';
import { socrates8dDefinition } from '../../packages/instruments/socrates-8d';
import { uricaDefinition } from '../../packages/instruments/urica';
import { itemInput, worksheetInput } from '../support/instrument-inputs';

/** Every item instrument of the registry: a new one is covered without an edit here. */
const DEFINITIONS: readonly ItemInstrumentDefinition[] = instruments.flatMap((i) => (i.definition ? [i.definition] : []));

it('covers every instrument of the registry: the item instruments here, the worksheet below', () => {
  expect([...DEFINITIONS.map((d) => d.id), decisionalBalance.id].sort()).toEqual(instruments.map((i) => i.id).sort());
});

describe.each(DEFINITIONS.map((d) => [d.id, d] as const))('%s properties', (id, definition) => {
  const instrument = getInstrument(id)!;

  it('accepts and scores any in-range answer set, every score within its theoretical range', () => {
    fc.assert(
      fc.property(itemInput(definition), (input) => {
        expect(instrument.inputSchema.safeParse(input).success).toBe(true);
        const result = instrument.score(input);
        const ranges = scoreRanges(definition, input.scale);
        for (const [key, value] of Object.entries(result.scores)) {
          if (value === null) continue;
          expect(value).toBeGreaterThanOrEqual(ranges[key]!.min - 1e-12);
          expect(value).toBeLessThanOrEqual(ranges[key]!.max + 1e-12);
        }
        expect(result.complete).toBe(result.missing.length === 0);
      }),
    );
  });

  // Guidance wording is scanned for every instrument, style and target behaviour in guidance-scan.test.ts.

  it('nulls every score that depends on a missing item, and only those', () => {
    fc.assert(
      fc.property(itemInput(definition), (input) => {
        const result = instrument.score(input);
        for (const scale of definition.scales) {
          const incomplete = scale.items.some((item) => result.missing.includes(item));
          if (definition.missingScores === 'omit') expect(scale.id in result.scores).toBe(!incomplete);
          else expect(result.scores[scale.id] === null).toBe(incomplete);
        }
      }),
    );
  });

  it('scores the redacted input exactly as the original', () => {
    fc.assert(
      fc.property(itemInput(definition), (input) => {
        expect(instrument.score(instrument.redact(input))).toEqual(instrument.score(input));
      }),
    );
  });

  it('without guidance (context null) gives the same result with no guidance items', () => {
    fc.assert(
      fc.property(itemInput(definition), (input) => {
        expect(instrument.score(input, null)).toEqual({ ...instrument.score(input), guidance: [] });
      }),
    );
  });

  it.each(definition.scales.map((s) => [s.id, s] as const))('never changes %s when its answers are permuted', (scaleId, scale) => {
    const { min, max } = definition.responseScale;
    const complete = fc.tuple(...definition.items.map(() => fc.integer({ min, max })));
    fc.assert(
      fc.property(
        complete.chain((values) => {
          const inScale = scale.items.map((item) => values[definition.items.findIndex((i) => i.id === item)]!);
          return fc.tuple(fc.constant(values), fc.shuffledSubarray(inScale, { minLength: inScale.length, maxLength: inScale.length }));
        }),
        ([values, permuted]) => {
          const responses = Object.fromEntries(definition.items.map((item, i) => [item.id, values[i]!]));
          const shuffled = { ...responses, ...Object.fromEntries(scale.items.map((item, i) => [item, permuted[i]!])) };
          const score = (r: Record<string, number>) => instrument.score({ instrument: id, responses: r }).scores[scaleId];
          expect(score(shuffled)).toBe(score(responses));
        },
      ),
    );
  });
});

describe('urica unscored items', () => {
  const urica = getInstrument('urica')!;
  const unscored = uricaDefinition.items.filter((item) => item.scored === false).map((item) => item.id);
  const unscoredAnswers = fc.record(Object.fromEntries(unscored.map((id) => [id, fc.integer({ min: 1, max: 5 })])), { requiredKeys: [] });

  it('are exactly items 4, 9, 20 and 31', () => {
    expect(unscored).toEqual(['4', '9', '20', '31']);
  });

  it('never change anything, whatever their values and whether present or absent', () => {
    fc.assert(
      fc.property(itemInput(uricaDefinition), unscoredAnswers, (input, replacement) => {
        const scoredOnly = Object.fromEntries(Object.entries(input.responses).filter(([id]) => !unscored.includes(id)));
        const result = urica.score(input);

        expect(urica.score({ instrument: 'urica', responses: { ...scoredOnly, ...replacement } })).toEqual(result);
        expect(urica.score({ instrument: 'urica', responses: scoredOnly })).toEqual(result);
        expect(result.missing.some((id) => unscored.includes(id))).toBe(false);
      }),
    );
  });
});

describe('staged and normed questionnaires', () => {
  const complete = (definition: ItemInstrumentDefinition) => {
    const { min, max } = definition.responseScale;
    return fc
      .tuple(...definition.items.map(() => fc.integer({ min, max })))
      .map((values) => Object.fromEntries(definition.items.map((item, i) => [item.id, values[i]!])));
  };

  it.each([socrates8aDefinition, socrates8dDefinition].map((d) => [d.id, d] as const))(
    '%s: every complete answer set has a decile for every scale',
    (id, definition) => {
      fc.assert(
        fc.property(complete(definition), (responses) => {
          const deciles = getInstrument(id)!.score({ instrument: id, responses }).interpretation['deciles'] as Record<
            string,
            number | null
          >;
          for (const scale of definition.scales) expect([10, 20, 30, 40, 50, 60, 70, 80, 90]).toContain(deciles[scale.id]);
        }),
      );
    },
  );

  it('rcq: every complete answer set is staged at a highest scale, and never behind another highest one', () => {
    const order = ['precontemplation', 'contemplation', 'action'];
    fc.assert(
      fc.property(complete(rcqDefinition), (responses) => {
        const { scores, interpretation } = getInstrument('rcq')!.score({ instrument: 'rcq', responses });
        const top = Math.max(...order.map((s) => scores[s] as number));
        const stage = interpretation['stage'] as string;
        expect(scores[stage]).toBe(top);
        for (const later of order.slice(order.indexOf(stage) + 1)) expect(scores[later]).toBeLessThan(top);
      }),
    );
  });

  it('urica: every complete answer set is staged at the nearest group mean (never maintenance)', () => {
    const means = { precontemplation: 9.3, contemplation: 11, action: 12.6 } as Record<string, number>;
    fc.assert(
      fc.property(complete(uricaDefinition), (responses) => {
        const { scores, interpretation } = getInstrument('urica')!.score({ instrument: 'urica', responses });
        const readiness = scores['readiness'] as number;
        const stage = interpretation['stage'] as string;
        for (const mean of Object.values(means)) {
          expect(Math.abs(readiness - means[stage]!)).toBeLessThanOrEqual(Math.abs(readiness - mean) + 1e-12);
        }
      }),
    );
  });
});

describe('decisional-balance worksheet properties', () => {
  it('keeps proportion and weightedProportion within [0, 1]', () => {
    fc.assert(
      fc.property(worksheetInput, (input) => {
        expect(decisionalBalance.inputSchema.safeParse(input).success).toBe(true);
        const { scores } = decisionalBalance.score(input);
        for (const key of ['proportion', 'weightedProportion']) {
          const value = scores[key];
          if (value === null || value === undefined) continue;
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('scores the redacted worksheet exactly as the original and keeps no label', () => {
    fc.assert(
      fc.property(worksheetInput, (input) => {
        const redacted = decisionalBalance.redact(input);
        expect(decisionalBalance.score(redacted)).toEqual(decisionalBalance.score(input));
        expect(JSON.stringify(redacted)).not.toContain('"label"');
      }),
    );
  });

  it('without guidance (context null) gives the same result with no guidance items', () => {
    fc.assert(
      fc.property(worksheetInput, (input) => {
        expect(decisionalBalance.score(input, null)).toEqual({ ...decisionalBalance.score(input), guidance: [] });
      }),
    );
  });
});
