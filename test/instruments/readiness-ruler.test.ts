import { describe, expect, it } from 'vitest';
import { readinessRuler } from '../../packages/instruments/readiness-ruler';

const score = (responses: Record<string, number>, scale?: '0-10' | '1-10') =>
  readinessRuler.score({ instrument: 'readiness-ruler', responses, ...(scale ? { scale } : {}) });

const prompts = (responses: Record<string, number>, scale?: '0-10' | '1-10') => score(responses, scale).guidance.map((g) => g.prompt);

describe('readinessRuler.score', () => {
  it('returns each answered ruler as its raw score', () => {
    const result = score({ importance: 8, confidence: 5, readiness: 2 });

    expect(result.scores).toEqual({ importance: 8, confidence: 5, readiness: 2 });
    expect(result.complete).toBe(true);
    expect(result.missing).toEqual([]);
    expect(result.interpretation).toEqual({ bands: { importance: 'high', confidence: 'moderate', readiness: 'low' } });
    expect(result.provenance.algorithm).toBe('readiness-ruler');
    expect(result.provenance.algorithmVersion).toBe('1.0.0');
    expect(result.provenance.definitionHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('leaves unanswered rulers out of scores and bands and lists them as missing, in ruler order', () => {
    const result = score({ confidence: 6 });

    expect(result.scores).toEqual({ confidence: 6 });
    expect(result.interpretation).toEqual({ bands: { confidence: 'moderate' } });
    expect(result.missing).toEqual(['importance', 'readiness']);
    expect(result.complete).toBe(false);
  });

  it.each([
    [0, 'low'],
    [3, 'low'],
    [4, 'moderate'],
    [6, 'moderate'],
    [7, 'high'],
    [10, 'high'],
  ])('puts %i in the %s band', (value, band) => {
    expect(score({ importance: value }).interpretation).toEqual({ bands: { importance: band } });
  });

  it('never rescales a 1-10 answer and applies the same cut points', () => {
    const result = score({ importance: 1, confidence: 4, readiness: 10 }, '1-10');

    expect(result.scores).toEqual({ importance: 1, confidence: 4, readiness: 10 });
    expect(result.interpretation).toEqual({ bands: { importance: 'low', confidence: 'moderate', readiness: 'high' } });
  });
});

describe('readinessRuler guidance follow-ups', () => {
  it('asks why the answer is not two points lower and what would take it one point higher', () => {
    expect(prompts({ readiness: 6 })).toEqual([
      'You chose 6 for readiness. Why are you at 6 and not at 4?',
      'On readiness, what would it take to go from 6 to 7?',
    ]);
  });

  it('clamps the lower number to the scale minimum', () => {
    expect(prompts({ readiness: 1 })[0]).toBe('You chose 1 for readiness. Why are you at 1 and not at 0?');
    expect(prompts({ readiness: 2 }, '1-10')[0]).toBe('You chose 2 for readiness. Why are you at 2 and not at 1?');
  });

  it.each([
    ['0-10', 0],
    ['1-10', 1],
  ] as const)('at the %s minimum drops the lower-number prompt and asks what would need to happen', (scale, min) => {
    const result = prompts({ readiness: min }, scale);

    expect(result).toEqual([
      'What would need to happen for you to consider making this change?',
      `On readiness, what would it take to go from ${min} to ${min + 1}?`,
    ]);
  });

  it('at the maximum drops the X+1 prompt', () => {
    expect(prompts({ readiness: 10 })).toEqual(['You chose 10 for readiness. Why are you at 10 and not at 8?']);
  });

  it.each([0, 1, 5, 9, 10])('never asks "why not a 10" when every ruler is %i', (value) => {
    const text = prompts({ importance: value, confidence: value, readiness: value }).join(' ').toLowerCase();

    expect(text).not.toContain('why not');
    expect(text).not.toContain('not a 10');
    expect(text).not.toContain('not at 10');
  });
});

describe('readinessRuler guidance focus', () => {
  const focusOf = (responses: Record<string, number>) => {
    const followUps = Object.keys(responses).length * 2;
    return score(responses)
      .guidance.slice(followUps)
      .map(({ principle, focus }) => `${principle}/${focus}`);
  };

  it.each([
    ['importance low', { importance: 2, confidence: 5 }, ['express-empathy/explore-importance', 'develop-discrepancy/explore-importance']],
    [
      'importance moderate, confidence low',
      { importance: 4, confidence: 3 },
      ['support-self-efficacy/build-confidence', 'support-self-efficacy/build-confidence'],
    ],
    [
      'importance high, confidence low',
      { importance: 7, confidence: 2 },
      ['support-self-efficacy/build-confidence', 'support-self-efficacy/build-confidence'],
    ],
    ['both high', { importance: 7, confidence: 7 }, ['support-self-efficacy/strengthen-commitment', 'support-self-efficacy/plan']],
    ['importance moderate, confidence moderate', { importance: 5, confidence: 5 }, []],
    ['importance high, confidence moderate', { importance: 9, confidence: 5 }, []],
    ['confidence low without importance', { confidence: 2 }, []],
  ])('when %s adds %j', (_case, responses, expected) => {
    expect(focusOf(responses)).toEqual(expected);
  });
});

describe('readinessRuler.redact', () => {
  it('returns the same answers', () => {
    const input = { instrument: 'readiness-ruler', responses: { importance: 3 }, scale: '1-10' };

    expect(readinessRuler.redact(input)).toEqual(input);
  });
});
