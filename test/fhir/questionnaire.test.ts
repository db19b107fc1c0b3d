import fc from 'fast-check';
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import { describe, expect, it } from 'vitest';
import { codeSystem } from '../../packages/fhir/codes';
import { itemQuestionnaire } from '../../packages/fhir/questionnaire';
import { instruments } from '../../packages/instruments/index';
import { r4SchemaErrors } from './schema';

const itemInstruments = instruments.filter((i) => i.definition);

/** A QuestionnaireResponse answering `answers` (item id → value) with the Questionnaire's codings. */
function responseFor(q: ReturnType<typeof itemQuestionnaire>, answers: Record<string, number>) {
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: `${q.url}|${q.version}`,
    status: 'completed',
    item: q.item
      .filter((item) => !('readOnly' in item) && item.linkId in answers)
      .map((item) => {
        const option = (item as { answerOption: { valueCoding: { system: string; code: string } }[] }).answerOption.find((o) =>
          o.valueCoding.code.endsWith(`/answer/${answers[item.linkId]}`),
        )!;
        return { linkId: item.linkId, answer: [{ valueCoding: { system: option.valueCoding.system, code: option.valueCoding.code } }] };
      }),
  };
}

describe('itemQuestionnaire', () => {
  it.each(itemInstruments.map((i) => [i.id, i]))(
    '%s validates against the R4 schema, linkIds = the catalog item ids',
    (_id, instrument) => {
      const q = itemQuestionnaire(instrument);
      const scores = Object.keys(instrument.score({ instrument: instrument.id, responses: {} }).scores);
      const allScores = [...instrument.catalog.scales.map((s) => s.id), ...instrument.catalog.derivedScores.map((s) => s.id)];

      expect(r4SchemaErrors(q)).toEqual([]);
      expect(q.url).toBe(`https://mi-assessments.example/fhir/Questionnaire/${instrument.id}`);
      expect(q.version).toBe(instrument.version);
      expect(q.item.filter((i) => !('readOnly' in i)).map((i) => i.linkId)).toEqual(instrument.catalog.items.map((i) => i.id));
      const ids = new Set(instrument.catalog.items.map((i) => i.id));
      expect(q.item.filter((i) => 'readOnly' in i).map((i) => i.linkId)).toEqual(allScores.map((s) => (ids.has(s) ? `${s}-score` : s)));
      expect(new Set(q.item.map((i) => i.linkId)).size).toBe(q.item.length);
      expect(scores.every((s) => allScores.includes(s))).toBe(true);
    },
  );

  it('carries item wording only where the licence allows it', () => {
    for (const instrument of itemInstruments) {
      const q = itemQuestionnaire(instrument);
      const texts = q.item.filter((i) => !('readOnly' in i)).map((i) => i.text);
      expect(texts).toEqual(instrument.catalog.items.map((i) => i.text ?? i.label));
    }
  });

  it('gives each answer option its value as ordinalValue and itemWeight', () => {
    const q = itemQuestionnaire(instruments.find((i) => i.id === 'rcq')!);
    const first = (q.item[0] as any).answerOption[0];

    expect(first).toEqual({
      extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/itemWeight', valueDecimal: -2 }],
      valueCoding: {
        extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: -2 }],
        system: 'https://mi-assessments.example/fhir/CodeSystem/mi-instruments',
        code: 'rcq/answer/-2',
        display: '-2: strongly disagree',
      },
    });
  });
});

describe('calculatedExpression', () => {
  it.each(itemInstruments.map((i) => [i.id, i]))(
    '%s: fhirpath.js gives exactly the engine score on random complete and incomplete answers',
    (_id, instrument) => {
      const d = instrument.definition!;
      const q = itemQuestionnaire(instrument);
      const calculated = q.item
        .filter((i) => 'readOnly' in i)
        .map((i) => [i.linkId.replace(/-score$/, ''), (i as any).extension[0].valueExpression.expression as string] as const);
      const compiled = calculated.map(([id, expression]) => [id, fhirpath.compile(expression, r4)] as const);
      const { min, max } = d.responseScale;
      const answerSet = fc.record(Object.fromEntries(d.items.map((item) => [item.id, fc.integer({ min, max })])), { requiredKeys: [] });
      const complete = fc.record(Object.fromEntries(d.items.map((item) => [item.id, fc.integer({ min, max })])));

      fc.assert(
        fc.property(fc.oneof(answerSet, complete), (answers) => {
          const present = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined)) as Record<string, number>;
          if (Object.keys(present).length < (d.minAnswered ?? 0)) return;
          const engine = instrument.score({ instrument: instrument.id, responses: present }).scores;
          const qr = responseFor(q, present);
          for (const [id, run] of compiled) {
            const got = run(qr, { resource: qr, questionnaire: q });
            const want = engine[id];
            expect([id, got]).toEqual([id, want === null || want === undefined ? [] : [want]]);
          }
        }),
        { numRuns: 200, seed: 12 },
      );
    },
  );
});

describe('codeSystem', () => {
  it('validates against the R4 schema and codes every instrument, item, answer and score the Questionnaires use', () => {
    const cs = codeSystem();
    const codes = new Set<string>();
    const walk = (concepts: { code: string; concept?: unknown[] }[]) => {
      for (const c of concepts) {
        codes.add(c.code);
        walk((c.concept ?? []) as never);
      }
    };
    walk(cs.concept);
    const used = itemInstruments.flatMap((i) => {
      const q = itemQuestionnaire(i);
      return [
        ...q.code,
        ...q.item.flatMap((item) => [...item.code, ...((item as any).answerOption ?? []).map((o: any) => o.valueCoding)]),
      ].map((c) => c.code);
    });

    expect(r4SchemaErrors(cs)).toEqual([]);
    expect(used.filter((c) => !codes.has(c))).toEqual([]);
    expect(codes.size).toBe(new Set([...codes]).size);
    expect(['stage/precontemplation', 'band/high', 'balance/pros', 'contemplation-ladder/anchor/10'].filter((c) => !codes.has(c))).toEqual(
      [],
    );
  });
});
