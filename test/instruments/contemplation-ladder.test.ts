import { describe, expect, it } from 'vitest';
import { contemplationLadder } from '../../packages/instruments/contemplation-ladder';
import { getInstrument } from '../../packages/instruments/index';

const score = (responses: Record<string, number>) => contemplationLadder.score({ instrument: 'contemplation-ladder', responses });

const ANCHORS: Record<number, string> = {
  0: 'have not considered quitting',
  2: 'think I need to consider quitting someday',
  5: 'think I should quit but not quite ready',
  8: 'starting to think how to change',
  10: 'taking action to quit',
};

describe('scoreContemplationLadder', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 2],
    [3, 2],
    [4, 2],
    [5, 5],
    [6, 5],
    [7, 5],
    [8, 8],
    [9, 8],
    [10, 10],
  ])('scores rung %i as itself with the anchor at or below it, %i', (rung, anchor) => {
    const result = score({ rung });

    expect(result.scores).toEqual({ rung });
    expect(result.interpretation).toEqual({ anchor: { value: anchor, label: ANCHORS[anchor] } });
    expect(result.complete).toBe(true);
    expect(result.provenance.algorithm).toBe('contemplation-ladder');
  });

  it('nulls the rung and anchor when the rung is missing, and gives no guidance', () => {
    const result = score({});

    expect(result.scores).toEqual({ rung: null });
    expect(result.interpretation).toEqual({ anchor: null });
    expect(result.missing).toEqual(['rung']);
    expect(result.complete).toBe(false);
    expect(result.guidance).toEqual([]);
  });

  it.each([-1, 11, 2.5])('rejects rung %s at the item path', (rung) => {
    const parsed = contemplationLadder.inputSchema.safeParse({ instrument: 'contemplation-ladder', responses: { rung } });

    expect(parsed.error?.issues.map((i) => i.path)).toEqual([['responses', 'rung']]);
  });
});

describe('contemplation ladder guidance', () => {
  const ids = (rung: number, style?: 'neutral') =>
    contemplationLadder
      .score({ instrument: 'contemplation-ladder', responses: { rung } }, style ? { style } : {})
      .guidance.map((g) => g.id);

  it.each([
    [0, ['engage-how-see', 'engage-autonomy', 'ladder-someday', 'ladder-next-rung']],
    [3, ['ladder-consider', 'evoke-values', 'ladder-next-rung']],
    [5, ['evoke-best-results', 'ladder-feel-ready', 'ladder-next-rung']],
    [9, ['plan-key-question', 'plan-first-step', 'plan-who-helps', 'plan-obstacles']],
    [10, ['affirm-steps-taken', 'plan-steps-so-far', 'plan-keep-going']],
  ])('at rung %i gives %j', (rung, expected) => {
    expect(ids(rung)).toEqual(expected);
  });

  it('plans from rung 8 on ("starting to think how to change"), without more motivation prompts', () => {
    const guidance = score({ rung: 8 }).guidance;

    expect(guidance.map((g) => [g.process, g.phase])).toEqual(Array(4).fill(['planning', 'strengthening-commitment']));
    expect(guidance[0]).toEqual({
      id: 'plan-key-question',
      prompt: 'What do you think you will do about your smoking?',
      kind: 'open-question',
      principle: null,
      process: 'planning',
      phase: 'strengthening-commitment',
      evokes: 'commitment',
      rule: 'contemplation-ladder/region-8',
    });
  });

  it('explores both sides at rung 5 only with the neutral style, labelled as such', () => {
    expect(ids(5, 'neutral')).toEqual(['neutral-gain-and-miss', 'ladder-feel-ready', 'ladder-next-rung']);
    expect(
      contemplationLadder.score({ instrument: 'contemplation-ladder', responses: { rung: 5 } }, { style: 'neutral' }).guidance[0],
    ).toEqual({
      id: 'neutral-gain-and-miss',
      prompt: 'What would you gain by making a change in your smoking, and what would you miss about how things are now?',
      kind: 'open-question',
      principle: 'express-empathy',
      process: 'evoking',
      phase: 'building-motivation',
      evokes: 'both-sides',
      rule: 'contemplation-ladder/region-5',
      style: 'neutral-exploration',
    });
  });

  it('asks what it would take to move up one rung below rung 8, never why not higher', () => {
    expect(score({ rung: 4 }).guidance.at(-1)?.prompt).toBe('What would it take for you to move from rung 4 to rung 5?');
    expect([8, 9, 10].flatMap((rung) => score({ rung }).guidance.map((g) => g.prompt)).join(' ')).not.toMatch(/rung \d|why not/i);
  });
});

describe('contemplation ladder catalog', () => {
  it('carries the anchor wording as labels and no item text', () => {
    const catalog = getInstrument('contemplation-ladder')!.catalog;

    expect(catalog['responseScale']).toEqual({
      min: 0,
      max: 10,
      anchors: Object.entries(ANCHORS).map(([value, label]) => ({ value: Number(value), label })),
    });
    expect(catalog['items']).toEqual([{ id: 'rung', label: 'Rung chosen on the ladder', scored: true }]);
    expect(catalog['licence']).toEqual(expect.objectContaining({ status: 'copyrighted', itemText: false }));
  });

  it('flags the anchor texts as not found in a primary copy', () => {
    expect(getInstrument('contemplation-ladder')!.catalog.notes).toEqual([
      'The rung anchor texts (0, 2, 5, 8, 10) were not found in a primary copy of the ladder (Biener & Abrams 1991): they are as worded in this product’s specification and are to be confirmed.',
    ]);
  });
});
