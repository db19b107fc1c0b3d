import { describe, expect, it } from 'vitest';
import { decisionalBalanceAlcoholDefinition } from '../../packages/instruments/decisional-balance-alcohol';
import { highestOf, nearestMean, normOf } from '../../packages/instruments/definition';
import { checkDefinition, defineItemInstrument, hashedData } from '../../packages/instruments/engine';
import { definitionHash } from '../../packages/instruments/hash';
import { socrates8aDefinition } from '../../packages/instruments/socrates-8a';
import { uricaDefinition } from '../../packages/instruments/urica';

const MEANS = [
  { label: 'a', mean: 1 },
  { label: 'b', mean: 3 },
];

describe('nearestMean', () => {
  it.each([
    [0, 'a'],
    [1.99, 'a'],
    [2.01, 'b'],
    [9, 'b'],
  ])('puts %s nearest to %s', (value, label) => {
    expect(nearestMean(value, MEANS, 'earlier')).toBe(label);
  });

  it('breaks an exact tie by the rule, even through float noise', () => {
    expect(nearestMean(2, MEANS, 'earlier')).toBe('a');
    expect(nearestMean(2, MEANS, 'later')).toBe('b');
    expect(nearestMean(0.1 + 0.2 + 1.7, MEANS, 'later')).toBe('b');
  });

  it('keeps null as null', () => {
    expect(nearestMean(null, MEANS, 'earlier')).toBeNull();
  });
});

describe('highestOf', () => {
  it.each([
    [{ x: 1, y: 2, z: 0 }, 'earlier', 'y'],
    [{ x: 2, y: 2, z: 0 }, 'earlier', 'x'],
    [{ x: 2, y: 2, z: 0 }, 'later', 'y'],
    [{ x: 2, y: 2, z: 2 }, 'later', 'z'],
  ] as const)('picks the highest of %j, ties to the %s id: %s', (scores, tie, id) => {
    expect(highestOf(scores, ['x', 'y', 'z'], tie)).toBe(id);
  });

  it('is null when any score is null or absent', () => {
    expect(highestOf({ x: 1, y: null, z: 0 }, ['x', 'y', 'z'], 'later')).toBeNull();
    expect(highestOf({ x: 1 }, ['x', 'y'], 'later')).toBeNull();
  });
});

describe('normOf', () => {
  const rows = [
    { value: 20, min: 5, max: 9 },
    { value: 10, min: 0, max: 4 },
  ];

  it.each([
    [0, 10],
    [4, 10],
    [5, 20],
    [9, 20],
    [10, null],
    [null, null],
  ])('finds the row of %s: %s', (value, expected) => {
    expect(normOf(value, rows)).toBe(expected);
  });
});

describe('checkDefinition', () => {
  it('accepts every shipped definition', () => {
    expect(() => checkDefinition(uricaDefinition)).not.toThrow();
    expect(() => checkDefinition(socrates8aDefinition)).not.toThrow();
  });

  it('refuses a scale that names an unscored item', () => {
    const [pc, ...rest] = uricaDefinition.scales;
    const broken = { ...uricaDefinition, scales: [{ ...pc!, items: [...pc!.items.slice(1), '4'] }, ...rest] };

    expect(() => defineItemInstrument(broken)).toThrow('scale precontemplation names unscored item 4');
  });

  it('refuses a scale that names an unknown item', () => {
    const broken = { ...decisionalBalanceAlcoholDefinition, scales: [{ id: 'pros', items: ['21'], method: 'mean' as const }] };

    expect(() => checkDefinition(broken)).toThrow('unknown item 21');
  });

  it('refuses a norm table with a gap or an overlap', () => {
    const norms = socrates8aDefinition.norms!;
    const gap = { ...norms, scales: { ...norms.scales, recognition: norms.scales['recognition']!.filter((r) => r.value !== 60) } };
    const overlap = {
      ...norms,
      scales: { ...norms.scales, ambivalence: [...norms.scales['ambivalence']!, { value: 95, min: 20, max: 20 }] },
    };

    expect(() => checkDefinition({ ...socrates8aDefinition, norms: gap })).toThrow('norms for recognition cover 34 0 times');
    expect(() => checkDefinition({ ...socrates8aDefinition, norms: overlap })).toThrow('norms for ambivalence cover 20 2 times');
  });
});

describe('definition hash of norms and staging rules', () => {
  it('changes when a decile row changes, not when a row label is reworded', () => {
    const base = definitionHash(hashedData(socrates8aDefinition));
    const norms = socrates8aDefinition.norms!;
    const [first, second, ...rest] = norms.scales['takingSteps']!;
    const moved = { ...norms, scales: { ...norms.scales, takingSteps: [{ ...first!, min: 40 }, { ...second!, max: 39 }, ...rest] } };
    const relabelled = { ...norms, scales: { ...norms.scales, takingSteps: [{ ...first!, label: 'top' }, second!, ...rest] } };

    expect(definitionHash(hashedData({ ...socrates8aDefinition, norms: moved }))).not.toBe(base);
    expect(definitionHash(hashedData({ ...socrates8aDefinition, norms: relabelled }))).toBe(base);
  });

  it('changes when a group mean or the tie rule changes', () => {
    const base = definitionHash(hashedData(uricaDefinition));
    const stage = uricaDefinition.rules['stage'] as Record<string, unknown>;

    expect(
      definitionHash(hashedData({ ...uricaDefinition, rules: { ...uricaDefinition.rules, stage: { ...stage, tie: 'later' } as never } })),
    ).not.toBe(base);
  });

  it('adds no norms key for definitions without norms, so their hashes are unchanged', () => {
    expect(hashedData(decisionalBalanceAlcoholDefinition)).not.toHaveProperty('norms');
    expect(hashedData(socrates8aDefinition)).toHaveProperty('norms');
  });
});
