import { describe, expect, it } from 'vitest';
import { getInstrument } from '../../packages/instruments/index';
import { rcq } from '../../packages/instruments/rcq';

const answers = (values: readonly number[]) => Object.fromEntries(values.map((v, i) => [String(i + 1), v]));
const score = (responses: Record<string, number>) => rcq.score({ instrument: 'rcq', responses });

const EXAMPLE = [-2, 2, 1, 1, -2, 1, 1, 2, 1, -2, 1, -1];
const KEY = { precontemplation: [1, 5, 10, 12], contemplation: [3, 4, 8, 9], action: [2, 6, 7, 11] };

/** Answers with every item of each scale set to the given value. */
function perScale(pc: number, c: number, a: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [scale, value] of [
    ['precontemplation', pc],
    ['contemplation', c],
    ['action', a],
  ] as const) {
    for (const item of KEY[scale]) out[String(item)] = value;
  }
  return out;
}

describe('scoreRcq worked example (docs/scoring.md)', () => {
  it('scores PC −7, C 5, A 5 and stages the tie as action', () => {
    const result = score(answers(EXAMPLE));

    expect(result.scores).toEqual({ precontemplation: -7, contemplation: 5, action: 5 });
    expect(result.interpretation).toEqual({ stage: 'action' });
    expect(result.complete).toBe(true);
    expect(result.provenance.algorithm).toBe('rcq-12');
  });
});

describe('RCQ stage: highest scale, ties to the further stage', () => {
  it.each([
    [[2, 0, 0], 'precontemplation'],
    [[0, 2, 0], 'contemplation'],
    [[0, 0, 2], 'action'],
    [[1, 1, 0], 'contemplation'],
    [[1, 0, 1], 'action'],
    [[0, 1, 1], 'action'],
    [[0, 0, 0], 'action'],
    [[-2, -2, -2], 'action'],
    [[2, 1, 1], 'precontemplation'],
  ])('answers %j per scale (PC, C, A) stage as %s', ([pc, c, a], stage) => {
    expect(score(perScale(pc!, c!, a!)).interpretation).toEqual({ stage });
  });

  it('sums −2..+2 answers to −8..+8 per scale without reversing any item', () => {
    expect(score(perScale(-2, 2, 0)).scores).toEqual({ precontemplation: -8, contemplation: 8, action: 0 });
  });
});

describe('RCQ missing items', () => {
  it('nulls the scale and the stage, even when the other two scales are known', () => {
    const responses = answers(EXAMPLE);
    delete responses['12'];

    const result = score(responses);

    expect(result.scores).toEqual({ precontemplation: null, contemplation: 5, action: 5 });
    expect(result.interpretation).toEqual({ stage: null });
    expect(result.missing).toEqual(['12']);
    expect(result.complete).toBe(false);
    expect(result.guidance).toEqual([]);
  });
});

describe('RCQ input', () => {
  it.each([
    [-3, 'too_small', 'Too small: expected number to be >=-2'],
    [3, 'too_big', 'Too big: expected number to be <=2'],
  ])('rejects %i with one issue at the item path', (value, code, message) => {
    const parsed = rcq.inputSchema.safeParse({ instrument: 'rcq', responses: { ...answers(EXAMPLE), '3': value } });

    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.code, i.path, i.message])).toEqual([[code, ['responses', '3'], message]]);
  });

  it('accepts 0 and the extremes', () => {
    expect(rcq.inputSchema.safeParse({ instrument: 'rcq', responses: { '1': -2, '2': 0, '3': 2 } }).success).toBe(true);
  });
});

describe('RCQ guidance', () => {
  it.each([
    [[2, 0, 0], 'stage-precontemplation', ['engage-how-see', 'engage-autonomy', 'evoke-concerns']],
    [[0, 2, 0], 'stage-contemplation', ['evoke-desire', 'evoke-best-results', 'evoke-looking-forward']],
    [[0, 0, 2], 'stage-action', ['affirm-steps-taken', 'plan-steps-so-far', 'plan-obstacles', 'plan-who-helps']],
  ])('for %j applies %s: %j', ([pc, c, a], rule, ids) => {
    const guidance = score(perScale(pc!, c!, a!)).guidance;

    expect(guidance.map((g) => g.id)).toEqual(ids);
    expect(guidance.every((g) => g.rule === `rcq/${rule}`)).toBe(true);
  });

  it('evokes change talk in contemplation; both sides only with the neutral style', () => {
    const responses = perScale(0, 2, 0);

    expect(score(responses).guidance.map((g) => g.prompt)).toEqual([
      'What would you like to be different about your drinking?',
      'If you made a change in your drinking, what would be the best things to come of it?',
      'Looking ahead a year, how would you like your life to be different?',
    ]);
    expect(rcq.score({ instrument: 'rcq', responses }, { style: 'neutral' }).guidance.map((g) => [g.prompt, g.style])).toEqual([
      ['What would you gain by making a change in your drinking, and what would you miss about how things are now?', 'neutral-exploration'],
    ]);
  });

  it('affirms and plans in action, labelled as planning', () => {
    const guidance = score(perScale(0, 0, 2)).guidance;

    expect(guidance.map((g) => [g.kind, g.process, g.phase])).toEqual([
      ['affirmation', 'planning', 'strengthening-commitment'],
      ['open-question', 'planning', 'strengthening-commitment'],
      ['open-question', 'planning', 'strengthening-commitment'],
      ['open-question', 'planning', 'strengthening-commitment'],
    ]);
    expect(guidance[0]?.prompt).toBe('You have already started making changes in your drinking, and that takes real effort.');
  });
});

describe('RCQ catalog', () => {
  const catalog = getInstrument('rcq')!.catalog;

  it('labels the key "to be confirmed against the RCQ manual"', () => {
    expect(catalog['notes']).toEqual([
      expect.stringContaining('Built for opportunistic brief intervention with excessive drinkers'),
      expect.stringContaining('to be confirmed against the RCQ manual'),
    ]);
    expect(catalog['scoring']).toContain('Item key: to be confirmed against the RCQ manual.');
  });

  it('publishes the key with −8..+8 ranges and labels only', () => {
    expect(catalog['scales']).toEqual(
      Object.entries(KEY).map(([id, items]) => ({ id, items: items.map(String), method: 'sum', range: { min: -8, max: 8 } })),
    );
    expect((catalog['items'] as unknown as Array<Record<string, unknown>>).every((i) => !('text' in i))).toBe(true);
    expect(catalog['licence']).toEqual(expect.objectContaining({ status: 'copyrighted', itemText: false }));
  });
});
