import { describe, expect, it } from 'vitest';
import { type ObservationSource, observationBundle, observationsFor } from '../../packages/fhir/observation';
import { CS, ID, PART2, viewOf } from './observation-fixtures';

const PROFILE = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-screening-assessment|6.1.0';
const SURVEY = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' }] }];
const provenance = (algorithm: string, definitionHash: string) => [
  {
    url: 'https://mi-assessments.example/fhir/StructureDefinition/scoring-provenance',
    extension: [
      { url: 'algorithm', valueString: algorithm },
      { url: 'algorithmVersion', valueString: '1.1.0' },
      { url: 'definitionHash', valueString: definitionHash },
    ],
  },
];
const score = (value: number) => ({ valueQuantity: { value, unit: 'score', system: 'http://unitsofmeasure.org', code: '{score}' } });
const ours = (code: string, display: string) => ({ coding: [{ system: CS, code, display }] });
const NOT_PERFORMED = {
  dataAbsentReason: {
    coding: [{ system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'not-performed', display: 'Not Performed' }],
  },
};

/** Replaces each distinct `urn:uuid:` by `urn:uuid:#<n>` in order of appearance, after checking it is a v4 UUID. */
function numberUuids(value: unknown): unknown {
  const seen = new Map<string, string>();
  return JSON.parse(
    JSON.stringify(value).replace(/urn:uuid:([0-9a-f-]{36})/g, (_m, uuid: string) => {
      expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      if (!seen.has(uuid)) seen.set(uuid, `urn:uuid:#${seen.size + 1}`);
      return seen.get(uuid)!;
    }),
  );
}

describe('observationsFor', () => {
  it('builds a stored readiness ruler as a panel and its score and band members, pseudonymous subject, Part 2 labelled', () => {
    const view = { ...viewOf('readiness-ruler', { importance: 8, confidence: 4 }), id: ID, subjectId: 'sub_x' };
    const { panel, members } = observationsFor({ view, subject: { pseudonym: 'sub_9f2c' }, part2: true });
    const head = {
      meta: { profile: [PROFILE], security: PART2 },
      extension: provenance('readiness-ruler', 'sha256:39afe3503a5ccc4be2c7434015a636bedb0bb96b0b457100f83f14c867d0ee71'),
      status: 'final',
      category: SURVEY,
    };
    const context = {
      subject: {
        type: 'Patient',
        identifier: { system: 'https://mi-assessments.example/fhir/NamingSystem/subject-pseudonym', value: 'sub_9f2c' },
      },
      effectiveDateTime: '2026-03-02',
    };
    const panelId = 'asm.Ab-d.fGhIjKlMnOpQrSt9.';
    const member = (name: string, code: string, display: string, value: object) => ({
      resourceType: 'Observation',
      id: `${panelId}-${name}`,
      ...head,
      code: ours(code, display),
      ...context,
      derivedFrom: [{ reference: `Observation/${panelId}` }],
      ...value,
    });

    expect(panel).toEqual({
      resourceType: 'Observation',
      id: panelId,
      ...head,
      code: ours('readiness-ruler', 'Readiness Ruler'),
      ...context,
      hasMember: ['importance', 'confidence', 'bands.importance', 'bands.confidence'].map((m) => ({
        reference: `Observation/${panelId}-${m}`,
      })),
    });
    expect(members).toEqual([
      member('importance', 'readiness-ruler/score/importance', 'Readiness Ruler: importance', score(8)),
      member('confidence', 'readiness-ruler/score/confidence', 'Readiness Ruler: confidence', score(4)),
      member('bands.importance', 'readiness-ruler/interpretation/bands.importance', 'Readiness Ruler: bands.importance', {
        valueCodeableConcept: ours('band/high', 'high'),
      }),
      member('bands.confidence', 'readiness-ruler/interpretation/bands.confidence', 'Readiness Ruler: bands.confidence', {
        valueCodeableConcept: ours('band/moderate', 'moderate'),
      }),
    ]);
  });

  it('builds a $extract URICA with a missing item: null scores and stage absent, urn:uuid references, the EHR subject, no Part 2', () => {
    const responses = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [String(i + 2), 4]));
    const source: ObservationSource = {
      view: viewOf('urica', responses, '2026-04-01'),
      subject: { identifier: { system: 'urn:oid:2.16.840.1.113883.3.999', value: 'MRN-0042' } },
      derivedFrom: { system: 'urn:ehr:qr', value: 'QR-77' },
      part2: false,
    };
    const bundle = numberUuids(observationBundle(source)) as { entry: { fullUrl: string; resource: Record<string, unknown> }[] };
    const head = {
      meta: { profile: [PROFILE] },
      extension: provenance('urica-28', 'sha256:83d85f26ee8e32abcc25332042c5b6a7a042cafebdb0f28fe303c1b30376d68d'),
      status: 'final',
      category: SURVEY,
    };
    const context = {
      subject: { type: 'Patient', identifier: { system: 'urn:oid:2.16.840.1.113883.3.999', value: 'MRN-0042' } },
      effectiveDateTime: '2026-04-01',
    };
    const names = ['precontemplation', 'contemplation', 'action', 'maintenance', 'readiness'];
    const values = [NOT_PERFORMED, score(4), score(4), score(4), NOT_PERFORMED];

    expect(bundle).toEqual({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          fullUrl: 'urn:uuid:#1',
          resource: {
            resourceType: 'Observation',
            ...head,
            code: ours('urica', 'University of Rhode Island Change Assessment (URICA)'),
            ...context,
            derivedFrom: [{ type: 'QuestionnaireResponse', identifier: { system: 'urn:ehr:qr', value: 'QR-77' } }],
            hasMember: [2, 3, 4, 5, 6, 7].map((n) => ({ reference: `urn:uuid:#${n}` })),
          },
        },
        ...names.map((name, i) => ({
          fullUrl: `urn:uuid:#${i + 2}`,
          resource: {
            resourceType: 'Observation',
            ...head,
            code: ours(`urica/score/${name}`, `University of Rhode Island Change Assessment (URICA): ${name}`),
            ...context,
            derivedFrom: [{ reference: 'urn:uuid:#1' }],
            ...values[i],
          },
        })),
        {
          fullUrl: 'urn:uuid:#7',
          resource: {
            resourceType: 'Observation',
            ...head,
            code: ours('urica/interpretation/stage', 'University of Rhode Island Change Assessment (URICA): stage'),
            ...context,
            derivedFrom: [{ reference: 'urn:uuid:#1' }],
            ...NOT_PERFORMED,
          },
        },
      ],
    });
  });

  it('gives a stage, an anchor and deciles as our codes and decile quantities', () => {
    const rcq = observationsFor({
      view: viewOf('rcq', Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1), 2]))),
      subject: { reference: 'Patient/7' },
      part2: false,
    });
    const ladder = observationsFor({
      view: viewOf('contemplation-ladder', { rung: 5 }),
      subject: { reference: 'Patient/7' },
      part2: false,
    });
    const socrates = observationsFor({ view: viewOf('socrates-8a', { '1': 5 }), subject: { reference: 'Patient/7' }, part2: false });
    const memberValue = (m: Record<string, unknown>) => m.valueCodeableConcept ?? m.valueQuantity ?? m.dataAbsentReason;

    expect(rcq.members.at(-1)!.valueCodeableConcept).toEqual(ours('stage/action', 'action'));
    expect(rcq.panel.subject).toEqual({ reference: 'Patient/7' });
    expect(ladder.members.map(memberValue)).toEqual([
      score(5).valueQuantity,
      ours('contemplation-ladder/anchor/5', '5: think I should quit but not quite ready'),
    ]);
    expect(socrates.members.map((m) => (m.code as any).coding[0].code)).toEqual([
      'socrates-8a/score/recognition',
      'socrates-8a/score/ambivalence',
      'socrates-8a/score/takingSteps',
      'socrates-8a/interpretation/deciles.recognition',
      'socrates-8a/interpretation/deciles.ambivalence',
      'socrates-8a/interpretation/deciles.takingSteps',
      'socrates-8a/interpretation/norms',
    ]);
    expect(socrates.members.at(-1)!.valueCodeableConcept).toEqual(ours('norms/alcohol-sample', 'alcohol-sample'));
    expect(socrates.members[3]!.dataAbsentReason).toEqual(NOT_PERFORMED.dataAbsentReason);
  });
});
