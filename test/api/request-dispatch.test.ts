import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessmentRequest, parseAssessmentRequest, parseScoreRequest, scoreRequest } from '../../packages/api/schemas';
import { instruments } from '../../packages/instruments/index';

/**
 * The request routes parse with `parseAssessmentRequest` / `parseScoreRequest`, which build only
 * the named instrument's schema. They must answer exactly as the discriminated unions the OpenAPI
 * document shows: the same data, or the same issues.
 */

const ids = instruments.map((i) => i.id);
const itemIds = [...new Set(instruments.flatMap((i) => (i.catalog as { items: { id: string }[] }).items.map((item) => item.id)))];

const answer = fc.oneof(
  fc.integer({ min: -2, max: 12 }),
  fc.double({ noNaN: true, min: -1, max: 8 }),
  fc.constantFrom('3', null, true),
  fc.array(fc.record({ label: fc.string({ maxLength: 3 }), weight: fc.integer({ min: 0, max: 6 }) }, { requiredKeys: [] }), {
    maxLength: 3,
  }),
);

const body = fc.record(
  {
    instrument: fc.oneof(fc.constantFrom(...ids), fc.constantFrom('nope', '', '__proto__'), fc.constantFrom(1, null)),
    subject: fc.oneof(fc.record({ ref: fc.string({ maxLength: 4 }) }), fc.constant({ ref: 'r', extra: 1 }), fc.constant('r')),
    administeredOn: fc.constantFrom('2026-11-20', '2026-13-01', 'yesterday'),
    targetBehavior: fc.constantFrom('alcohol', 'tobacco', 'free text'),
    scale: fc.constantFrom('1-10', '0-10', 'x'),
    responses: fc.oneof(fc.dictionary(fc.constantFrom(...itemIds, 'zz'), answer, { maxKeys: 8 }), fc.constant('none')),
    note: fc.string({ maxLength: 3 }),
  },
  { requiredKeys: ['instrument'] },
);

const anything = fc.oneof(body, fc.constantFrom(null, 'text', 7, [] as unknown[], [{ instrument: 'rcq' }]));

const outcome = (result: { success: boolean; data?: unknown; error?: { issues: unknown[] } }) =>
  result.success ? { success: true, data: result.data } : { success: false, issues: result.error!.issues };

describe('request parsing by instrument', () => {
  it('gives exactly what the assessment union gives, for any body', () => {
    fc.assert(
      fc.property(anything, (b) => {
        expect(outcome(parseAssessmentRequest(b))).toEqual(outcome(assessmentRequest.safeParse(b)));
      }),
      { numRuns: 600, seed: 20261126 },
    );
  });

  it('gives exactly what the score union gives, for any body', () => {
    fc.assert(
      fc.property(anything, (b) => {
        expect(outcome(parseScoreRequest(b))).toEqual(outcome(scoreRequest.safeParse(b)));
      }),
      { numRuns: 600, seed: 20261126 },
    );
  });

  it('accepts a valid body and reports an unknown instrument as the union does', () => {
    const valid = {
      instrument: 'readiness-ruler',
      subject: { ref: 'r-1' },
      administeredOn: '2026-11-20',
      responses: { importance: 7, confidence: 3, readiness: 5 },
    };
    const unknown = parseAssessmentRequest({ ...valid, instrument: 'urica-x' });

    expect(parseAssessmentRequest(valid)).toEqual({ success: true, data: valid });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues.map((i) => [i.code, i.path])).toEqual([['invalid_union', ['instrument']]]);
  });
});
