import { describe, expect, it } from 'vitest';
import { decisionalBalance } from '../../packages/instruments/decisional-balance';
import { decisionalBalanceAlcohol } from '../../packages/instruments/decisional-balance-alcohol';
import { decisionalBalanceSmokingShort } from '../../packages/instruments/decisional-balance-smoking-short';
import { instruments } from '../../packages/instruments/index';
import { readinessRuler } from '../../packages/instruments/readiness-ruler';
import type { Instrument } from '../../packages/instruments/types';
import { toFieldErrors, UNKNOWN_FIELD } from '../../packages/instruments/validation';

const SECRET = 'Jane-Doe-MRN-55501';

const issuesOf = (instrument: Instrument, body: unknown) => {
  const parsed = instrument.inputSchema.safeParse(body);
  expect(parsed.success).toBe(false);
  return parsed.error?.issues ?? [];
};

const shortForm = (responses: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  instrument: 'decisional-balance-smoking-short',
  responses,
  ...extra,
});

describe('item instrument inputSchema', () => {
  it('accepts in-range integers and allows missing items', () => {
    expect(decisionalBalanceSmokingShort.inputSchema.safeParse(shortForm({ '1': 1, '6': 5 })).success).toBe(true);
    expect(decisionalBalanceSmokingShort.inputSchema.safeParse(shortForm({})).success).toBe(true);
  });

  it.each([
    ['above the range', 987654, 'too_big'],
    ['below the range', 0, 'too_small'],
    ['not an integer', 2.5, 'invalid_type'],
    ['a string', SECRET, 'invalid_type'],
    ['null', null, 'invalid_type'],
  ])('rejects an answer %s with one issue at the item path and no submitted value in the message', (_case, value, code) => {
    const issues = issuesOf(decisionalBalanceSmokingShort, shortForm({ '3': value }));

    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe(code);
    expect(issues[0]?.path).toEqual(['responses', '3']);
    expect(issues[0]?.message).not.toContain('987654');
    expect(issues[0]?.message).not.toContain(SECRET);
    expect(issues[0]?.message).not.toContain('2.5');
  });

  it('keeps the default zod bound message, which names the bound only', () => {
    const [issue] = issuesOf(decisionalBalanceAlcohol, { instrument: 'decisional-balance-alcohol', responses: { '7': 987654 } });

    expect(issue?.message).toBe('Too big: expected number to be <=5');
  });

  it('reports unknown item ids as one unrecognized_keys issue at ["responses"] that counts them and names none', () => {
    const issues = issuesOf(decisionalBalanceSmokingShort, shortForm({ '1': 3, '7': 2, [SECRET]: 987654 }));

    expect(issues).toEqual([{ code: 'unrecognized_keys', keys: ['7', SECRET], path: ['responses'], message: '2 unknown item ids.' }]);
  });

  it('turns each issue into one field error at a path of defined keys only', () => {
    const issues = issuesOf(decisionalBalanceSmokingShort, shortForm({ '7': 2, '8': 987654, '2': 9 }));

    expect(toFieldErrors(issues)).toEqual([
      { path: 'responses.2', message: 'Too big: expected number to be <=5' },
      { path: 'responses', message: '2 unknown item ids.' },
    ]);
  });

  it('rejects an unknown top-level field with a fixed message at the root', () => {
    const issues = issuesOf(decisionalBalanceSmokingShort, shortForm({}, { note: SECRET }));

    expect(issues).toEqual([{ code: 'unrecognized_keys', keys: ['note'], path: [], message: UNKNOWN_FIELD }]);
    expect(toFieldErrors(issues)).toEqual([{ path: '', message: UNKNOWN_FIELD }]);
  });

  it('counts thousands of unknown keys in one short message', () => {
    const many = Object.fromEntries(Array.from({ length: 7000 }, (_, i) => [`k${i}`, 1]));
    const issues = issuesOf(decisionalBalanceSmokingShort, shortForm(many, many));

    expect(toFieldErrors(issues)).toEqual([
      { path: 'responses', message: '7000 unknown item ids.' },
      { path: '', message: '7000 unknown fields.' },
    ]);
  });

  it('rejects a body for another instrument at the instrument path', () => {
    const issues = issuesOf(decisionalBalanceSmokingShort, { instrument: 'urica', responses: {} });

    expect(issues.map((i) => i.path)).toEqual([['instrument']]);
  });

  it.each(instruments.map((i) => [i.id, i] as const))('%s: no message ever contains a submitted value', (_id, instrument) => {
    const issues =
      instrument.inputSchema.safeParse({
        instrument: instrument.id,
        responses: { [SECRET]: 987654, '1': 987654, importance: 987654, benefitsOfChange: [{ label: SECRET, weight: 987654, x: 1 }] },
        [SECRET]: SECRET,
      }).error?.issues ?? [];

    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue.message).not.toContain('987654');
      expect(issue.message).not.toContain(SECRET);
    }
  });
});

describe('readiness-ruler inputSchema', () => {
  const ruler = (responses: Record<string, unknown>, scale?: unknown) => ({
    instrument: 'readiness-ruler',
    responses,
    ...(scale === undefined ? {} : { scale }),
  });

  it('accepts 0 on the default 0-10 scale', () => {
    expect(readinessRuler.inputSchema.safeParse(ruler({ importance: 0 })).success).toBe(true);
    expect(readinessRuler.inputSchema.safeParse(ruler({ importance: 0 }, '0-10')).success).toBe(true);
  });

  it('rejects 0 on the 1-10 scale at the ruler path', () => {
    const issues = issuesOf(readinessRuler, ruler({ importance: 5, confidence: 0 }, '1-10'));

    expect(issues).toEqual([
      expect.objectContaining({ code: 'too_small', path: ['responses', 'confidence'], message: 'Too small: expected number to be >=1' }),
    ]);
  });

  it('requires at least one ruler, reported at ["responses"]', () => {
    const issues = issuesOf(readinessRuler, ruler({}));

    expect(issues).toEqual([
      expect.objectContaining({ code: 'custom', path: ['responses'], message: 'At least one item must be answered.' }),
    ]);
  });

  it('rejects an unknown scale variant without echoing it', () => {
    const issues = issuesOf(readinessRuler, ruler({ importance: 5 }, SECRET));

    expect(issues.map((i) => i.path)).toEqual([['scale']]);
    expect(issues[0]?.message).not.toContain(SECRET);
  });

  it('rejects 11 at the ruler path', () => {
    expect(issuesOf(readinessRuler, ruler({ readiness: 11 })).map((i) => i.path)).toEqual([['responses', 'readiness']]);
  });
});

describe('decisional-balance worksheet inputSchema', () => {
  const sheet = (responses: Record<string, unknown>) => ({ instrument: 'decisional-balance', responses });

  it('accepts labelled and weighted entries, empty lists and absent lists', () => {
    const body = sheet({ benefitsOfChange: [{ label: 'x'.repeat(200), weight: 5 }, {}], costsOfChange: [] });

    expect(decisionalBalance.inputSchema.safeParse(body).success).toBe(true);
  });

  it.each([
    [
      'a label over 200 characters',
      { benefitsOfChange: [{ label: 'y'.repeat(201) }] },
      ['responses', 'benefitsOfChange', 0, 'label'],
      'too_big',
    ],
    ['a weight of 6', { costsOfChange: [{}, { weight: 987654 }] }, ['responses', 'costsOfChange', 1, 'weight'], 'too_big'],
    ['a fractional weight', { costsOfChange: [{ weight: 2.5 }] }, ['responses', 'costsOfChange', 0, 'weight'], 'invalid_type'],
    ['51 entries', { costsOfStatusQuo: Array.from({ length: 51 }, () => ({})) }, ['responses', 'costsOfStatusQuo'], 'too_big'],
    ['an unknown entry field', { benefitsOfStatusQuo: [{ note: SECRET }] }, ['responses', 'benefitsOfStatusQuo', 0], 'unrecognized_keys'],
    ['an unknown list', { reasons: [] }, ['responses'], 'unrecognized_keys'],
  ])('rejects %s at its path', (_case, responses, path, code) => {
    const issues = issuesOf(decisionalBalance, sheet(responses));

    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toEqual(path);
    expect(issues[0]?.code).toBe(code);
    expect(issues[0]?.message).not.toContain(SECRET);
    expect(issues[0]?.message).not.toContain('987654');
  });
});
