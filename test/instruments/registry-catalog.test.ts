import { describe, expect, it } from 'vitest';
import { decisionalBalanceData, decisionalBalanceGuidance } from '../../packages/instruments/decisional-balance';
import { decisionalBalanceAlcoholDefinition } from '../../packages/instruments/decisional-balance-alcohol';
import { defineItemInstrument, hashedData } from '../../packages/instruments/engine';
import { guidanceData } from '../../packages/instruments/guidance/render';
import { canonicalJson, definitionHash } from '../../packages/instruments/hash';
import { getInstrument, instruments, listCatalog } from '../../packages/instruments/index';

/**
 * The one hand-written list of the registry: its ids in catalog order, each with its licence
 * status. Every other test iterates `instruments`; this pin makes adding, removing or reordering
 * an instrument a visible decision (docs/scoring.md#adding-an-instrument).
 */
const REGISTRY = [
  ['readiness-ruler', 'generic'],
  ['decisional-balance', 'own-wording'],
  ['decisional-balance-alcohol', 'not-copyrighted'],
  ['decisional-balance-drugs', 'not-copyrighted'],
  ['decisional-balance-smoking', 'not-copyrighted'],
  ['decisional-balance-smoking-short', 'not-copyrighted'],
  ['urica', 'copyrighted'],
  ['socrates-8a', 'public-domain'],
  ['socrates-8d', 'public-domain'],
  ['rcq', 'copyrighted'],
  ['contemplation-ladder', 'copyrighted'],
];

describe('instrument registry', () => {
  it('serves the eleven instruments of this release, all at version 1.1.0 (guidance catalog 2.0.0)', () => {
    expect(instruments.map((i) => i.id)).toEqual(REGISTRY.map(([id]) => id));
    expect(new Set(instruments.map((i) => i.version))).toEqual(new Set(['1.1.0']));
  });

  it('finds an instrument by id and returns undefined for an unknown id', () => {
    expect(getInstrument('decisional-balance-drugs')?.title).toBe('Drugs Decisional Balance Scale');
    expect(getInstrument('urica-x')).toBeUndefined();
  });

  it('lists id, version, title and licence for the list endpoint', () => {
    expect(listCatalog()[0]).toEqual({
      id: 'readiness-ruler',
      version: '1.1.0',
      title: 'Readiness Ruler',
      licence: {
        status: 'generic',
        itemText: true,
        note: 'Generic questions. The importance and confidence wording is the HL7 PCO implementation guide’s (CodeSystem readiness-assessment-concepts-temporary); the readiness question and all anchors are our own generic wording.',
      },
    });
    expect(listCatalog().map((row) => [row.id, row.licence.status])).toEqual(REGISTRY);
  });
});

describe('catalog', () => {
  it.each(instruments.map((i) => i.id))('%s: is plain JSON with provenance equal to what scoring reports', (id) => {
    const instrument = getInstrument(id)!;
    const catalog = instrument.catalog;

    expect(JSON.parse(JSON.stringify(catalog))).toEqual(catalog);
    expect(Object.keys(catalog)).toEqual(
      expect.arrayContaining([
        'id',
        'version',
        'title',
        'description',
        'responseScale',
        'items',
        'scales',
        'scoring',
        'interpretation',
        'licence',
        'sources',
        'ourRules',
        'guidance',
        'provenance',
      ]),
    );
    expect(catalog['provenance']).toEqual(
      instrument.score(instrument.redact({ instrument: id, responses: id === 'readiness-ruler' ? { importance: 5 } : {} })).provenance,
    );
    expect((catalog['ourRules'] as unknown[]).length).toBeGreaterThan(0);
  });

  it.each(instruments.map((i) => i.id))('%s: states its outcome, one of its scales or derived scores, as the definition does', (id) => {
    const { catalog, outcome } = getInstrument(id)!;
    const scores = [...catalog.scales, ...catalog.derivedScores].map((s) => s.id);

    expect(catalog.outcome).toEqual(outcome);
    expect(scores).toContain(catalog.outcome.score);
  });

  it.each(instruments.map((i) => [i.id, i] as const))(
    '%s: carries item text exactly where its licence allows, a label on every item',
    (_id, i) => {
      const { licence, items } = i.catalog;

      expect(items.every((item) => typeof item.label === 'string')).toBe(true);
      expect(items.map((item) => 'text' in item)).toEqual(items.map(() => licence.itemText));
      expect(items.length).toBeGreaterThan(0);
      if (licence.status === 'copyrighted' || licence.status === 'not-copyrighted') expect(licence.itemText).toBe(false);
    },
  );

  it('publishes the alcohol key and method with score ranges', () => {
    const catalog = getInstrument('decisional-balance-alcohol')!.catalog;

    expect(catalog['scales']).toEqual([
      { id: 'pros', items: ['2', '4', '7', '9', '11', '14', '16', '17', '19', '20'], method: 'mean', range: { min: 1, max: 5 } },
      { id: 'cons', items: ['1', '3', '5', '6', '8', '10', '12', '13', '15', '18'], method: 'mean', range: { min: 1, max: 5 } },
    ]);
    expect(catalog['derivedScores']).toEqual([{ id: 'difference', plus: ['pros'], minus: ['cons'], range: { min: -4, max: 4 } }]);
  });

  it('ships the readiness ruler question text and both response-scale variants', () => {
    const catalog = getInstrument('readiness-ruler')!.catalog;

    expect((catalog['items'] as Array<{ text?: string }>)[0]?.text).toBe('How important is it right now for you to make this change?');
    expect(catalog['responseScaleVariants']).toEqual(expect.objectContaining({ field: 'scale', default: '0-10' }));
  });
});

describe('definitionHash', () => {
  it('sorts keys canonically at every depth', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(definitionHash({ b: 1, a: 2 })).toBe(definitionHash({ a: 2, b: 1 }));
  });

  it('is stable: recomputing from the definition gives the hash every result carries', () => {
    const hash = definitionHash(hashedData(decisionalBalanceAlcoholDefinition));

    expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(defineItemInstrument(decisionalBalanceAlcoholDefinition).catalog['provenance']).toEqual(
      expect.objectContaining({ definitionHash: hash }),
    );
    expect(
      getInstrument('decisional-balance-alcohol')!.score({ instrument: 'decisional-balance-alcohol', responses: {} }).provenance
        .definitionHash,
    ).toBe(hash);
  });

  it('changes when a key changes', () => {
    const [pros, cons] = decisionalBalanceAlcoholDefinition.scales;
    const swapped = {
      ...decisionalBalanceAlcoholDefinition,
      scales: [
        { ...pros!, items: [...pros!.items.slice(1), cons!.items[0]!] },
        { ...cons!, items: [...cons!.items.slice(1), pros!.items[0]!] },
      ],
    };

    expect(definitionHash(hashedData(swapped))).not.toBe(definitionHash(hashedData(decisionalBalanceAlcoholDefinition)));
  });

  it('changes when a cut point or the version changes, but not when a label is reworded', () => {
    const base = definitionHash(hashedData(decisionalBalanceAlcoholDefinition));
    const bumped = { ...decisionalBalanceAlcoholDefinition, version: '1.0.1' };
    const relabelled = {
      ...decisionalBalanceAlcoholDefinition,
      items: decisionalBalanceAlcoholDefinition.items.map((item) => ({ ...item, label: `${item.label}!` })),
    };

    expect(definitionHash(hashedData(bumped))).not.toBe(base);
    expect(definitionHash(hashedData(relabelled))).toBe(base);
  });

  it('gives every instrument its own hash and the worksheet a hash of its data and guidance', () => {
    const hashes = instruments.map((i) => (i.catalog['provenance'] as { definitionHash: string }).definitionHash);

    expect(new Set(hashes).size).toBe(instruments.length);
    expect(hashes[1]).toBe(definitionHash({ ...decisionalBalanceData, guidance: guidanceData(decisionalBalanceGuidance) }));
  });

  it('changes when the guidance an instrument can give changes, but not when a rule’s prose is reworded', () => {
    const base = definitionHash(hashedData(decisionalBalanceAlcoholDefinition));
    const { guidance } = decisionalBalanceAlcoholDefinition;
    const withRules = (rules: typeof guidance.rules) => ({ ...decisionalBalanceAlcoholDefinition, guidance: { ...guidance, rules } });
    const reordered = withRules(guidance.rules.map((r) => ({ ...r, prompts: [...r.prompts].reverse() })));
    const reworded = withRules(guidance.rules.map((r) => ({ ...r, when: `${r.when}!` })));
    const renamed = {
      ...decisionalBalanceAlcoholDefinition,
      guidance: { ...guidance, topic: { ...guidance.topic, behaviour: 'drinking' } },
    };

    expect(definitionHash(hashedData(reordered))).not.toBe(base);
    expect(definitionHash(hashedData(renamed))).not.toBe(base);
    expect(definitionHash(hashedData(reworded))).toBe(base);
  });

  it('hashes the templates of the prompts an instrument can give', () => {
    const data = guidanceData(decisionalBalanceAlcoholDefinition.guidance) as {
      catalogVersion: string;
      prompts: Record<string, { template: string }>;
    };

    expect(data.catalogVersion).toBe('2.0.0');
    expect(data.prompts['reflect-status-quo-values']?.template).toBe('Right now, {behaviour} gives you things you value.');
  });
});
