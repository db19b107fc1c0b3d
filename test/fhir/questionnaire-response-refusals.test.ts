import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../packages/domain/errors';
import { questionnaireUrl } from '../../packages/fhir/canonical';
import { parseQuestionnaireResponse, QR_LIMITS } from '../../packages/fhir/questionnaire-response';
import { at, coded, oracleResponse, rcq, refusal, SECRETS, withOracleMap } from './qr-fixtures';

const VERSION_UNKNOWN = 'Not a version of this questionnaire that is scored here; see GET /fhir/r4/Questionnaire/rcq.';
const UNKNOWN_Q = 'Not a questionnaire this API publishes or the clinic has mapped; see GET /fhir/r4/Questionnaire.';
const ANSWER = 'Not an answer of this item: a valueCoding of its answerOption or a valueInteger from -2 to 2.';
const item = (linkId: unknown, answer: unknown) => ({ linkId, answer });

describe('parseQuestionnaireResponse refusals (400 envelope, 422 answers; never a submitted value)', () => {
  it.each<[string, unknown, 'malformed' | 'unprocessable', { path: string; message: string }[]]>([
    ['an array', [], 'malformed', [at('.resourceType', 'Must be a QuestionnaireResponse.')]],
    ['null', null, 'malformed', [at('.resourceType', 'Must be a QuestionnaireResponse.')]],
    ['another resource', { ...rcq(), resourceType: 'Patient' }, 'malformed', [at('.resourceType', 'Must be a QuestionnaireResponse.')]],
    [
      'no questionnaire',
      rcq({ questionnaire: undefined }),
      'malformed',
      [at('.questionnaire', 'Required: the canonical URL (url|version) of the questionnaire answered.')],
    ],
    [
      'a numeric questionnaire',
      rcq({ questionnaire: 7 }),
      'malformed',
      [at('.questionnaire', 'Required: the canonical URL (url|version) of the questionnaire answered.')],
    ],
    [
      'no version',
      rcq({ questionnaire: questionnaireUrl('rcq') }),
      'unprocessable',
      [at('.questionnaire', 'Name the version answered: url|version.')],
    ],
    [
      'an unknown version',
      rcq({ questionnaire: `${questionnaireUrl('rcq')}|0.0.1-${SECRETS.mrn}` }),
      'unprocessable',
      [at('.questionnaire', VERSION_UNKNOWN)],
    ],
    [
      'an unknown instrument of ours',
      rcq({ questionnaire: `${questionnaireUrl('no-such-instrument')}|1.0.0` }),
      'unprocessable',
      [at('.questionnaire', UNKNOWN_Q)],
    ],
    [
      'a form nobody mapped',
      rcq({ questionnaire: `https://ehr.example/Questionnaire/${SECRETS.mrn}` }),
      'unprocessable',
      [at('.questionnaire', UNKNOWN_Q)],
    ],
    [
      'status in-progress',
      rcq({ status: 'in-progress' }),
      'unprocessable',
      [at('.status', 'Only completed or amended responses are scored.')],
    ],
    ['no status', rcq({ status: undefined }), 'malformed', [at('.status', 'Required.')]],
    [
      'a subject with display only',
      rcq({ subject: { display: SECRETS.display } }),
      'malformed',
      [at('.subject', 'Needs an identifier (system and value) or a reference of at most 128 characters without "|".')],
    ],
    [
      'no subject',
      rcq({ subject: undefined }),
      'malformed',
      [at('.subject', 'Required: the client, as identifier (system and value) or reference.')],
    ],
    [
      'an identifier without system',
      rcq({ subject: { identifier: { value: SECRETS.mrn } } }),
      'malformed',
      [at('.subject.identifier', 'Needs a system and a value, neither containing "|".')],
    ],
    [
      'a ref over 128 characters',
      rcq({ subject: { identifier: { system: 'urn:x', value: 'v'.repeat(123) } } }),
      'malformed',
      [at('.subject.identifier', 'System and value together must be at most 127 characters.')],
    ],
    [
      'no authored',
      rcq({ authored: undefined }),
      'malformed',
      [at('.authored', 'Required: a date or dateTime naming the day (YYYY-MM-DD…).')],
    ],
    [
      'a year as authored',
      rcq({ authored: '2026' }),
      'malformed',
      [at('.authored', 'Required: a date or dateTime naming the day (YYYY-MM-DD…).')],
    ],
    [
      'a day not on the calendar',
      rcq({ authored: '2026-02-30T10:00:00Z' }),
      'malformed',
      [at('.authored', 'Required: a date or dateTime naming the day (YYYY-MM-DD…).')],
    ],
    [
      'an identifier of the wrong type',
      rcq({ identifier: [SECRETS.qrValue] }),
      'malformed',
      [at('.identifier', 'Needs a value (and optionally a system), each 1 to 256 characters.')],
    ],
    [
      'a modifier extension',
      rcq({ modifierExtension: [{ url: 'urn:x', valueString: SECRETS.freeText }] }),
      'malformed',
      [at('.modifierExtension', 'Modifier extensions are not understood here.')],
    ],
    ['items not a list', rcq({ item: { linkId: '1' } }), 'malformed', [at('.item', 'Must be a list of items.')]],
    ['an item that is a string', rcq({ item: [SECRETS.mrn] }), 'malformed', [at('.item[0]', 'Must be an item.')]],
    [
      'a numeric linkId',
      rcq({ item: [item(42, [coded('rcq', 1)])] }),
      'malformed',
      [at('.item[0].linkId', 'Required, 1 to 256 characters.')],
    ],
    ['answers not a list', rcq({ item: [item('1', coded('rcq', 1))] }), 'malformed', [at('.item[0].answer', 'Must be a list of answers.')]],
    ['an answer that is a number', rcq({ item: [item('1', [1])] }), 'malformed', [at('.item[0].answer[0]', 'Must be an answer.')]],
    [
      'two answers',
      rcq({ item: [item('1', [coded('rcq', 1), coded('rcq', 2)])] }),
      'unprocessable',
      [at('.item[0].answer', 'This item takes one answer.')],
    ],
    [
      'an answer with nested items',
      rcq({ item: [item('1', [{ ...coded('rcq', 1), item: [] }])] }),
      'unprocessable',
      [at('.item[0].answer[0]', 'Items or modifier extensions under an answer are not part of these questionnaires.')],
    ],
    [
      'one item answered twice',
      rcq({ item: [item('1', [coded('rcq', 1)]), { linkId: 'g', item: [item('1', [coded('rcq', 1)])] }] }),
      'unprocessable',
      [at('.item[1].item[0]', 'The same linkId is answered at QuestionnaireResponse.item[0].')],
    ],
    ['an out-of-range integer', rcq({ item: [item('1', [{ valueInteger: 3 }])] }), 'unprocessable', [at('.item[0].answer[0]', ANSWER)]],
    ['a decimal', rcq({ item: [item('1', [{ valueInteger: 1.5 }])] }), 'unprocessable', [at('.item[0].answer[0]', ANSWER)]],
    ['a code of another instrument', rcq({ item: [item('1', [coded('urica', 1)])] }), 'unprocessable', [at('.item[0].answer[0]', ANSWER)]],
    [
      'a code of another system',
      rcq({ item: [item('1', [{ valueCoding: { system: 'http://loinc.org', code: 'rcq/answer/1' } }])] }),
      'unprocessable',
      [at('.item[0].answer[0]', ANSWER)],
    ],
    [
      'text for a scored item',
      rcq({ item: [item('1', [{ valueString: SECRETS.freeText }])] }),
      'unprocessable',
      [at('.item[0].answer[0]', ANSWER)],
    ],
    [
      'two values in one answer',
      rcq({ item: [item('1', [{ ...coded('rcq', 1), valueInteger: 1 }])] }),
      'unprocessable',
      [at('.item[0].answer[0]', ANSWER)],
    ],
    [
      'a prototype key as linkId',
      rcq({ item: [item('__proto__', [coded('rcq', 1)]), item('constructor', [{ valueInteger: 1 }])] }),
      'unprocessable',
      [at('.item[0]', 'Not an item of this questionnaire.'), at('.item[1]', 'Not an item of this questionnaire.')],
    ],
  ])('refuses %s', async (_case, body, kind, errors) => {
    const out = await refusal(body);

    expect(out).toEqual({ kind, errors });
    expect(JSON.stringify(out)).not.toMatch(/SECRET|Secretperson|secret free text/);
  });

  it('lists every unknown linkId, each at its place, and never names it', async () => {
    const out = await refusal(
      rcq({
        item: [
          item('1', [coded('rcq', 1)]),
          item(SECRETS.mrn, [{ valueInteger: 1 }]),
          { linkId: 'g', item: [item('99', [coded('rcq', 1)])] },
        ],
      }),
    );

    expect(out).toEqual({
      kind: 'unprocessable',
      errors: [at('.item[1]', 'Not an item of this questionnaire.'), at('.item[2].item[0]', 'Not an item of this questionnaire.')],
    });
    expect(JSON.stringify(out)).not.toContain(SECRETS.mrn);
  });

  it('lists an unmapped item of a mapped form and an answer the map lacks, naming neither value', async () => {
    const body = oracleResponse({ importance: 7, readiness: 5 });
    body.item.push({ linkId: SECRETS.mrn, answer: [{ valueInteger: 3 }] } as any);
    (body.item[0] as any).item[0].answer[0].valueCoding.code = SECRETS.qrValue;

    const out = await refusal(body, withOracleMap);

    expect(out).toEqual({
      kind: 'unprocessable',
      errors: [
        at('.item[0].item[0].answer[0]', 'The clinic\'s form map has no such answer for item "7012001".'),
        at('.item[2]', "The clinic's form map has no item with this linkId."),
      ],
    });
    expect(JSON.stringify(out)).not.toMatch(/SECRET/);
  });

  it('reports envelope faults (400) together, before any answer is read', async () => {
    const out = await refusal(rcq({ status: 'draft', authored: 5, subject: 'Patient/1', item: [item('nope', [coded('rcq', 1)])] }));

    expect(out).toEqual({
      kind: 'malformed',
      errors: [
        at('.status', 'Only completed or amended responses are scored.'),
        at('.subject', 'Required: the client, as identifier (system and value) or reference.'),
        at('.authored', 'Required: a date or dateTime naming the day (YYYY-MM-DD…).'),
      ],
    });
  });

  it('bounds the walk: too many items, groups nested too deep', async () => {
    const many = rcq({ item: Array.from({ length: QR_LIMITS.items + 1 }, (_, i) => item(`x${i}`, [])) });
    let deep: Record<string, unknown> = item('1', [coded('rcq', 1)]);
    for (let i = 0; i < QR_LIMITS.depth; i += 1) deep = { linkId: `g${i}`, item: [deep] };

    expect(await refusal(many)).toEqual({ kind: 'malformed', errors: [at('.item', 'More than 200 items.')] });
    expect(await refusal(rcq({ item: [deep] }))).toEqual({
      kind: 'malformed',
      errors: [at('.item[0].item[0].item[0].item[0].item[0].item', 'Groups nest deeper than 5 levels.')],
    });
  });

  it('reads only own fields: a body whose prototype keys carry values is refused, not polluted', async () => {
    const body = JSON.parse(`{"__proto__":{"resourceType":"QuestionnaireResponse","status":"completed"},"constructor":{"prototype":{}}}`);

    expect(await refusal(body)).toEqual({ kind: 'malformed', errors: [at('.resourceType', 'Must be a QuestionnaireResponse.')] });
    expect(({} as Record<string, unknown>).status).toBeUndefined();
  });
});

/** Any JSON, every string and key marked, so an echo of submitted content can be seen. */
const marked = (value: unknown): unknown => {
  if (typeof value === 'string') return `zq9${value}zq9`;
  if (Array.isArray(value)) return value.map(marked);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [`zq9${k}`, marked(v)]));
  return value;
};
const PLACES: ((body: any, v: unknown) => void)[] = [
  (b, v) => (b.questionnaire = v),
  (b, v) => (b.status = v),
  (b, v) => (b.subject = v),
  (b, v) => (b.subject.identifier = v),
  (b, v) => (b.authored = v),
  (b, v) => (b.identifier = v),
  (b, v) => (b.item = v),
  (b, v) => (b.item[0] = v),
  (b, v) => (b.item[0].linkId = v),
  (b, v) => (b.item[0].answer = v),
  (b, v) => (b.item[0].answer[0] = v),
  (b, v) => (b.item[0].answer[0].valueCoding = v),
  (b, v) => (b.item[0].answer[0].valueCoding.code = v),
];

describe('parseQuestionnaireResponse on arbitrary JSON in any element', () => {
  it('parses or refuses with a ValidationError, never naming what was sent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: PLACES.length - 1 }), fc.jsonValue({ maxDepth: 3 }), async (place, value) => {
        const body = structuredClone(rcq());
        PLACES[place]!(body, marked(value));
        try {
          await parseQuestionnaireResponse(body, withOracleMap);
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          expect(JSON.stringify((error as ValidationError).errors)).not.toContain('zq9');
        }
      }),
      { numRuns: 400, seed: 12 },
    );
  });
});
