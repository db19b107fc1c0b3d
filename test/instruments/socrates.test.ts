import { describe, expect, it } from 'vitest';
import { getInstrument } from '../../packages/instruments/index';
import { socrates8a } from '../../packages/instruments/socrates-8a';
import { socrates8d } from '../../packages/instruments/socrates-8d';
import type { Instrument } from '../../packages/instruments/types';

const answers = (values: readonly number[]) => Object.fromEntries(values.map((v, i) => [String(i + 1), v]));
const score = (instrument: Instrument, responses: Record<string, number>) => instrument.score({ instrument: instrument.id, responses });

const EXAMPLE = [5, 4, 5, 4, 2, 4, 5, 4, 3, 4, 4, 4, 4, 3, 5, 4, 4, 4, 3];
const KEY = {
  recognition: [1, 3, 7, 10, 12, 15, 17],
  ambivalence: [2, 6, 11, 16],
  takingSteps: [4, 5, 8, 9, 13, 14, 18, 19],
};
type Scale = keyof typeof KEY;

// The Project MATCH profile-sheet table exactly as the CASAA profile sheet prints it: [decile, min, max].
const TABLE: Record<Scale, Array<[number, number, number]>> = {
  recognition: [
    [70, 35, 35],
    [60, 34, 34],
    [50, 32, 33],
    [40, 31, 31],
    [30, 29, 30],
    [20, 27, 28],
    [10, 7, 26],
  ],
  ambivalence: [
    [90, 19, 20],
    [80, 18, 18],
    [70, 17, 17],
    [60, 16, 16],
    [50, 15, 15],
    [40, 14, 14],
    [30, 12, 13],
    [20, 9, 11],
    [10, 4, 8],
  ],
  takingSteps: [
    [90, 39, 40],
    [80, 37, 38],
    [70, 36, 36],
    [60, 34, 35],
    [50, 33, 33],
    [40, 31, 32],
    [30, 30, 30],
    [20, 26, 29],
    [10, 8, 25],
  ],
};

/** Answers with the given scale sums (each item 1–5); unlisted scales at their middle. */
function withSums(sums: Partial<Record<Scale, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [scale, items] of Object.entries(KEY) as Array<[Scale, number[]]>) {
    let rest = (sums[scale] ?? items.length * 3) - items.length;
    for (const item of items) {
      const extra = Math.min(4, rest);
      out[String(item)] = 1 + extra;
      rest -= extra;
    }
  }
  return out;
}

const EDGES = (Object.entries(TABLE) as Array<[Scale, Array<[number, number, number]>]>).flatMap(([scale, rows]) =>
  rows.flatMap(([decile, min, max]) =>
    min === max ? [[scale, min, decile] as const] : [[scale, min, decile] as const, [scale, max, decile] as const],
  ),
);

describe('SOCRATES 8A worked example', () => {
  it('scores recognition 32 (decile 50), ambivalence 16 (60), takingSteps 27 (20), with no stage', () => {
    const result = score(socrates8a, answers(EXAMPLE));

    expect(result.scores).toEqual({ recognition: 32, ambivalence: 16, takingSteps: 27 });
    expect(result.interpretation).toEqual({ deciles: { recognition: 50, ambivalence: 60, takingSteps: 20 }, norms: 'alcohol-sample' });
    expect(result.interpretation).not.toHaveProperty('stage');
    expect(result.complete).toBe(true);
    expect(result.provenance.algorithm).toBe('socrates-8a-19');
  });

  it('scores 8D with the same key and the same table, labelled alcohol-sample norms', () => {
    const result = score(socrates8d, answers(EXAMPLE));

    expect(result.scores).toEqual({ recognition: 32, ambivalence: 16, takingSteps: 27 });
    expect(result.interpretation).toEqual({ deciles: { recognition: 50, ambivalence: 60, takingSteps: 20 }, norms: 'alcohol-sample' });
    expect(result.provenance.algorithm).toBe('socrates-8d-19');
    expect(result.provenance.definitionHash).not.toBe(score(socrates8a, answers(EXAMPLE)).provenance.definitionHash);
  });
});

describe('SOCRATES Project MATCH deciles', () => {
  it.each(EDGES)('%s sum %i is decile %i', (scale, sum, decile) => {
    for (const instrument of [socrates8a, socrates8d]) {
      const result = score(instrument, withSums({ [scale]: sum }));

      expect(result.scores[scale]).toBe(sum);
      expect((result.interpretation['deciles'] as Record<Scale, number>)[scale]).toBe(decile);
    }
  });

  it.each(Object.keys(TABLE) as Scale[])('gives every possible %s sum exactly the decile of the table', (scale) => {
    const n = KEY[scale].length;
    for (let sum = n; sum <= 5 * n; sum += 1) {
      const expected = TABLE[scale].find(([, min, max]) => sum >= min && sum <= max)![0];
      expect((score(socrates8a, withSums({ [scale]: sum })).interpretation['deciles'] as Record<Scale, number>)[scale]).toBe(expected);
    }
  });

  it('tops recognition out at decile 70: the table has no 80 or 90 rows for it', () => {
    const result = score(socrates8a, withSums({ recognition: 35 }));

    expect((result.interpretation['deciles'] as Record<Scale, number>).recognition).toBe(70);
  });
});

describe('SOCRATES missing items', () => {
  it('nulls the scale with a missing item and its decile, keeping the other scales', () => {
    const responses = answers(EXAMPLE);
    delete responses['11'];

    const result = score(socrates8a, responses);

    expect(result.scores).toEqual({ recognition: 32, ambivalence: null, takingSteps: 27 });
    expect(result.interpretation).toEqual({ deciles: { recognition: 50, ambivalence: null, takingSteps: 20 }, norms: 'alcohol-sample' });
    expect(result.missing).toEqual(['11']);
    expect(result.complete).toBe(false);
  });

  it('gives no guidance when nothing is answered', () => {
    const result = score(socrates8d, {});

    expect(result.missing).toHaveLength(19);
    expect(result.guidance).toEqual([]);
  });
});

describe('SOCRATES guidance', () => {
  const ids = (instrument: Instrument, responses: Record<string, number>, style?: 'neutral') =>
    instrument.score({ instrument: instrument.id, responses }, style ? { style } : {}).guidance.map((g) => g.id);
  const agreeAll = (scale: Scale, value: number) => Object.fromEntries(KEY[scale].map((item) => [String(item), value]));

  it('meets recognition low by decile and not agreed with engaging and rolling with resistance, never argument or labels', () => {
    const guidance = score(socrates8a, withSums({ recognition: 20, ambivalence: 15, takingSteps: 30 })).guidance;

    expect(guidance.map(({ id, prompt, kind, principle }) => ({ id, prompt, kind, principle }))).toEqual([
      { id: 'engage-how-see', prompt: 'How do you see your drinking at the moment?', kind: 'open-question', principle: 'express-empathy' },
      {
        id: 'engage-autonomy',
        prompt: 'It is up to you what, if anything, you decide to do about your drinking.',
        kind: 'reflection',
        principle: 'roll-with-resistance',
      },
      {
        id: 'evoke-concerns',
        prompt: 'What, if anything, concerns you about your drinking?',
        kind: 'open-question',
        principle: 'roll-with-resistance',
      },
    ]);
    expect(guidance.every((g) => g.rule === 'socrates-8a/recognition-not-agreed')).toBe(true);
  });

  it('reads a client who agrees with all seven Recognition statements (28, decile 20) as agreeing, not as low recognition', () => {
    const responses = { ...withSums({ ambivalence: 12, takingSteps: 24 }), ...agreeAll('recognition', 4) };
    const result = score(socrates8a, responses);

    expect(result.scores['recognition']).toBe(28);
    expect((result.interpretation['deciles'] as Record<Scale, number>).recognition).toBe(20);
    expect(result.guidance.map(({ id, prompt, rule }) => ({ id, prompt, rule }))).toEqual([
      {
        id: 'reflect-sees-problems',
        prompt: 'You see that your drinking is causing some problems.',
        rule: 'socrates-8a/recognition-agreed',
      },
      {
        id: 'evoke-problems-matter',
        prompt: 'Which of those problems matters most to you right now?',
        rule: 'socrates-8a/recognition-agreed',
      },
      {
        id: 'evoke-ability',
        prompt: 'If you decided to make a change in your drinking, how might you go about it?',
        rule: 'socrates-8a/recognition-agreed',
      },
    ]);
  });

  it('reflects and evokes when ambivalence is high; both sides only with the neutral style, labelled', () => {
    const responses = withSums({ recognition: 32, ambivalence: 17, takingSteps: 30 });

    expect(ids(socrates8d, responses)).toEqual([
      'reflect-wondering',
      'evoke-wondering',
      'reflect-sees-problems',
      'evoke-problems-matter',
      'evoke-ability',
    ]);
    const neutral = socrates8d.score({ instrument: 'socrates-8d', responses }, { style: 'neutral', targetBehavior: 'stimulants' }).guidance;
    expect(neutral.slice(0, 2).map(({ prompt, style }) => ({ prompt, style }))).toEqual([
      { prompt: 'You have been wondering about your stimulant use and whether it is time for a change.', style: undefined },
      {
        prompt: 'What are the good things about your stimulant use for you, and what are the less good things?',
        style: 'neutral-exploration',
      },
    ]);
  });

  it('moves to planning when the client agrees with the Taking Steps statements, whatever the decile (32: decile 40)', () => {
    const responses = { ...withSums({ recognition: 32, ambivalence: 15 }), ...agreeAll('takingSteps', 4) };
    const result = score(socrates8a, responses);

    expect((result.interpretation['deciles'] as Record<Scale, number>).takingSteps).toBe(40);
    expect(result.guidance.map(({ id, kind, process, phase }) => [id, kind, process, phase])).toEqual([
      ['affirm-steps-taken', 'affirmation', 'planning', 'strengthening-commitment'],
      ['plan-steps-so-far', 'open-question', 'planning', 'strengthening-commitment'],
      ['plan-keep-going', 'open-question', 'planning', 'strengthening-commitment'],
      ['plan-who-helps', 'open-question', 'planning', 'strengthening-commitment'],
    ]);
    expect(result.guidance[0]?.prompt).toBe('You have already started making changes in your drinking, and that takes real effort.');
  });

  it('evokes need and ability for the worked example (recognition agreed, taking steps not)', () => {
    expect(ids(socrates8a, answers(EXAMPLE))).toEqual(['reflect-sees-problems', 'evoke-problems-matter', 'evoke-ability']);
  });

  it('explores values when no rule applies (taking steps unanswered)', () => {
    const responses = withSums({ recognition: 32, ambivalence: 15 });
    for (const item of KEY.takingSteps) delete responses[String(item)];

    expect(score(socrates8a, responses).guidance).toEqual([
      {
        id: 'evoke-values',
        prompt: 'How does your drinking fit with the things that matter most to you?',
        kind: 'open-question',
        principle: 'develop-discrepancy',
        process: 'evoking',
        phase: 'building-motivation',
        evokes: 'reasons',
        rule: 'socrates-8a/values',
      },
    ]);
  });

  it('keeps 8A about drinking whatever the target behaviour, and names the drug for 8D', () => {
    const responses = withSums({ recognition: 20, ambivalence: 15, takingSteps: 30 });
    const first = (instrument: Instrument) =>
      instrument.score({ instrument: instrument.id, responses }, { targetBehavior: 'cannabis' }).guidance[0]?.prompt;

    expect(first(socrates8a)).toBe('How do you see your drinking at the moment?');
    expect(first(socrates8d)).toBe('How do you see your cannabis use at the moment?');
  });
});

describe('SOCRATES catalog', () => {
  it.each(['socrates-8a', 'socrates-8d'])('%s ships the public-domain item wording and the decile table', (id) => {
    const catalog = getInstrument(id)!.catalog;
    const items = catalog['items'] as Array<{ id: string; text?: string; scored: boolean }>;

    expect(catalog['licence']).toEqual(expect.objectContaining({ status: 'public-domain', itemText: true }));
    expect(items).toHaveLength(19);
    expect(items.every((i) => typeof i.text === 'string' && i.text.length > 10 && i.scored)).toBe(true);
    expect(catalog['norms']).toMatchObject({ id: 'project-match-deciles', statistic: 'decile', sample: 'alcohol-sample' });
    const norms = (catalog['norms'] as { scales: Record<Scale, Array<{ value: number; min: number; max: number }>> }).scales;
    for (const scale of Object.keys(TABLE) as Scale[]) {
      expect(norms[scale].map((r) => [r.value, r.min, r.max])).toEqual(TABLE[scale]);
    }
  });

  it('carries the CASAA wording of 8A item 1 and 8D item 17', () => {
    const text = (id: string, item: number) => (getInstrument(id)!.catalog['items'] as Array<{ text: string }>)[item - 1]!.text;

    expect(text('socrates-8a', 1)).toBe('I really want to make changes in my drinking.');
    expect(text('socrates-8d', 17)).toBe('I am a drug addict.');
  });

  it('labels the 8D deciles as alcohol-sample norms', () => {
    expect(getInstrument('socrates-8d')!.catalog['notes']).toEqual([
      expect.stringMatching(/^Alcohol-sample norms:/),
      expect.stringContaining('In primary care'),
    ]);
  });

  it.each(['socrates-8a', 'socrates-8d'])('%s quotes the CASAA notice and says how the norms were drawn', (id) => {
    const catalog = getInstrument(id)!.catalog;

    expect(catalog.licence.note).toContain('"It is a public domain instrument and may be used without special permission."');
    expect(catalog.licence.note).toContain('"These instruments are provided for research uses only."');
    expect(catalog.norms?.description).toContain('relative to people already presenting for alcohol treatment');
  });
});
