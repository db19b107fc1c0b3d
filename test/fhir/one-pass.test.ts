import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScoreRequest } from '../../packages/api/schemas';
import { ValidationError } from '../../packages/domain/errors';
import { CODE_SYSTEM_URL } from '../../packages/fhir/canonical';
import { scoreExpressions } from '../../packages/fhir/questionnaire';
import { parseQuestionnaireResponse } from '../../packages/fhir/questionnaire-response';
import { plainOwnAnswers } from '../../packages/fhir/response-answers';
import { instruments } from '../../packages/instruments/index';
import { canonicalOf, coded, ourResponse } from './qr-fixtures';

const noMaps = { formMap: async () => undefined, now: new Date('2026-11-25T12:00:00Z') };

/** The outcome of a parse, comparable: what it read and where each answer is placed, or the error it raised. */
async function outcome(body: unknown, onePass: boolean) {
  try {
    const parsed = await parseQuestionnaireResponse(body, { ...noMaps, onePass });
    // why: only the one-pass reading hands on a proven request (checked in the test below).
    const { locate, scoreRequest: _proven, ...rest } = parsed;
    const items = Object.keys(parsed.input.responses as Record<string, number>);
    const placed = locate(
      new ValidationError(
        [...items, 'nowhere'].map((i) => ({ path: `responses.${i}`, message: 'm' })),
        'unprocessable',
      ),
    );
    return { ok: rest, places: placed.errors.map((e) => e.path) };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { error: { kind: error.kind, errors: error.errors } };
  }
}

/**
 * Items of a response to an item instrument's Questionnaire: its items answered (coded, with or
 * without the weights a renderer copies along, or as integers), and now and then something the
 * one-pass reading leaves to the walk: a value out of range, a foreign code, free text, a
 * second answer, an item twice, an unknown or calculated item, a group, a modifier extension.
 */
function items(id: string) {
  const d = instruments.find((i) => i.id === id)!.definition!;
  const { min, max } = d.responseScale;
  const scores = Object.keys(scoreExpressions(d));
  const value = fc.oneof({ weight: 30, arbitrary: fc.integer({ min, max }) }, fc.constantFrom(min - 1, max + 1));
  const answer = fc.oneof(
    { weight: 6, arbitrary: value.map((v) => coded(id, v)) },
    { weight: 3, arbitrary: value.map((v) => ({ valueInteger: v })) },
    { weight: 1, arbitrary: value.map((v) => ({ valueCoding: { system: `${CODE_SYSTEM_URL}x`, code: `${id}/answer/${v}` } })) },
    { weight: 1, arbitrary: fc.constant({ valueString: 'free text' }) },
    { weight: 1, arbitrary: value.map((v) => ({ valueInteger: v, valueString: 'both' })) },
    { weight: 1, arbitrary: value.map((v) => ({ ...coded(id, v), modifierExtension: [{ url: 'x' }] })) },
    { weight: 1, arbitrary: value.map((v) => ({ ...coded(id, v), item: [{ linkId: 'nested' }] })) },
  );
  const answers = fc.oneof(
    { weight: 12, arbitrary: answer.map((a) => [a]) },
    fc.constant([]),
    fc.array(answer, { minLength: 2, maxLength: 2 }),
  );
  const linkId = fc.oneof({ weight: 16, arbitrary: fc.constantFrom(...d.items.map((i) => i.id)) }, fc.constantFrom('unknown', ...scores));
  const item = fc.oneof(
    { weight: 20, arbitrary: fc.record({ linkId, text: fc.constant('wording'), answer: answers }, { requiredKeys: ['linkId'] }) },
    { weight: 1, arbitrary: fc.record({ linkId, answer: answers, modifierExtension: fc.constant([{ url: 'x' }]) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        linkId: fc.constant('group'),
        item: fc.constant([{ linkId: d.items[0]!.id, answer: [{ valueInteger: min }] }]),
      }),
    },
  );
  // Plain answers (each item once, coded or an integer), with now and then one item changed or added.
  const plain = fc
    .shuffledSubarray(
      d.items.map((i) => i.id),
      { minLength: 0 },
    )
    .chain((ids) =>
      fc.tuple(
        ...ids.map((linkId) =>
          fc
            .oneof(
              fc.integer({ min, max }).map((v) => coded(id, v)),
              fc.integer({ min, max }).map((v) => ({ valueInteger: v })),
            )
            .map((a) => ({ linkId, answer: [a] })),
        ),
      ),
    );
  return fc
    .tuple(plain, fc.array(item, { maxLength: 2 }), fc.nat())
    .map(([list, odd, at]) =>
      odd.length === 0 ? list : [...list.slice(0, at % (list.length + 1)), ...odd, ...list.slice(at % (list.length + 1))],
    );
}

const itemInstruments = instruments.filter((i) => i.definition).map((i) => i.id);

describe('reading plain answers in one pass', () => {
  it.each(itemInstruments)('%s: reads exactly what the full walk reads, places included, or leaves the response to it', async (id) => {
    let plain = 0;
    await fc.assert(
      // Mostly our current version, now and then an old one (never read in one pass).
      fc.asyncProperty(items(id), fc.constantFrom(true, true, true, false), async (list, current) => {
        const body = ourResponse(id, {}, { item: list, ...(current ? {} : { questionnaire: `${canonicalOf(id)}.9` }) });
        if (plainOwnAnswers(body.questionnaire, body.item, 200)) plain++;
        expect(await outcome(body, true)).toEqual(await outcome(body, false));
      }),
      { numRuns: 150 },
    );
    // The one-pass reading is taken often enough for the comparison to mean something.
    expect(plain).toBeGreaterThan(15);
  });

  it.each(itemInstruments)('%s: what it proves a valid score request is one, exactly as /v1/score validates it', async (id) => {
    const minAnswered = instruments.find((i) => i.id === id)!.definition!.minAnswered ?? 0;
    const seen = { valid: 0, tooFew: 0 };
    await fc.assert(
      fc.asyncProperty(items(id), async (list) => {
        const body = ourResponse(id, {}, { item: list });
        const plain = plainOwnAnswers(body.questionnaire, body.item, 200);
        if (!plain) return;
        const checked = parseScoreRequest(plain.input);
        expect(checked.success).toBe(plain.valid);
        if (plain.valid) expect(checked.data).toEqual(plain.input);
        seen[plain.valid ? 'valid' : 'tooFew']++;
        // The parsed response hands the request on only when it is proven valid; else it is validated.
        const parsed = await parseQuestionnaireResponse(body, noMaps);
        expect(parsed.scoreRequest).toEqual(plain.valid ? plain.input : undefined);
      }),
      { numRuns: 150 },
    );
    expect(seen.valid).toBeGreaterThan(15);
    // An instrument that needs answers is seen refused for too few (an empty response, at least).
    if (minAnswered > 0) expect(seen.tooFew).toBeGreaterThan(0);
  });

  it('leaves to the walk every response that is not plain answers to our current version', () => {
    const answered = [{ linkId: '1', answer: [coded('rcq', 1)] }];
    expect(plainOwnAnswers(canonicalOf('rcq'), answered, 200)?.input).toEqual({ instrument: 'rcq', responses: { '1': 1 } });
    for (const [questionnaire, list] of [
      [`${canonicalOf('rcq')}|x`, answered],
      [canonicalOf('rcq').split('|')[0]!, answered],
      [canonicalOf('decisional-balance'), answered],
      ['http://ehr.example/Questionnaire/rcq|1', answered],
      [canonicalOf('rcq'), [...answered, { linkId: '1', answer: [coded('rcq', 1)] }]],
      [canonicalOf('rcq'), [{ linkId: 'note', answer: [{ valueString: 'text' }] }]],
      [canonicalOf('rcq'), Array.from({ length: 201 }, () => ({ linkId: '1' }))],
      [canonicalOf('rcq'), { linkId: '1' }],
    ] as const) {
      expect(plainOwnAnswers(questionnaire, list, 200)).toBeUndefined();
    }
  });
});
