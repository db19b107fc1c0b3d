import { describe, expect, it } from 'vitest';
import { decisionalBalanceAlcohol } from '../../packages/instruments/decisional-balance-alcohol';
import { decisionalBalanceDrugs } from '../../packages/instruments/decisional-balance-drugs';
import { decisionalBalanceSmoking } from '../../packages/instruments/decisional-balance-smoking';
import { decisionalBalanceSmokingShort } from '../../packages/instruments/decisional-balance-smoking-short';
import type { Instrument } from '../../packages/instruments/types';

const answers = (values: readonly number[]) => Object.fromEntries(values.map((v, i) => [String(i + 1), v]));
const score = (instrument: Instrument, responses: Record<string, number>) => instrument.score({ instrument: instrument.id, responses });

const ALCOHOL_EXAMPLE = [4, 3, 2, 4, 5, 3, 4, 4, 2, 3, 3, 5, 4, 1, 3, 2, 3, 4, 2, 2];

describe('decisional balance worked examples (instruments.md)', () => {
  it('scores the smoking short-form example: pros 4, cons 1.6667, difference 2.3333, balance pros', () => {
    const result = score(decisionalBalanceSmokingShort, answers([4, 2, 3, 1, 5, 2]));

    expect(result.scores['pros']).toBe(4);
    expect(result.scores['cons']).toBeCloseTo(5 / 3, 12);
    expect(result.scores['difference']).toBeCloseTo(7 / 3, 12);
    expect(result.interpretation).toEqual({ balance: 'pros' });
    expect(result.complete).toBe(true);
    expect(result.provenance.algorithm).toBe('decisional-balance-smoking-6');
  });

  it.each([
    [decisionalBalanceAlcohol, 'decisional-balance-alcohol-20'],
    [decisionalBalanceDrugs, 'decisional-balance-drugs-20'],
  ])('scores the alcohol example with the TIP 35 key: pros 2.6, cons 3.7, difference −1.1 ($1)', (instrument, algorithm) => {
    const result = score(instrument, answers(ALCOHOL_EXAMPLE));

    expect(result.scores['pros']).toBeCloseTo(2.6, 12);
    expect(result.scores['cons']).toBeCloseTo(3.7, 12);
    expect(result.scores['difference']).toBeCloseTo(-1.1, 12);
    expect(result.interpretation).toEqual({ balance: 'cons' });
    expect(result.provenance.algorithm).toBe(algorithm);
  });
});

describe('decisional balance smoking long form', () => {
  it('keys odd items as pros and even items as cons, each divided by 10', () => {
    const result = score(decisionalBalanceSmoking, answers(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 5 : 1))));

    expect(result.scores).toEqual({ pros: 5, cons: 1, difference: 4 });
    expect(result.provenance.algorithm).toBe('decisional-balance-smoking-20');
  });
});

describe('decisional balance interpretation', () => {
  it.each([
    [[2, 1, 2, 1, 2, 1], 'pros'],
    [[1, 2, 1, 2, 1, 2], 'cons'],
    [[3, 3, 3, 3, 3, 3], 'balanced'],
    [[5, 4, 4, 5, 4, 4], 'balanced'],
  ])('reads %j as balance %s', (values, balance) => {
    expect(score(decisionalBalanceSmokingShort, answers(values)).interpretation).toEqual({ balance });
  });

  it('scores a difference of exactly 0 when pros and cons sums are equal', () => {
    expect(score(decisionalBalanceSmokingShort, answers([5, 4, 4, 5, 4, 4])).scores['difference']).toBe(0);
  });
});

describe('decisional balance missing items', () => {
  it('nulls the scale with a missing item, and the difference and balance derived from it', () => {
    const responses = answers(ALCOHOL_EXAMPLE);
    delete responses['20'];

    const result = score(decisionalBalanceAlcohol, responses);

    expect(result.scores).toEqual({ pros: null, cons: 3.7, difference: null });
    expect(result.interpretation).toEqual({ balance: null });
    expect(result.missing).toEqual(['20']);
    expect(result.complete).toBe(false);
  });

  it('lists every missing item in item order and gives no guidance when nothing is answered', () => {
    const result = score(decisionalBalanceSmokingShort, {});

    expect(result.missing).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(result.scores).toEqual({ pros: null, cons: null, difference: null });
    expect(result.guidance).toEqual([]);
  });
});

describe('decisional balance guidance', () => {
  it.each([
    [
      [2, 1, 2, 1, 2, 1],
      ['express-empathy', 'roll-with-resistance'],
    ],
    [
      [1, 2, 1, 2, 1, 2],
      ['develop-discrepancy', 'develop-discrepancy', 'support-self-efficacy'],
    ],
    [
      [3, 3, 3, 3, 3, 3],
      ['express-empathy', 'develop-discrepancy'],
    ],
  ])('for answers %j follows the principles %j', (values, principles) => {
    expect(score(decisionalBalanceSmokingShort, answers(values)).guidance.map((g) => g.principle)).toEqual(principles);
  });

  it('elicits change talk when the cons of the behaviour outweigh its pros', () => {
    const guidance = score(decisionalBalanceDrugs, answers(ALCOHOL_EXAMPLE)).guidance;

    expect(guidance[0]).toEqual({
      principle: 'develop-discrepancy',
      focus: 'elicit-change-talk',
      prompt: 'What concerns you most about using drugs?',
    });
  });
});
