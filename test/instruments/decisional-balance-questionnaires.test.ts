import { describe, expect, it } from 'vitest';
import { decisionalBalanceAlcohol } from '../../packages/instruments/decisional-balance-alcohol';
import { decisionalBalanceDrugs } from '../../packages/instruments/decisional-balance-drugs';
import { decisionalBalanceSmoking } from '../../packages/instruments/decisional-balance-smoking';
import { decisionalBalanceSmokingShort } from '../../packages/instruments/decisional-balance-smoking-short';
import type { Instrument } from '../../packages/instruments/types';

const answers = (values: readonly number[]) => Object.fromEntries(values.map((v, i) => [String(i + 1), v]));
const score = (instrument: Instrument, responses: Record<string, number>) => instrument.score({ instrument: instrument.id, responses });

const ALCOHOL_EXAMPLE = [4, 3, 2, 4, 5, 3, 4, 4, 2, 3, 3, 5, 4, 1, 3, 2, 3, 4, 2, 2];

describe('decisional balance worked examples', () => {
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
    [[2, 1, 2, 1, 2, 1], 'balance-pros', ['reflect-status-quo-values', 'evoke-concerns', 'evoke-desire']],
    [[1, 2, 1, 2, 1, 2], 'balance-cons', ['evoke-concerns-most', 'evoke-best-results', 'evoke-ability']],
    [[3, 3, 3, 3, 3, 3], 'balance-even', ['reflect-two-sides', 'evoke-values']],
  ])('for answers %j applies %s: %j', (values, rule, ids) => {
    const guidance = score(decisionalBalanceSmokingShort, answers(values)).guidance;

    expect(guidance.map((g) => g.id)).toEqual(ids);
    expect(new Set(guidance.map((g) => g.rule))).toEqual(new Set([`decisional-balance-smoking-short/${rule}`]));
  });

  it('acknowledges the pros with a reflection, then evokes: never asks for more of the benefits', () => {
    const guidance = score(decisionalBalanceSmokingShort, answers([2, 1, 2, 1, 2, 1])).guidance;

    expect(guidance.map(({ prompt, kind, evokes }) => ({ prompt, kind, evokes }))).toEqual([
      { prompt: 'Right now, your smoking gives you things you value.', kind: 'reflection', evokes: 'none' },
      { prompt: 'What, if anything, concerns you about your smoking?', kind: 'open-question', evokes: 'reasons' },
      { prompt: 'What would you like to be different about your smoking?', kind: 'open-question', evokes: 'desire' },
    ]);
  });

  it('gives the balanced exploration only with the neutral style, labelled', () => {
    const guidance = decisionalBalanceSmokingShort.score(
      { instrument: 'decisional-balance-smoking-short', responses: answers([2, 1, 2, 1, 2, 1]) },
      { style: 'neutral' },
    ).guidance;

    expect(guidance).toEqual([
      {
        id: 'neutral-good-and-less-good',
        prompt: 'What are the good things about your smoking for you, and what are the less good things?',
        kind: 'open-question',
        principle: 'express-empathy',
        process: 'evoking',
        phase: 'building-motivation',
        evokes: 'both-sides',
        rule: 'decisional-balance-smoking-short/balance-pros',
        style: 'neutral-exploration',
      },
    ]);
  });

  it('evokes change talk when the cons of the behaviour outweigh its pros, naming the drug the request gives', () => {
    const plain = score(decisionalBalanceDrugs, answers(ALCOHOL_EXAMPLE)).guidance;
    const opioids = decisionalBalanceDrugs.score(
      { instrument: 'decisional-balance-drugs', responses: answers(ALCOHOL_EXAMPLE) },
      { targetBehavior: 'opioids' },
    ).guidance;

    expect(plain[0]).toEqual({
      id: 'evoke-concerns-most',
      prompt: 'What concerns you most about your drug use?',
      kind: 'open-question',
      principle: 'develop-discrepancy',
      process: 'evoking',
      phase: 'building-motivation',
      evokes: 'reasons',
      rule: 'decisional-balance-drugs/balance-cons',
    });
    expect(opioids.map((g) => g.prompt)).toEqual([
      'What concerns you most about your opioid use?',
      'If you made a change in your opioid use, what would be the best things to come of it?',
      'If you decided to make a change in your opioid use, how might you go about it?',
    ]);
  });

  it('keeps the alcohol form about drinking whatever the target behaviour', () => {
    const guidance = decisionalBalanceAlcohol.score(
      { instrument: 'decisional-balance-alcohol', responses: answers(ALCOHOL_EXAMPLE) },
      { targetBehavior: 'cannabis' },
    ).guidance;

    expect(guidance[0]?.prompt).toBe('What concerns you most about your drinking?');
  });
});

describe('decisional balance catalog', () => {
  it('gives the smoking forms all five CPRC answer labels', () => {
    for (const instrument of [decisionalBalanceSmoking, decisionalBalanceSmokingShort]) {
      expect(instrument.catalog.responseScale.anchors).toEqual([
        { value: 1, label: 'Not important' },
        { value: 2, label: 'Slightly important' },
        { value: 3, label: 'Moderately important' },
        { value: 4, label: 'Very important' },
        { value: 5, label: 'Extremely important' },
      ]);
    }
  });

  it('states the licence the HABITS Lab publishes', () => {
    for (const instrument of [decisionalBalanceAlcohol, decisionalBalanceDrugs, decisionalBalanceSmoking, decisionalBalanceSmokingShort]) {
      expect(instrument.catalog.licence.status).toBe('not-copyrighted');
      expect(instrument.catalog.licence.note).toContain('"Instrument is not copyrighted and available at no cost"');
    }
  });
});
