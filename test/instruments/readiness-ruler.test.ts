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
    expect(result.provenance.algorithmVersion).toBe('1.1.0');
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
      'What would it take for you to consider making this change?',
      `On readiness, what would it take to go from ${min} to ${min + 1}?`,
    ]);
  });

  it('at the maximum of a ruler drops the X+1 prompt', () => {
    expect(prompts({ importance: 10, confidence: 5 })).toEqual([
      'You chose 10 for importance. Why are you at 10 and not at 8?',
      'You chose 5 for confidence. Why are you at 5 and not at 3?',
      'On confidence, what would it take to go from 5 to 6?',
    ]);
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
      .map(({ rule, id }) => `${rule}:${id}`);
  };

  it.each([
    [
      'importance low',
      { importance: 2, confidence: 5 },
      ['readiness-ruler/importance-low:evoke-concerns', 'readiness-ruler/importance-low:evoke-values'],
    ],
    [
      'importance moderate, confidence low',
      { importance: 4, confidence: 3 },
      ['readiness-ruler/confidence-low:evoke-past-success', 'readiness-ruler/confidence-low:evoke-strengths'],
    ],
    [
      'importance high, confidence low',
      { importance: 7, confidence: 2 },
      ['readiness-ruler/confidence-low:evoke-past-success', 'readiness-ruler/confidence-low:evoke-strengths'],
    ],
    ['importance moderate, confidence moderate', { importance: 5, confidence: 5 }, []],
    ['importance high, confidence moderate', { importance: 9, confidence: 5 }, []],
    ['confidence low without importance', { confidence: 2 }, []],
  ])('when %s adds %j', (_case, responses, expected) => {
    expect(focusOf(responses)).toEqual(expected);
  });
});

describe('readinessRuler guidance for a ready client', () => {
  const PLAN = ['plan-key-question', 'plan-goal', 'plan-first-step', 'plan-who-helps', 'plan-obstacles'];

  it.each([
    ['readiness high', { importance: 5, confidence: 4, readiness: 7 }],
    ['readiness high, importance low', { importance: 2, readiness: 9 }],
    ['importance and confidence high, no readiness answer', { importance: 7, confidence: 7 }],
  ])('plans, and asks no more motivation questions, when %s', (_case, responses) => {
    const guidance = score(responses).guidance;

    expect(guidance.map((g) => g.id)).toEqual(PLAN);
    expect(new Set(guidance.map((g) => `${g.process}/${g.phase}`))).toEqual(new Set(['planning/strengthening-commitment']));
  });

  it('does not plan when readiness is answered and not high, even with importance and confidence high', () => {
    expect(score({ importance: 9, confidence: 9, readiness: 5 }).guidance.map((g) => g.rule)).toEqual([
      'readiness-ruler/follow-up-importance-lower',
      'readiness-ruler/follow-up-importance-next',
      'readiness-ruler/follow-up-confidence-lower',
      'readiness-ruler/follow-up-confidence-next',
      'readiness-ruler/follow-up-readiness-lower',
      'readiness-ruler/follow-up-readiness-next',
    ]);
  });

  it('names the behaviour the request gives in the key question, goal and help', () => {
    const guidance = readinessRuler.score(
      { instrument: 'readiness-ruler', responses: { importance: 9, confidence: 8, readiness: 8 } },
      { targetBehavior: 'alcohol' },
    ).guidance;

    expect(guidance).toEqual([
      {
        id: 'plan-key-question',
        prompt: 'What do you think you will do about your drinking?',
        kind: 'open-question',
        principle: null,
        process: 'planning',
        phase: 'strengthening-commitment',
        evokes: 'commitment',
        rule: 'readiness-ruler/ready-plan',
      },
      {
        id: 'plan-goal',
        prompt: 'In your own words, what would you like to achieve with a change in your drinking?',
        kind: 'open-question',
        principle: null,
        process: 'planning',
        phase: 'strengthening-commitment',
        evokes: 'commitment',
        rule: 'readiness-ruler/ready-plan',
      },
      {
        id: 'plan-first-step',
        prompt: 'What would a first step look like for you, and when could you take it?',
        kind: 'open-question',
        principle: null,
        process: 'planning',
        phase: 'strengthening-commitment',
        evokes: 'activation',
        rule: 'readiness-ruler/ready-plan',
      },
      {
        id: 'plan-who-helps',
        prompt: 'Who could help you with a change in your drinking, and how?',
        kind: 'open-question',
        principle: null,
        process: 'planning',
        phase: 'strengthening-commitment',
        evokes: 'ability',
        rule: 'readiness-ruler/ready-plan',
      },
      {
        id: 'plan-obstacles',
        prompt: 'What might get in the way, and how could you handle it?',
        kind: 'open-question',
        principle: 'support-self-efficacy',
        process: 'planning',
        phase: 'strengthening-commitment',
        evokes: 'ability',
        rule: 'readiness-ruler/ready-plan',
      },
    ]);
  });

  it('at readiness 10 ("already changing") asks what has helped and how to keep it going', () => {
    expect(prompts({ readiness: 10 })).toEqual([
      'What changes have you made so far, and what has helped most?',
      'What will help you keep these changes going when things get hard?',
      'Who could help you with this change, and how?',
      'What might get in the way, and how could you handle it?',
    ]);
  });
});

describe('readinessRuler catalog', () => {
  it('uses the PCO wording for confidence and labels the bands for importance and confidence as our rule', () => {
    const catalog = readinessRuler.catalog;

    expect(catalog.items.find((i) => i.id === 'confidence')?.text).toBe(
      'How confident are you that you will be successful in making this change?',
    );
    expect(catalog.ourRules).toContainEqual({
      id: 'bands-importance-confidence',
      rule: 'The readiness bands (low 0–3, moderate 4–6, high 7–10) are used for importance and confidence too.',
    });
  });
});

describe('readinessRuler.redact', () => {
  it('returns the same answers', () => {
    const input = { instrument: 'readiness-ruler', responses: { importance: 3 }, scale: '1-10' };

    expect(readinessRuler.redact(input)).toEqual(input);
  });
});
