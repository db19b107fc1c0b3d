import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ObservationSource, observationPlan, planBundle } from '../../packages/fhir/observation';
import { planBundleJson } from '../../packages/fhir/observation-json';
import { instruments } from '../../packages/instruments/index';
import { itemInput, worksheetInput } from '../support/instrument-inputs';
import { ID } from './observation-fixtures';

/** Text as an EHR might send it: quotes, backslashes, control characters, non-Latin scripts and lone surrogates included. */
const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 });

/** Who the Observations are about, in each of the three forms the builders take. */
const subject: fc.Arbitrary<ObservationSource['subject']> = fc.oneof(
  fc.record({ identifier: fc.record({ system: text, value: text }) }),
  fc.record({ reference: text }),
  fc.record({ pseudonym: text }),
);

/** A stored result (id, with or without a base) or an extracted one (no id, with or without derivedFrom). */
const placement = fc.oneof(
  fc.record({ id: fc.constant(ID), base: fc.option(fc.constant('https://api.example/fhir/r4'), { nil: undefined }) }),
  fc.record({ derivedFrom: fc.option(fc.record({ system: text, value: text }, { requiredKeys: ['value'] }), { nil: undefined }) }),
);

/** An older scoring's provenance (a stored result keeps the one it was scored by), or the current one. */
const provenanceOf = fc.option(fc.record({ algorithmVersion: fc.constantFrom('0.9.0', '1.0.0'), definitionHash: text }), {
  nil: undefined,
});

/** Every instrument of the registry: a new one is covered without an edit here. */
const cases = instruments.map(
  (instrument) => [instrument.id, instrument.definition ? itemInput(instrument.definition) : worksheetInput] as const,
);

describe('planBundleJson', () => {
  it.each(cases)(
    '%s: writes exactly JSON.stringify of the object Bundle, for any answers, subject, placement and Part 2 setting',
    (id, input) => {
      const instrument = instruments.find((i) => i.id === id)!;
      fc.assert(
        fc.property(
          input,
          subject,
          placement,
          fc.boolean(),
          fc.date({ noInvalidDate: true }),
          provenanceOf,
          (answers, who, at, part2, day, older) => {
            const { guidance: _g, ...result } = instrument.score(answers);
            const provenance = older ? { ...result.provenance, ...older } : result.provenance;
            const view = { ...result, provenance, administeredOn: day.toISOString().slice(0, 10), ...('id' in at ? { id: at.id } : {}) };
            const source: ObservationSource = {
              view,
              subject: who,
              part2,
              ...('base' in at && at.base ? { base: at.base } : {}),
              ...('derivedFrom' in at && at.derivedFrom ? { derivedFrom: at.derivedFrom } : {}),
            };
            const plan = observationPlan(source);
            expect(planBundleJson(plan)).toBe(JSON.stringify(planBundle(plan)));
          },
        ),
        { numRuns: 60 },
      );
    },
  );

  it('keeps each provenance and Part 2 setting apart: the same answers under two scorings give two different labels', () => {
    const instrument = instruments.find((i) => i.id === 'readiness-ruler')!;
    const { guidance: _g, ...result } = instrument.score({ instrument: 'readiness-ruler', responses: { importance: 7 } });
    const view = { ...result, administeredOn: '2026-03-02' };
    const older = { ...view, provenance: { ...view.provenance, algorithmVersion: '0.9.0' } };
    const json = (v: typeof view, part2: boolean) =>
      JSON.parse(planBundleJson(observationPlan({ view: v, subject: { pseudonym: 'sub_1' }, part2 })));
    const versions = (bundle: { entry: { resource: { extension: { extension: { url: string; valueString: string }[] }[] } }[] }) =>
      bundle.entry.map((e) => e.resource.extension[0]!.extension.find((x) => x.url === 'algorithmVersion')!.valueString);

    expect(versions(json(view, true))).toEqual([
      view.provenance.algorithmVersion,
      view.provenance.algorithmVersion,
      view.provenance.algorithmVersion,
    ]);
    expect(versions(json(older, true))).toEqual(['0.9.0', '0.9.0', '0.9.0']);
    expect(json(view, false).entry[0].resource.meta).toEqual({
      profile: ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-screening-assessment|6.1.0'],
    });
    expect(json(view, true).entry[0].resource.meta.security.map((s: { code: string }) => s.code)).toEqual(['R', '42CFRPart2', 'SUD']);
  });
});
