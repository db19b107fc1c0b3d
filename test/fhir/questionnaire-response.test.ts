import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../packages/domain/errors';
import { parseQuestionnaireResponse } from '../../packages/fhir/questionnaire-response';
import { at, coded, noMaps, oracleResponse, rcq, rcqExample, refusal, SECRETS, withOracleMap } from './qr-fixtures';

describe('parseQuestionnaireResponse', () => {
  it('reads a response to our RCQ Questionnaire: input, ref, subject as sent (no display), day of authored, identifier', async () => {
    const parsed = await parseQuestionnaireResponse(rcq(), noMaps);

    expect(parsed.input).toEqual({ instrument: 'rcq', responses: rcqExample() });
    expect(parsed.ref).toBe(`${SECRETS.system}|${SECRETS.mrn}`);
    expect(parsed.subject).toEqual({ identifier: { system: SECRETS.system, value: SECRETS.mrn } });
    expect(parsed.administeredOn).toBe('2026-11-20');
    expect(parsed.identifier).toEqual({ system: SECRETS.qrSystem, value: SECRETS.qrValue });
    const kept = JSON.stringify({ ...parsed, locate: undefined });
    for (const dropped of [SECRETS.display, SECRETS.author, SECRETS.narrative, SECRETS.freeText]) expect(kept).not.toContain(dropped);
  });

  it('takes valueInteger like the matching valueCoding, walks groups and reads subject.reference as the ref', async () => {
    const body = rcq({
      subject: { reference: 'Patient/8f3a', display: SECRETS.display },
      item: [
        {
          linkId: 'group',
          item: [
            { linkId: '1', answer: [{ valueInteger: -2 }] },
            { linkId: '2', answer: [coded('rcq', 2)] },
          ],
        },
      ],
    });

    const parsed = await parseQuestionnaireResponse(body, noMaps);

    expect(parsed.input).toEqual({ instrument: 'rcq', responses: { '1': -2, '2': 2 } });
    expect([parsed.ref, parsed.subject]).toEqual(['Patient/8f3a', { reference: 'Patient/8f3a' }]);
  });

  it('ignores posted weights and the read-only score items a renderer fills in: scores come only from our definitions', async () => {
    const weighted = rcq();
    for (const item of weighted.item.slice(0, 12)) {
      (item.answer[0] as any).valueCoding.extension[0].valueDecimal = 99;
      (item.answer[0] as any).extension = [{ url: 'http://hl7.org/fhir/StructureDefinition/itemWeight', valueDecimal: 99 }];
    }
    weighted.item.push({ linkId: 'action', text: 'action', answer: [{ valueDecimal: 99 } as any] });

    expect((await parseQuestionnaireResponse(weighted, noMaps)).input).toEqual({ instrument: 'rcq', responses: rcqExample() });
  });

  it('drops repeated free-text items (a repeating comment group) unread', async () => {
    const body = rcq();
    const note = { linkId: 'note', text: 'Note', answer: [{ valueString: SECRETS.freeText }] };
    body.item.push(note, { linkId: 'group', item: [note] } as any);

    expect((await parseQuestionnaireResponse(body, noMaps)).input.responses).toEqual(rcqExample());
  });

  it('accepts amended responses and a bare date as authored; leaves items without answers missing', async () => {
    const body = rcq({ status: 'amended', authored: '2026-11-19', item: [{ linkId: '1', answer: [] }, { linkId: '2' }] });

    const parsed = await parseQuestionnaireResponse(body, noMaps);

    expect([parsed.administeredOn, parsed.input.responses]).toEqual(['2026-11-19', {}]);
  });

  it('unwraps the questionnaire-response parameter of a Parameters body only when asked to ($extract)', async () => {
    const body = { resourceType: 'Parameters', parameter: [{ name: 'questionnaire-response', resource: rcq() }] };

    expect((await parseQuestionnaireResponse(body, { ...noMaps, parameters: true })).input.instrument).toBe('rcq');
    expect(await refusal(body)).toEqual({ kind: 'malformed', errors: [at('.resourceType', 'Must be a QuestionnaireResponse.')] });
    expect(
      await refusal({ resourceType: 'Parameters', parameter: [{ name: 'other', resource: rcq() }] }, { ...noMaps, parameters: true }),
    ).toEqual({
      kind: 'malformed',
      errors: [{ path: 'Parameters.parameter', message: 'Exactly one questionnaire-response parameter with a resource is required.' }],
    });
  });

  it('translates a mapped Oracle-style response through the clinic form map, free text dropped', async () => {
    const parsed = await parseQuestionnaireResponse(oracleResponse({ importance: 7, readiness: 5 }), withOracleMap);

    expect(parsed.input).toEqual({ instrument: 'readiness-ruler', responses: { importance: 7, readiness: 5 } });
  });

  it('places later /v1 errors at the answered item, authored and subject', async () => {
    const parsed = await parseQuestionnaireResponse(oracleResponse({ importance: 7, readiness: 5 }), withOracleMap);
    const error = new ValidationError(
      [
        { path: 'responses.readiness', message: 'm1' },
        { path: 'administeredOn', message: 'm2' },
        { path: 'subject.ref', message: 'm3' },
        { path: 'responses', message: 'm4' },
      ],
      'malformed',
    );

    expect(parsed.locate(error).errors).toEqual([
      at('.item[0].item[1].answer[0]', 'm1'),
      at('.authored', 'm2'),
      at('.subject', 'm3'),
      at('.item', 'm4'),
    ]);
  });
});
