import { describe, expect, it } from 'vitest';
import { getInstrument } from '../../packages/instruments/index';
import { urica, uricaDefinition } from '../../packages/instruments/urica';

const answers = (values: readonly number[]) => Object.fromEntries(values.map((v, i) => [String(i + 1), v]));
const score = (responses: Record<string, number>) => urica.score({ instrument: 'urica', responses });
const stageAt = (readiness: number | null) =>
  uricaDefinition.interpret({ readiness }, { responseScale: uricaDefinition.responseScale })['stage'];

const EXAMPLE = [2, 4, 3, 4, 2, 3, 3, 4, 3, 4, 1, 4, 2, 3, 5, 2, 3, 3, 4, 3, 3, 3, 3, 4, 2, 2, 3, 2, 2, 3, 2, 4];
const KEY = {
  precontemplation: [1, 5, 11, 13, 23, 26, 29],
  contemplation: [2, 8, 12, 15, 19, 21, 24],
  action: [3, 7, 10, 14, 17, 25, 30],
  maintenance: [6, 16, 18, 22, 27, 28, 32],
};
const UNSCORED = ['4', '9', '20', '31'];

/** Answers whose scale sums are exactly `sums` (each item 1–5), unscored items answered 3. */
function withSums(sums: Record<keyof typeof KEY, number>): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(UNSCORED.map((id) => [id, 3]));
  for (const [scale, items] of Object.entries(KEY)) {
    let rest = sums[scale as keyof typeof KEY] - items.length;
    for (const item of items) {
      const extra = Math.min(4, rest);
      out[String(item)] = 1 + extra;
      rest -= extra;
    }
  }
  return out;
}

describe('scoreUrica worked example (docs/scoring.md)', () => {
  it('scores PC 2, C 4, A 3, M 2.8571, readiness 7.8571 and stages precontemplation', () => {
    const result = score(answers(EXAMPLE));

    expect(result.scores['precontemplation']).toBe(2);
    expect(result.scores['contemplation']).toBe(4);
    expect(result.scores['action']).toBe(3);
    expect(result.scores['maintenance']).toBeCloseTo(20 / 7, 12);
    expect(result.scores['readiness']).toBeCloseTo(55 / 7, 12);
    expect(Object.keys(result.scores)).toEqual(['precontemplation', 'contemplation', 'action', 'maintenance', 'readiness']);
    expect(result.interpretation).toEqual({ stage: 'precontemplation' });
    expect(result.complete).toBe(true);
    expect(result.missing).toEqual([]);
    expect(result.provenance).toEqual({
      algorithm: 'urica-28',
      algorithmVersion: '1.1.0',
      definitionHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
  });

  it.each([
    ['all 1', { '4': 1, '9': 1, '20': 1, '31': 1 }],
    ['all 5', { '4': 5, '9': 5, '20': 5, '31': 5 }],
    ['mixed', { '4': 5, '9': 1, '20': 2, '31': 4 }],
  ])('ignores the four unscored items (%s)', (_case, unscored) => {
    const base = score(answers(EXAMPLE));

    expect(score({ ...answers(EXAMPLE), ...unscored })).toEqual(base);
  });

  it('ignores the four unscored items when they are unanswered: still complete, nothing missing', () => {
    const responses = answers(EXAMPLE);
    for (const id of UNSCORED) delete responses[id];

    const result = score(responses);

    expect(result).toEqual(score(answers(EXAMPLE)));
    expect(result.complete).toBe(true);
    expect(result.missing).toEqual([]);
  });
});

describe('URICA stage by nearest published group mean', () => {
  it.each([
    [-2, 'precontemplation'],
    [9.3, 'precontemplation'],
    [10.14, 'precontemplation'],
    [10.16, 'contemplation'],
    [11, 'contemplation'],
    [11.79, 'contemplation'],
    [11.81, 'action'],
    [12.6, 'action'],
    [14, 'action'],
  ])('stages readiness %s as %s', (readiness, stage) => {
    expect(stageAt(readiness)).toBe(stage);
  });

  it.each([
    [10.15, 'precontemplation'],
    [11.8, 'contemplation'],
  ])('sends an exact tie at %s to the earlier stage, %s (OUR RULE)', (readiness, stage) => {
    expect(stageAt(readiness)).toBe(stage);
  });

  it.each([
    [10.2, 'contemplation'],
    [11.9, 'action'],
  ])('does not use the untraced 8/11/14 cut-offs: readiness %s is %s', (readiness, stage) => {
    expect(stageAt(readiness)).toBe(stage);
  });

  it.each([
    [{ precontemplation: 21, contemplation: 35, action: 35, maintenance: 22 }, 71 / 7, 'precontemplation'],
    [{ precontemplation: 21, contemplation: 35, action: 35, maintenance: 23 }, 72 / 7, 'contemplation'],
    [{ precontemplation: 21, contemplation: 35, action: 35, maintenance: 33 }, 82 / 7, 'contemplation'],
    [{ precontemplation: 21, contemplation: 35, action: 35, maintenance: 34 }, 83 / 7, 'action'],
  ])('stages the whole-answer readiness either side of each midpoint: %j → %s → %s', (sums, readiness, stage) => {
    const result = score(withSums(sums));

    expect(result.scores['readiness']).toBeCloseTo(readiness, 12);
    expect(result.interpretation['stage']).toBe(stage);
  });

  it('never assigns maintenance, for which no group mean is published', () => {
    const result = score(withSums({ precontemplation: 7, contemplation: 35, action: 35, maintenance: 35 }));

    expect(result.scores['readiness']).toBe(14);
    expect(result.interpretation['stage']).toBe('action');
  });
});

describe('URICA missing items', () => {
  it('nulls the scale with a missing item, readiness and stage, and lists the item', () => {
    const responses = answers(EXAMPLE);
    delete responses['13'];

    const result = score(responses);

    expect(result.scores).toEqual({ precontemplation: null, contemplation: 4, action: 3, maintenance: 20 / 7, readiness: null });
    expect(result.interpretation).toEqual({ stage: null });
    expect(result.missing).toEqual(['13']);
    expect(result.complete).toBe(false);
    expect(result.guidance).toEqual([]);
  });

  it('lists only the 28 scored items, in item order, when nothing is answered', () => {
    const result = score({});

    expect(result.missing).toEqual(Array.from({ length: 32 }, (_, i) => String(i + 1)).filter((id) => !UNSCORED.includes(id)));
    expect(Object.values(result.scores)).toEqual([null, null, null, null, null]);
  });
});

describe('URICA guidance', () => {
  it.each([
    [
      { precontemplation: 35, contemplation: 7, action: 7, maintenance: 7 },
      'precontemplation',
      ['engage-how-see', 'engage-autonomy', 'evoke-concerns'],
    ],
    [
      { precontemplation: 21, contemplation: 35, action: 35, maintenance: 25 },
      'contemplation',
      ['evoke-desire', 'evoke-best-results', 'evoke-looking-forward'],
    ],
    [
      { precontemplation: 7, contemplation: 35, action: 35, maintenance: 35 },
      'action',
      ['affirm-steps-taken', 'plan-steps-so-far', 'plan-obstacles', 'plan-who-helps'],
    ],
  ])('for sums %j (stage %s) gives %j', (sums, stage, ids) => {
    const result = score(withSums(sums));

    expect(result.interpretation['stage']).toBe(stage);
    expect(result.guidance.map((g) => g.id)).toEqual(ids);
    expect(result.guidance.every((g) => g.rule === `urica/stage-${stage}`)).toBe(true);
  });

  it('names the request’s target behaviour, else the situation that brought the client here', () => {
    const input = { instrument: 'urica', responses: withSums({ precontemplation: 35, contemplation: 7, action: 7, maintenance: 7 }) };

    expect(urica.score(input).guidance[0]?.prompt).toBe('How do you see the situation that brought you here at the moment?');
    expect(urica.score(input, { targetBehavior: 'gambling' }).guidance[0]?.prompt).toBe('How do you see your gambling at the moment?');
    expect(urica.score(input, { targetBehavior: 'other' }).guidance[0]?.prompt).toBe(
      'How do you see the situation that brought you here at the moment?',
    );
  });
});

describe('URICA catalog', () => {
  const catalog = getInstrument('urica')!.catalog;
  const items = catalog['items'] as unknown as Array<Record<string, unknown>>;

  it('lists 32 items, marks 4, 9, 20, 31 unscored, and carries labels but no item text', () => {
    expect(items).toHaveLength(32);
    expect(items.filter((i) => i['scored'] === false).map((i) => i['id'])).toEqual(UNSCORED);
    expect(items.every((i) => typeof i['label'] === 'string' && !('text' in i))).toBe(true);
    expect(catalog['licence']).toEqual(expect.objectContaining({ status: 'copyrighted', itemText: false }));
  });

  it('publishes the key as means over 7 items and readiness with its range −2 to 14', () => {
    expect(catalog['scales']).toEqual(
      Object.entries(KEY).map(([id, its]) => ({ id, items: its.map(String), method: 'mean', range: { min: 1, max: 5 } })),
    );
    expect(catalog['derivedScores']).toEqual([
      { id: 'readiness', plus: ['contemplation', 'action', 'maintenance'], minus: ['precontemplation'], range: { min: -2, max: 14 } },
    ]);
  });

  it('tells clinicians to trend the action and maintenance means during treatment and labels the tie rule', () => {
    expect(catalog['notes']).toEqual(
      expect.arrayContaining([expect.stringMatching(/during treatment, trend the action and maintenance means/)]),
    );
    expect((catalog['ourRules'] as Array<{ id: string }>).map((r) => r.id)).toEqual([
      'missing-items',
      'unscored-items',
      'stage-tie',
      'guidance',
    ]);
  });

  it('says which form the item numbers are, cites the source of the key and names the forms not supported', () => {
    expect(catalog['notes']).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Item numbers are those of the 32-item URICA alcohol and drug versions of the HABITS Lab/),
        expect.stringMatching(/^Not supported: the 32-item psychotherapy form \(McConnaughy, Prochaska & Velicer 1983/),
      ]),
    );
    expect(catalog.sources[0]).toEqual({
      citation: 'HABITS Lab, UMBC: URICA alcohol and drug versions, 32 items of which 28 are scored (the numbering and key used here)',
      url: 'https://habitslab.umbc.edu/urica',
    });
  });

  it('ships no 8/11/14 cut-offs', () => {
    expect(JSON.stringify(catalog)).not.toMatch(/\b8\b[^"]*\b11\b[^"]*\b14\b/);
    expect(uricaDefinition.rules['stage']).toEqual({
      method: 'nearest-group-mean',
      of: 'readiness',
      groupMeans: [
        { label: 'precontemplation', mean: 9.3 },
        { label: 'contemplation', mean: 11 },
        { label: 'action', mean: 12.6 },
      ],
      tie: 'earlier',
    });
  });
});
