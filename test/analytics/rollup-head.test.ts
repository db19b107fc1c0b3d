import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Counters,
  headOf,
  periodMonths,
  pointOrder,
  type RollupPoint,
  type SubjectPeriod,
  subjectCounters,
  withoutPoint,
  withPoint,
} from '../../packages/analytics/rollup';
import { getInstrument } from '../../packages/instruments';
import { subjectPeriodKey, subjectPointKey, subjectPointRange } from '../../packages/store/rollup-keys';

/**
 * The counting of the records that kept every point, as it was (the meaning of the stored
 * counters): the bounded head must add exactly this.
 */
function countersOfAllPoints(instrumentId: string, points: RollupPoint[]): Counters {
  const sorted = [...points].sort((a, b) => (pointOrder(a) < pointOrder(b) ? -1 : 1));
  const first = sorted[0];
  const latest = sorted.at(-1);
  if (!first || !latest) return {};
  const out: Counters = { subjects: 1 };
  for (const p of sorted) for (const s of Object.keys(p.scores)) out[`u:${s}`] = 1;
  for (const [path, value] of Object.entries(latest.categories)) out[`k:${path}=${value}`] = 1;
  if (sorted.length < 2) return out;
  out['d:n'] = 1;
  for (const [s, last] of Object.entries(latest.scores)) {
    const start = first.scores[s];
    if (start === undefined) continue;
    out[`d:c:${s}`] = 1;
    out[`d:s:${s}`] = last - start;
    out[`d:q:${s}`] = (last - start) ** 2;
  }
  const outcome = getInstrument(instrumentId)!.outcome!;
  const [start, last] = [first.scores[outcome.score], latest.scores[outcome.score]];
  if (start !== undefined && last !== undefined) {
    const gain = outcome.better === 'higher' ? last - start : start - last;
    out[`o:${gain > 0 ? 'improved' : gain < 0 ? 'worse' : 'unchanged'}`] = 1;
  }
  return out;
}

const point = fc.record({
  day: fc.integer({ min: 1, max: 28 }),
  at: fc.integer({ min: 0, max: 3 }),
  importance: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  readiness: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  band: fc.constantFrom('low', 'moderate', 'high'),
});
/** A create (a new point) or a delete (of the existing point at this fraction of the list). */
const step = fc.oneof(
  point.map((p) => ({ create: p })),
  fc.double({ min: 0, max: 0.999, noNaN: true }).map((at) => ({ remove: at })),
);

describe('the bounded subject-period head', () => {
  it('adds exactly what a record of every point added, through any creates and deletes', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let points: RollupPoint[] = [];
        let head: SubjectPeriod | undefined;
        steps.forEach((s, n) => {
          if ('create' in s) {
            const { day, at, importance, readiness, band } = s.create;
            const scores: Record<string, number> = {};
            if (importance !== undefined) scores.importance = importance;
            if (readiness !== undefined) scores.readiness = readiness;
            const p = {
              id: `asm_${n}`,
              administeredOn: `2026-11-${String(day).padStart(2, '0')}`,
              createdAt: `2026-11-29T10:0${at}:00.000Z`,
              scores,
              categories: { 'bands.importance': band },
            };
            points = [...points, p];
            head = withPoint(head, p);
          } else if (points.length > 0) {
            const victim = points[Math.floor(s.remove * points.length)]!;
            points = points.filter((p) => p.id !== victim.id);
            // What the store reads from the point items: the neighbours in order.
            const sorted = [...points].sort((a, b) => (pointOrder(a) < pointOrder(b) ? -1 : 1));
            head = withoutPoint(head, victim, { first: sorted[0], latest: sorted.at(-1) });
          }
          expect(subjectCounters(getInstrument('readiness-ruler')!.outcome, head)).toEqual(countersOfAllPoints('readiness-ruler', points));
          expect(head).toEqual(headOf(points));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('stays two points and one number per score however many points it counts', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({
      id: `asm_${i}`,
      administeredOn: '2026-11-20',
      createdAt: new Date(Date.UTC(2026, 10, 20) + i * 1000).toISOString(),
      scores: { importance: i % 11, readiness: (i * 3) % 11 },
      categories: { 'bands.importance': 'high' },
    }));

    const head = headOf(many)!;

    expect([head.count, head.first.id, head.latest.id, head.scored]).toEqual([
      5000,
      'asm_0',
      'asm_4999',
      { importance: 5000, readiness: 5000 },
    ]);
    expect(JSON.stringify(head).length).toBeLessThan(600);
  });

  it('drops a score once no point has it, so its subject count falls back to 0', () => {
    const a = { id: 'a', administeredOn: '2026-11-01', createdAt: 'x', scores: { confidence: 3 }, categories: {} };
    const b = { id: 'b', administeredOn: '2026-11-02', createdAt: 'x', scores: { importance: 4 }, categories: {} };

    const head = withoutPoint(withPoint(withPoint(undefined, a), b), a, { first: b });

    expect(head).toEqual({ count: 1, first: b, latest: b, scored: { importance: 1 } });
    expect(subjectCounters(getInstrument('readiness-ruler')!.outcome, head)).toEqual({ subjects: 1, 'u:importance': 1 });
  });
});

describe('periodMonths and subjectPointRange', () => {
  it.each([
    ['2026-Q1', 'quarter', ['2026-01', '2026-03']],
    ['2026-Q4', 'quarter', ['2026-10', '2026-12']],
    ['2026-07', 'month', ['2026-07', '2026-07']],
  ] as const)('bound %s by its first and last month', (period, kind, months) => {
    expect(periodMonths(period, kind)).toEqual(months);
  });

  it('holds every point of the quarter and no other point, nor a head', () => {
    const range = subjectPointRange('demo', 'sub_1_x', 'urica', '2026-10', '2026-12');
    const sk = (instrument: string, day: string) =>
      subjectPointKey('demo', 'sub_1_x', instrument, day, '2027-01-01T00:00:00.000Z', 'asm_zz').SK;
    const inside = (key: string) => key >= range.from && key <= range.to;

    expect(['2026-10-01', '2026-11-15', '2026-12-31'].map((d) => inside(sk('urica', d)))).toEqual([true, true, true]);
    expect(['2026-09-30', '2027-01-01', '2025-12-31'].map((d) => inside(sk('urica', d)))).toEqual([false, false, false]);
    expect(inside(sk('urica-x', '2026-11-15'))).toBe(false);
    expect((['M', 'Q'] as const).map((tag) => inside(subjectPeriodKey('demo', 'sub_1_x', 'urica', tag, '2026-11').SK))).toEqual([
      false,
      false,
    ]);
  });
});
