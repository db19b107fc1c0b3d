import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { determinedCells, type LinkedCell, linkedComplement } from '../../packages/analytics/linked-suppression';
import { determined } from '../support/linear';

/**
 * A network of clinics over one quarter, as the network view lays it out: per owner (each clinic
 * and the network `*`) three months and the quarter; relations: each owner's quarter = its months,
 * each period's network figure = its clinics'.
 */
function network(assessments: Record<string, [number, number, number]>, primary: (n: number) => boolean = (n) => n > 0 && n <= 10) {
  const clinics = Object.keys(assessments);
  const months = ['m1', 'm2', 'm3'];
  const value = new Map<string, number>();
  for (const c of clinics) {
    for (const [i, m] of months.entries()) value.set(`${c}|${m}`, assessments[c]![i]!);
    value.set(
      `${c}|q`,
      assessments[c]!.reduce((a, b) => a + b, 0),
    );
  }
  for (const p of [...months, 'q'])
    value.set(
      `*|${p}`,
      clinics.reduce((sum, c) => sum + value.get(`${c}|${p}`)!, 0),
    );
  const cells = new Map<string, LinkedCell>([...value].map(([k, n]) => [k, { hidden: primary(n), assessments: n }]));
  const relations = [
    ...[...clinics, '*'].map((o) => [`${o}|q`, ...months.map((m) => `${o}|${m}`)]),
    ...[...months, 'q'].map((p) => [`*|${p}`, ...clinics.map((c) => `${c}|${p}`)]),
  ];
  return { cells, relations, value };
}

describe('determinedCells', () => {
  it('finds a hidden cell that one sum gives away, and one that two sums give away together', () => {
    expect(determinedCells([['t', 'a', 'b']], new Set(['a']))).toEqual(['a']);
    expect(determinedCells([['t', 'a', 'b']], new Set(['a', 'b']))).toEqual([]);
    // t = a + b and u = a + c with a, b, c hidden: nothing alone; with u = c + d, d published, c is known, then a, then b.
    expect(
      determinedCells(
        [
          ['t', 'a', 'b'],
          ['u', 'a', 'c'],
        ],
        new Set(['a', 'b', 'c']),
      ),
    ).toEqual([]);
    expect(
      determinedCells(
        [
          ['t', 'a', 'b'],
          ['u', 'a', 'c'],
          ['v', 'c', 'd'],
        ],
        new Set(['a', 'b', 'c']),
      ).sort(),
    ).toEqual(['a', 'b', 'c']);
  });
});

describe('linkedComplement', () => {
  it('acts as complementOf on a single sum', () => {
    const cells = new Map<string, LinkedCell>([
      ['total', { hidden: false, assessments: 33 }],
      ['a', { hidden: true, assessments: 3 }],
      ['b', { hidden: false, assessments: 10 }],
      ['c', { hidden: false, assessments: 20 }],
    ]);

    expect([...linkedComplement(cells, [['total', 'a', 'b', 'c']])].sort()).toEqual(['a', 'b']);
  });

  it('keeps a month hidden for the network from coming back through the same clinic’s quarter', () => {
    // Y has 3 assessments in m1 (a small cell); X is hidden in m1 as its complement in the network
    // month. Without linking, X's quarter and X's other months would give X|m1, and then Y|m1.
    const { cells, relations } = network({ X: [20, 30, 40], Y: [3, 15, 15] });

    const hidden = linkedComplement(cells, relations);

    expect([...hidden].sort()).toEqual(['X|m1', 'X|m2', 'Y|m1', 'Y|m2']);
    expect(determined(relations, hidden)).toEqual([]);
  });

  it('leaves a network with no small cell untouched', () => {
    const { cells, relations } = network({ X: [20, 30, 40], Y: [13, 15, 15], Z: [0, 0, 0] });

    expect(linkedComplement(cells, relations)).toEqual(new Set());
  });

  it('never leaves a hidden figure that the published ones determine (random networks)', () => {
    const month = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 11, max: 60 }));
    const clinic = fc.tuple(month, month, month);
    fc.assert(
      fc.property(fc.array(clinic, { minLength: 2, maxLength: 5 }), (rows) => {
        const { cells, relations } = network(Object.fromEntries(rows.map((r, i) => [`c${i}`, r])));
        const hidden = linkedComplement(cells, relations);
        // Empty cells are published as 0 and known to be 0; hidden ones must stay unknown.
        const unknown = new Set([...hidden].filter((k) => cells.get(k)!.assessments > 0));
        expect(determined(relations, unknown)).toEqual([]);
      }),
      { numRuns: 1000, seed: 20261126 },
    );
  });
});
