import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { administeredOnErrors, isCalendarDay } from '../../packages/api/assessments';

/** The rule isCalendarDay stands for: the day survives a round trip through a UTC Date unchanged. */
const roundTrips = (day: string) => {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day;
};

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Strings shaped like days, real or not: years 0–9999, months 0–13, dates 0–32. */
const dayLike = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);

describe('isCalendarDay', () => {
  it('agrees with a Date round trip on day-shaped strings and on any string', () => {
    fc.assert(
      fc.property(fc.oneof(dayLike, fc.string({ maxLength: 12 })), (day) => {
        expect(isCalendarDay(day)).toBe(roundTrips(day));
      }),
      { numRuns: 5000 },
    );
  });

  it('knows the leap years: every fourth, not centuries, but every fourth century', () => {
    expect(['2024-02-29', '2000-02-29', '1600-02-29', '0000-02-29'].map(isCalendarDay)).toEqual([true, true, true, true]);
    expect(['2026-02-29', '1900-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-01'].map(isCalendarDay)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('administeredOnErrors', () => {
  const now = new Date('2026-11-25T23:30:00Z');
  it('allows tomorrow (UTC) and refuses the day after, a day before 1900 and a day not on the calendar', () => {
    expect(administeredOnErrors('2026-11-26', now)).toEqual([]);
    expect(administeredOnErrors('1900-01-01', now)).toEqual([]);
    expect(administeredOnErrors('2026-11-27', now)).toEqual([{ path: 'administeredOn', message: 'Must not be in the future.' }]);
    expect(administeredOnErrors('1899-12-31', now)).toEqual([{ path: 'administeredOn', message: 'Must not be before 1900-01-01.' }]);
    expect(administeredOnErrors('2026-02-30', now)).toEqual([{ path: 'administeredOn', message: 'Not a calendar date.' }]);
  });
});
