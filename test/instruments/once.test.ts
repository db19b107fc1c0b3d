import { describe, expect, it } from 'vitest';
import { decisionalBalanceAlcoholDefinition } from '../../packages/instruments/decisional-balance-alcohol';
import { defineItemInstrument } from '../../packages/instruments/engine';
import { instruments } from '../../packages/instruments/index';
import { once } from '../../packages/instruments/once';

describe('once', () => {
  it('builds on the first call only and returns that value ever after, undefined included', () => {
    let builds = 0;
    const value = once(() => {
      builds += 1;
      return { n: builds };
    });
    expect(builds).toBe(0);
    const first = value();
    expect(value()).toBe(first);
    expect(first).toEqual({ n: 1 });
    expect(builds).toBe(1);

    let undefinedBuilds = 0;
    const nothing = once(() => {
      undefinedBuilds += 1;
      return undefined;
    });
    expect([nothing(), nothing()]).toEqual([undefined, undefined]);
    expect(undefinedBuilds).toBe(1);
  });
});

describe('instruments built on first use', () => {
  it('keep one input schema, catalog and provenance per instrument, the same object on every access', () => {
    for (const instrument of instruments) {
      expect(instrument.inputSchema).toBe(instrument.inputSchema);
      expect(instrument.catalog).toBe(instrument.catalog);
      expect(instrument.provenance).toBe(instrument.provenance);
      expect(Object.isFrozen(instrument.provenance)).toBe(true);
    }
  });

  it('score with the same provenance their catalog shows', () => {
    const instrument = defineItemInstrument(decisionalBalanceAlcoholDefinition);
    const scored = instrument.score({ instrument: instrument.id, responses: {} });
    expect(scored.provenance).toEqual(instrument.provenance);
    expect((instrument.catalog as { provenance: unknown }).provenance).toEqual(instrument.provenance);
    expect(instrument.provenance.definitionHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('still reject a contradictory definition when it is defined, not when first used', () => {
    const broken = { ...decisionalBalanceAlcoholDefinition, scales: [{ id: 'pros', items: ['99'], method: 'mean' as const }] };
    expect(() => defineItemInstrument(broken)).toThrow('Instrument decisional-balance-alcohol: scale pros names unknown item 99');
  });
});
