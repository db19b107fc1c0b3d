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
  it.each([
    [0, ['express-empathy', 'roll-with-resistance', 'develop-discrepancy']],
    [3, ['develop-discrepancy', 'develop-discrepancy', 'develop-discrepancy']],
    [5, ['express-empathy', 'support-self-efficacy', 'develop-discrepancy']],
    [9, ['support-self-efficacy', 'support-self-efficacy', 'develop-discrepancy']],
    [10, ['support-self-efficacy', 'support-self-efficacy']],
  ])('at rung %i follows %j', (rung, principles) => {
    expect(score({ rung }).guidance.map((g) => g.principle)).toEqual(principles);
  });

  it('asks what it would take to move up one rung, never why not higher, and not at the top', () => {
    expect(score({ rung: 4 }).guidance.at(-1)?.prompt).toBe('What would it take for you to move from rung 4 to rung 5?');
    expect(
      score({ rung: 10 })
        .guidance.map((g) => g.prompt)
        .join(' '),
    ).not.toMatch(/rung 11|why not/i);
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
});
