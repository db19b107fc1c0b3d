import { describe, expect, it } from 'vitest';
import { decisionalBalance } from '../../packages/instruments/decisional-balance';

type Entry = { label?: string; weight?: number };
const entries = (n: number, entry: Entry = {}) => Array.from({ length: n }, () => ({ ...entry }));
const worksheet = (responses: Record<string, Entry[]>) => ({ instrument: 'decisional-balance', responses });

describe('decisionalBalance.score', () => {
  it('scores the worked example 1/1/2/3: total 7, proportion 0.5714, leaning change', () => {
    const result = decisionalBalance.score(
      worksheet({ benefitsOfChange: entries(1), costsOfChange: entries(1), benefitsOfStatusQuo: entries(2), costsOfStatusQuo: entries(3) }),
    );

    expect(result.scores).toEqual({
      benefitsOfChange: 1,
      costsOfChange: 1,
      benefitsOfStatusQuo: 2,
      costsOfStatusQuo: 3,
      total: 7,
      proportion: 4 / 7,
    });
    expect(result.scores['proportion']).toBeCloseTo(0.5714, 4);
    expect(result.interpretation).toEqual({ leaning: 'change' });
    expect(result.complete).toBe(true);
    expect(result.missing).toEqual([]);
    expect(result.provenance.algorithm).toBe('decisional-balance-worksheet');
  });

  it.each([
    [[3, 0, 0, 2], 'change'],
    [[1, 1, 1, 1], 'balanced'],
    [[2, 0, 2, 0], 'balanced'],
    [[1, 2, 1, 0], 'status-quo'],
    [[0, 0, 1, 0], 'status-quo'],
  ])('reads counts %j as leaning %s', ([boc, coc, bsq, csq], leaning) => {
    const result = decisionalBalance.score(
      worksheet({
        benefitsOfChange: entries(boc!),
        costsOfChange: entries(coc!),
        benefitsOfStatusQuo: entries(bsq!),
        costsOfStatusQuo: entries(csq!),
      }),
    );

    expect(result.interpretation).toEqual({ leaning });
  });

  it('gives a null proportion and leaning, and no guidance, when all four lists are empty', () => {
    const result = decisionalBalance.score(
      worksheet({ benefitsOfChange: [], costsOfChange: [], benefitsOfStatusQuo: [], costsOfStatusQuo: [] }),
    );

    expect(result.scores).toEqual({
      benefitsOfChange: 0,
      costsOfChange: 0,
      benefitsOfStatusQuo: 0,
      costsOfStatusQuo: 0,
      total: 0,
      proportion: null,
    });
    expect(result.interpretation).toEqual({ leaning: null });
    expect(result.complete).toBe(true);
    expect(result.guidance).toEqual([]);
  });

  it('treats an absent list as missing: its count, total and proportion are null', () => {
    const result = decisionalBalance.score(worksheet({ benefitsOfChange: entries(3), costsOfStatusQuo: [] }));

    expect(result.missing).toEqual(['costsOfChange', 'benefitsOfStatusQuo']);
    expect(result.complete).toBe(false);
    expect(result.scores).toEqual({
      benefitsOfChange: 3,
      costsOfChange: null,
      benefitsOfStatusQuo: null,
      costsOfStatusQuo: 0,
      total: null,
      proportion: null,
    });
    expect(result.interpretation).toEqual({ leaning: null });
    expect(result.guidance).toEqual([]);
  });

  it('adds weightedProportion when every entry has a weight', () => {
    const result = decisionalBalance.score(
      worksheet({
        benefitsOfChange: [{ weight: 5 }],
        costsOfChange: [{ weight: 2 }],
        benefitsOfStatusQuo: [{ weight: 1 }, { weight: 1 }],
        costsOfStatusQuo: [{ weight: 1 }],
      }),
    );

    expect(result.scores['weightedProportion']).toBe(6 / 10);
    expect(result.scores['proportion']).toBe(2 / 5);
    expect(result.interpretation).toEqual({ leaning: 'status-quo' });
  });

  it('leaves weightedProportion out when any entry has no weight', () => {
    const result = decisionalBalance.score(
      worksheet({ benefitsOfChange: [{ weight: 5 }], costsOfChange: [{}], benefitsOfStatusQuo: [], costsOfStatusQuo: [] }),
    );

    expect(result.scores).not.toHaveProperty('weightedProportion');
  });
});

describe('decisionalBalance guidance', () => {
  it('evokes change talk and interpolates only the count of reasons favouring change', () => {
    const result = decisionalBalance.score(
      worksheet({
        benefitsOfChange: [{ label: 'ZEBRA-LABEL-42' }, {}],
        costsOfChange: [],
        benefitsOfStatusQuo: [],
        costsOfStatusQuo: [{ label: 'ZEBRA-LABEL-43' }],
      }),
    );

    expect(result.guidance).toEqual([
      {
        id: 'evoke-listed-change',
        prompt: 'You listed 3 reasons in favour of change. Which of them matters most to you?',
        kind: 'open-question',
        principle: 'develop-discrepancy',
        process: 'evoking',
        phase: 'building-motivation',
        evokes: 'reasons',
        rule: 'decisional-balance/leaning-change',
      },
      {
        id: 'evoke-ability',
        prompt: 'If you decided to make this change, how might you go about it?',
        kind: 'open-question',
        principle: 'support-self-efficacy',
        process: 'evoking',
        phase: 'building-motivation',
        evokes: 'ability',
        rule: 'decisional-balance/leaning-change',
      },
    ]);
    expect(JSON.stringify(result)).not.toContain('ZEBRA');
  });

  it('acknowledges the reasons for the status quo with a reflection and asks about concerns, never for more reasons', () => {
    const result = decisionalBalance.score(
      worksheet({ benefitsOfChange: [], costsOfChange: entries(1), benefitsOfStatusQuo: [], costsOfStatusQuo: [] }),
    );

    expect(result.guidance.map(({ id, prompt, kind, evokes }) => ({ id, prompt, kind, evokes }))).toEqual([
      {
        id: 'reflect-listed-status-quo',
        prompt: 'You listed 1 reason for keeping things as they are, and they matter to you.',
        kind: 'reflection',
        evokes: 'none',
      },
      {
        id: 'evoke-concerns-staying',
        prompt: 'What, if anything, concerns you about things staying as they are?',
        kind: 'open-question',
        evokes: 'reasons',
      },
    ]);
  });

  it('weighs both sides of the list only with the neutral style, labelled', () => {
    const input = worksheet({ benefitsOfChange: entries(1), costsOfChange: entries(1), benefitsOfStatusQuo: [], costsOfStatusQuo: [] });

    expect(decisionalBalance.score(input).guidance.map((g) => g.id)).toEqual(['reflect-listed-each-side', 'evoke-change-reason-most']);
    expect(decisionalBalance.score(input, { style: 'neutral' }).guidance.map((g) => [g.id, g.style ?? null])).toEqual([
      ['reflect-listed-each-side', null],
      ['neutral-weigh-list', 'neutral-exploration'],
    ]);
  });

  it('names the request’s target behaviour in the ability question', () => {
    const input = worksheet({ benefitsOfChange: entries(2), costsOfChange: [], benefitsOfStatusQuo: entries(1), costsOfStatusQuo: [] });

    expect(decisionalBalance.score(input, { targetBehavior: 'gambling' }).guidance[1]?.prompt).toBe(
      'If you decided to make a change in your gambling, how might you go about it?',
    );
  });
});

describe('decisionalBalance.redact', () => {
  it('drops labels and keeps weights and entry counts', () => {
    const input = worksheet({
      benefitsOfChange: [{ label: 'sleep better', weight: 4 }, { label: 'save money' }],
      costsOfStatusQuo: [],
    });

    expect(decisionalBalance.redact(input)).toEqual({
      instrument: 'decisional-balance',
      responses: { benefitsOfChange: [{ weight: 4 }, {}], costsOfStatusQuo: [] },
    });
  });

  it('does not change the score', () => {
    const input = worksheet({
      benefitsOfChange: [{ label: 'a', weight: 4 }],
      costsOfChange: [{ label: 'b', weight: 2 }],
      benefitsOfStatusQuo: [{ label: 'c', weight: 3 }],
      costsOfStatusQuo: [{ label: 'd', weight: 1 }],
    });

    expect(decisionalBalance.score(decisionalBalance.redact(input))).toEqual(decisionalBalance.score(input));
  });
});
