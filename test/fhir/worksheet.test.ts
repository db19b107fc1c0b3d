import fc from 'fast-check';
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import { describe, expect, it } from 'vitest';
import { codeSystem } from '../../packages/fhir/codes';
import { parseQuestionnaireResponse } from '../../packages/fhir/questionnaire-response';
import { worksheetExpressions, worksheetQuestionnaire } from '../../packages/fhir/worksheet-questionnaire';
import { decisionalBalance, WORKSHEET_LISTS } from '../../packages/instruments/decisional-balance';
import { at, noMaps, refusal, SECRETS, type WorksheetLists, worksheetResponse } from './qr-fixtures';
import { r4SchemaErrors } from './schema';

/** Every item of a Questionnaire, nested ones included. */
const flat = (items: any[]): any[] => items.flatMap((i) => [i, ...flat(i.item ?? [])]);

describe('worksheetQuestionnaire', () => {
  const q = worksheetQuestionnaire();

  it('validates against the R4 schema: a group per catalog list with a repeating entry group, the scores read-only', () => {
    const catalog = decisionalBalance.catalog;

    expect(r4SchemaErrors(q)).toEqual([]);
    expect([q.url, q.version]).toEqual(['https://mi-assessments.example/fhir/Questionnaire/decisional-balance', '1.1.0']);
    expect(q.item.filter((i) => !('readOnly' in i)).map((i) => [i.linkId, i.type])).toEqual(catalog.items.map((i) => [i.id, 'group']));
    expect((q.item[0] as any).item).toEqual([
      {
        linkId: 'benefitsOfChange.entry',
        text: 'One reason (at most 50)',
        type: 'group',
        repeats: true,
        item: [
          {
            linkId: 'benefitsOfChange.entry.label',
            text: "The reason, in the client's words (never stored)",
            type: 'string',
            maxLength: 200,
          },
          {
            extension: [
              { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 1 },
              { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 5 },
            ],
            linkId: 'benefitsOfChange.entry.weight',
            text: 'How much it matters, 1 (a little) to 5 (a lot)',
            type: 'integer',
          },
        ],
      },
    ]);
    expect(q.item.filter((i) => 'readOnly' in i).map((i) => [i.linkId, i.type])).toEqual([
      ...WORKSHEET_LISTS.map((l) => [`${l}-score`, 'integer']),
      ['total', 'integer'],
      ['proportion', 'decimal'],
      ['weightedProportion', 'decimal'],
    ]);
    expect(new Set(flat(q.item).map((i) => i.linkId)).size).toBe(flat(q.item).length);
    expect(q.description).toContain('none is left uncalculated');
  });

  it('uses only codes of our CodeSystem', () => {
    const codes = new Set<string>();
    const walk = (concepts: { code: string; concept?: unknown[] }[]) => {
      for (const c of concepts) {
        codes.add(c.code);
        walk((c.concept ?? []) as never);
      }
    };
    walk(codeSystem().concept);
    const used = [...q.code, ...flat(q.item).flatMap((i) => i.code ?? [])].map((c) => c.code);

    expect(used.length).toBe(1 + 4 + 7);
    expect(used.filter((c) => !codes.has(c))).toEqual([]);
  });
});

describe('worksheet calculatedExpression', () => {
  it('fhirpath.js gives exactly the engine score on random worksheets (lists missing, empty, weighted or not)', () => {
    const compiled = Object.entries(worksheetExpressions()).map(([id, e]) => [id, fhirpath.compile(e, r4)] as const);
    const entry = fc.record({ label: fc.constant('a reason'), weight: fc.integer({ min: 1, max: 5 }) }, { requiredKeys: [] });
    const list = fc.option(fc.array(entry, { maxLength: 6 }), { nil: undefined });
    const lists = fc.record(Object.fromEntries(WORKSHEET_LISTS.map((l) => [l, list])) as Record<string, typeof list>);

    fc.assert(
      fc.property(lists, (drawn) => {
        const given = Object.fromEntries(Object.entries(drawn).filter(([, v]) => v !== undefined)) as WorksheetLists;
        const engine = decisionalBalance.score({ instrument: 'decisional-balance', responses: given }).scores;
        const qr = worksheetResponse(given);
        for (const [id, run] of compiled) {
          const want = engine[id];
          expect([id, run(qr, { resource: qr })]).toEqual([id, want === null || want === undefined ? [] : [want]]);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('parseQuestionnaireResponse, worksheet', () => {
  it('reads each list group as a list: entries counted, weights kept, labels dropped, an empty group an empty list', async () => {
    const body = worksheetResponse({
      benefitsOfChange: [{ label: SECRETS.freeText, weight: 4 }],
      costsOfChange: [{}],
      benefitsOfStatusQuo: [],
    });
    // What a renderer fills in (the score items) and a comment: ignored and dropped.
    body.item.push(
      { linkId: 'benefitsOfChange-score', answer: [{ valueInteger: 9 }] } as never,
      { linkId: 'proportion', answer: [{ valueDecimal: 0.9 }] } as never,
      { linkId: 'clinician-comment', answer: [{ valueString: SECRETS.freeText }] } as never,
    );
    const parsed = await parseQuestionnaireResponse(body, noMaps);

    expect(r4SchemaErrors(body)).toEqual([]);
    expect(parsed.input).toEqual({
      instrument: 'decisional-balance',
      responses: { benefitsOfChange: [{ weight: 4 }], costsOfChange: [{}], benefitsOfStatusQuo: [] },
    });
    expect(JSON.stringify(parsed.input)).not.toContain(SECRETS.freeText);
  });

  it('refuses what is not the worksheet, at its place and echoing nothing', async () => {
    const body: any = worksheetResponse({ benefitsOfChange: [{ weight: 2 }, { weight: 3 }], costsOfChange: [] });
    body.item[0].item[1].item[0].answer = [{ valueInteger: 6 }];
    body.item.push({ linkId: 'costsOfChange' }, { linkId: 'elsewhere' });
    body.item[3].answer = [{ valueInteger: 1 }];
    body.item[1].item = [{ linkId: 'costsOfChange.entry', item: [{ linkId: 'costsOfChange.entry.label', answer: [{ valueInteger: 9 }] }] }];

    expect(await refusal(body)).toEqual({
      kind: 'unprocessable',
      errors: [
        at('.item[0].item[1].item[0].answer[0]', 'Not an answer of this item: a valueInteger from 1 to 5.'),
        at('.item[1].item[0].item[0]', 'The label takes a valueString.'),
        at('.item[2]', 'The same linkId is answered at QuestionnaireResponse.item[1].'),
        at('.item[3]', 'Not an item of this questionnaire.'),
      ],
    });
  });

  it('walks up to a full worksheet of items (611), not the 200 of the item instruments, and no more', async () => {
    const entries = (n: number) => Array.from({ length: n }, () => ({ label: 'a reason', weight: 3 }));
    const full = worksheetResponse(Object.fromEntries(WORKSHEET_LISTS.map((l) => [l, entries(50)])));
    const over: any = worksheetResponse(Object.fromEntries(WORKSHEET_LISTS.map((l) => [l, entries(50)])));
    over.item.push(...Array.from({ length: 8 }, (_, i) => ({ linkId: `note-${i}`, answer: [{ valueString: 'x' }] })));

    expect((await parseQuestionnaireResponse(full, noMaps)).input.responses).toEqual(
      Object.fromEntries(WORKSHEET_LISTS.map((l) => [l, Array.from({ length: 50 }, () => ({ weight: 3 }))])),
    );
    expect(await refusal(over)).toEqual({ kind: 'malformed', errors: [at('.item', 'More than 611 items.')] });
  });

  it('lets an entry take one weight', async () => {
    const body: any = worksheetResponse({ benefitsOfChange: [{ weight: 2 }] });
    body.item[0].item[0].item.push({ linkId: 'benefitsOfChange.entry.weight', answer: [{ valueInteger: 3 }] });

    expect(await refusal(body)).toEqual({
      kind: 'unprocessable',
      errors: [at('.item[0].item[0].item[1]', 'The same linkId is answered at QuestionnaireResponse.item[0].item[0].item[0].')],
    });
  });
});
