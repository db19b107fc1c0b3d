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

// The Project MATCH profile-sheet table exactly as instruments.md prints it: [decile, min, max].
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

describe('SOCRATES 8A worked example (instruments.md)', () => {
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
  it('meets low recognition with empathy and rolling with resistance, never argument or labels', () => {
    const guidance = score(socrates8a, withSums({ recognition: 20, ambivalence: 15, takingSteps: 33 })).guidance;

    expect(guidance.map((g) => g.principle)).toEqual(['express-empathy', 'roll-with-resistance', 'avoid-argument']);
    expect(guidance.map((g) => g.prompt).join(' ')).not.toMatch(/alcoholic|addict|denial|admit|you must|you should/i);
  });

  it('explores both sides when ambivalence is high', () => {
    const guidance = score(socrates8d, withSums({ recognition: 32, ambivalence: 17, takingSteps: 33 })).guidance;

    expect(guidance.map((g) => g.focus)).toEqual(['explore-both-sides', 'explore-both-sides']);
    expect(guidance[0]?.prompt).toBe('What are the good things about your drug use for you, and what are the less good things?');
  });

  it('supports self-efficacy and maintenance when taking steps is high', () => {
    const guidance = score(socrates8a, withSums({ recognition: 32, ambivalence: 15, takingSteps: 36 })).guidance;

    expect(guidance.map((g) => [g.principle, g.focus])).toEqual([
      ['support-self-efficacy', 'support-change'],
      ['support-self-efficacy', 'maintain'],
    ]);
  });

  it('asks about a first step when recognition is high but taking steps is not', () => {
    const guidance = score(socrates8a, withSums({ recognition: 35, ambivalence: 15, takingSteps: 20 })).guidance;

    expect(guidance).toEqual([
      { principle: 'support-self-efficacy', focus: 'plan', prompt: 'If you decided to make a change, what might be a first step?' },
    ]);
  });

  it('explores values when no scale is high or low (the worked example)', () => {
    expect(score(socrates8a, answers(EXAMPLE)).guidance).toEqual([
      {
        principle: 'develop-discrepancy',
        focus: 'explore-values',
        prompt: 'How does your drinking fit with the things that matter most to you?',
      },
    ]);
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
    expect(getInstrument('socrates-8d')!.catalog['notes']).toEqual([expect.stringMatching(/^Alcohol-sample norms:/)]);
  });
});
