import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import { describe, expect, it } from 'vitest';
import { codeSystem } from '../../packages/fhir/codes';
import { interpretationKeys, interpretationLeaves } from '../../packages/fhir/interpretation';
import { type ObservationSource, observationBundle } from '../../packages/fhir/observation';
import { observationId, parseObservationId } from '../../packages/fhir/observation-id';
import { instruments } from '../../packages/instruments/index';
import { CS, ID, PART2, viewOf } from './observation-fixtures';
import { r4SchemaErrors } from './schema';
import { screeningAssessmentErrors } from './us-core-profile';

/** A complete and an empty result of every instrument, stored (with id) and extracted (without). */
const everyInstrument = instruments.flatMap((instrument) => {
  const d = instrument.definition;
  const full = d
    ? Object.fromEntries(d.items.map((item) => [item.id, d.responseScale.max]))
    : {
        benefitsOfChange: [{ label: 'a', weight: 3 }],
        costsOfChange: [{ label: 'b' }],
        benefitsOfStatusQuo: [],
        costsOfStatusQuo: [{ label: 'c' }],
      };
  return [full, {}].flatMap((responses) => {
    const view = viewOf(instrument.id, responses);
    const answered = responses === full ? 'answered' : 'unanswered';
    return [
      [
        `${instrument.id} ${answered}, stored`,
        { view: { ...view, id: ID }, subject: { pseudonym: 'sub_1' }, part2: true, base: 'https://api.example/fhir/r4' },
      ],
      [
        `${instrument.id} ${answered}, extracted`,
        { view, subject: { reference: 'Patient/1' }, derivedFrom: { value: 'qr-1' }, part2: false },
      ],
    ] as [string, ObservationSource][];
  });
});

describe('observationBundle for every instrument', () => {
  const codes = new Set<string>();
  const walk = (list: { code: string; concept?: unknown[] }[]) => {
    for (const c of list) {
      codes.add(c.code);
      walk((c.concept ?? []) as typeof list);
    }
  };
  walk(codeSystem().concept);

  it.each(everyInstrument)('%s: valid R4, US Core Screening Assessment, every code ours, every reference resolves', (_name, source) => {
    const bundle = observationBundle(source) as { entry: { fullUrl?: string; resource: Record<string, any> }[] };
    const byUrl = new Map(bundle.entry.map((e) => [e.fullUrl, e.resource]));
    const byId = new Map(bundle.entry.map((e) => [`Observation/${e.resource.id}`, e.resource]));
    const resolve = (ref: string) => byUrl.get(ref)?.resourceType;

    expect(r4SchemaErrors(bundle)).toEqual([]);
    for (const { resource } of bundle.entry) expect(screeningAssessmentErrors(resource, resolve)).toEqual([]);
    const ourCodings = fhirpath.evaluate(
      bundle,
      `Bundle.entry.resource.descendants().ofType(Coding).where(system = '${CS}').code`,
      undefined,
      r4,
    ) as string[];
    expect(ourCodings[0]).toBe(source.view.instrument.id);
    expect(ourCodings.filter((c) => !codes.has(c))).toEqual([]);
    const refs = bundle.entry
      .flatMap((e) => [...(e.resource.hasMember ?? []), ...(e.resource.derivedFrom ?? [])])
      .filter((r) => r.reference);
    expect(refs.filter((r) => !(byUrl.has(r.reference) || byId.has(r.reference)))).toEqual([]);
    const [panel, ...members] = bundle.entry.map((e) => e.resource);
    expect((panel!.hasMember ?? []).length).toBe(members.length);
    expect(members.length).toBe(Object.keys(source.view.scores).length + interpretationLeaves(source.view.interpretation).length);
    expect(bundle.entry.map((e) => e.resource.meta.security)).toEqual(bundle.entry.map(() => (source.part2 ? PART2 : undefined)));
    if (source.view.id)
      expect(bundle.entry.every((e) => e.fullUrl === `https://api.example/fhir/r4/Observation/${e.resource.id}`)).toBe(true);
    expect(JSON.stringify(bundle)).not.toMatch(/"label"|"guidance"/);
  });

  it('names no score like an interpretation key, so a member name is one or the other', () => {
    for (const instrument of instruments) {
      const scores = [...instrument.catalog.scales, ...instrument.catalog.derivedScores].map((s) => s.id);
      expect(interpretationKeys(instrument).filter((k) => scores.includes(k.key))).toEqual([]);
    }
  });
});

describe('observationId and parseObservationId', () => {
  it('map panel and member ids to FHIR ids and back', () => {
    expect(observationId(ID)).toBe('asm.Ab-d.fGhIjKlMnOpQrSt9.');
    expect(observationId(ID, 'bands.importance')).toBe('asm.Ab-d.fGhIjKlMnOpQrSt9.-bands.importance');
    expect(parseObservationId('asm.Ab-d.fGhIjKlMnOpQrSt9.')).toEqual({ assessmentId: ID });
    expect(parseObservationId('asm.Ab-d.fGhIjKlMnOpQrSt9.-bands.importance')).toEqual({ assessmentId: ID, member: 'bands.importance' });
  });

  it('fits every member of every instrument in 64 characters of FHIR id syntax', () => {
    for (const instrument of instruments) {
      const names = [...instrument.catalog.scales, ...instrument.catalog.derivedScores]
        .map((s) => s.id)
        .concat(interpretationKeys(instrument).map((k) => k.key));
      for (const name of names) {
        const id = observationId(ID, name);
        expect(id).toMatch(/^[A-Za-z0-9.-]{1,64}$/);
        expect(parseObservationId(id)).toEqual({ assessmentId: ID, member: name });
      }
    }
  });

  it.each([
    ['empty', ''],
    ['an assessment id as stored', ID],
    ['too short', 'asm.Ab-d'],
    ['not ours', 'Patient-1'],
    ['a member without its dash', 'asm.Ab-d.fGhIjKlMnOpQrSt9.rung'],
    ['a member starting with a digit', 'asm.Ab-d.fGhIjKlMnOpQrSt9.-1x'],
    ['longer than 64', `asm.Ab-d.fGhIjKlMnOpQrSt9.-${'a'.repeat(40)}`],
  ])('refuses %s', (_name, id) => {
    expect(parseObservationId(id)).toBeUndefined();
  });
});
