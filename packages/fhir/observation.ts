import { randomUUID } from 'node:crypto';
import type { AssessmentView, Provenance } from '../domain/records';
import { CODE_SYSTEM_URL, PROVENANCE_EXTENSION, PSEUDONYM_SYSTEM } from './canonical';
import { code, codeSystem } from './codes';
import { interpretationLeaves, leafKind } from './interpretation';
import { observationId } from './observation-id';

/**
 * The Observations of one scored result (docs/fhir.md, "Out"): a US Core Screening Assessment
 * panel and one member per score and per interpretation. The storing routes (`$extract`,
 * `POST QuestionnaireResponse`) and the reading routes (`GET Observation/{id}`, `_search`) share
 * these builders.
 */

/** Who the Observations are about: what the EHR sent (create and `$extract` answers) or, on later reads, the pseudonymous id only. */
export type ObservationSubject = { identifier: { system: string; value: string } } | { reference: string } | { pseudonym: string };

/** What the builders read: the result (a stored view, or a `$extract` result without id) and its context. */
export interface ObservationSource {
  /** The scored result; `id` and `subjectId` are absent on `$extract`, which stores nothing. */
  view: Omit<AssessmentView, 'id' | 'subjectId' | 'guidance'> & { id?: string; subjectId?: string };
  subject: ObservationSubject;
  /** `QuestionnaireResponse.identifier` as sent, for `derivedFrom` (create and `$extract` only; never stored). */
  derivedFrom?: { system?: string; value: string };
  /** The clinic is a 42 CFR Part 2 program: every resource carries the Part 2 `meta.security` labels. */
  part2: boolean;
  /** The answering server's FHIR base (`https://host/fhir/r4`): Bundle `fullUrl`s of stored Observations are absolute under it. */
  base?: string;
}

/** A FHIR Observation as this API emits it (R4 JSON). */
export type Observation = Record<string, unknown> & { resourceType: 'Observation'; id?: string };

/** The US Core 6.1.0 profile every Observation claims (its rules: test/fhir/us-core-profile.ts). */
export const SCREENING_ASSESSMENT_PROFILE =
  'http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-screening-assessment|6.1.0';
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const UCUM = 'http://unitsofmeasure.org';
const DATA_ABSENT = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';

/**
 * The 42 CFR Part 2 labels (docs/fhir-store.md): confidentiality restricted, the US privacy law
 * that applies, and the substance-use-disorder sensitivity.
 */
export const PART2_SECURITY = [
  { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R', display: 'restricted' },
  { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: '42CFRPart2', display: '42 CFR Part2' },
  { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'SUD', display: 'substance use disorder information sensitivity' },
] as const;

let displays: Map<string, string> | undefined;
/** The display of one of our codes, as our CodeSystem gives it (generated once). */
export function coding(c: string) {
  if (!displays) {
    displays = new Map();
    const walk = (list: { code: string; display: string; concept?: unknown[] }[]) => {
      for (const x of list) {
        displays!.set(x.code, x.display);
        walk((x.concept ?? []) as typeof list);
      }
    };
    walk(codeSystem().concept);
  }
  const display = displays.get(c);
  if (display === undefined) throw new Error(`Not a code of our CodeSystem: ${c}`);
  return { coding: [{ system: CODE_SYSTEM_URL, code: c, display }] };
}

const provenanceExtension = (p: Provenance) => ({
  url: PROVENANCE_EXTENSION,
  extension: [
    { url: 'algorithm', valueString: p.algorithm },
    { url: 'algorithmVersion', valueString: p.algorithmVersion },
    { url: 'definitionHash', valueString: p.definitionHash },
  ],
});

/** How an Observation names its subject: the EHR's reference, or a Patient by identifier. */
type SubjectReference = { reference: string } | { type: 'Patient'; identifier: { system: string; value: string } };

function subjectReference(subject: ObservationSubject): SubjectReference {
  if ('reference' in subject) return { reference: subject.reference };
  const identifier = 'identifier' in subject ? subject.identifier : { system: PSEUDONYM_SYSTEM, value: subject.pseudonym };
  return { type: 'Patient', identifier: { system: identifier.system, value: identifier.value } };
}

// why: OUR RULE (docs/fhir.md, "Out") — a score that cannot be computed (an item it needs is
// unanswered, never prorated) is an Observation whose scoring was not performed.
const NOT_PERFORMED = { dataAbsentReason: { coding: [{ system: DATA_ABSENT, code: 'not-performed', display: 'Not Performed' }] } };

/**
 * What a member's value is, decided once by the plan; each rendering writes it (valueElements
 * here, observation-json.ts as text): not performed, a quantity in a UCUM annotation unit, or
 * one of our codes.
 */
export type MemberValue =
  | { kind: 'absent' }
  | { kind: 'quantity'; value: number; unit: 'score' | 'decile' }
  | { kind: 'concept'; code: string };

const ABSENT: MemberValue = { kind: 'absent' };

// why: OUR RULE (docs/fhir.md, "Out") — every score is a valueQuantity with UCUM `{score}`:
// Quantity is a must-support type of the profile (integer is not), and one type per code holds
// for means and proportions as well as sums.
const scoreValue = (value: number | null): MemberValue => (value === null ? ABSENT : { kind: 'quantity', value, unit: 'score' });

function interpretationValue(instrumentId: string, key: string, value: unknown): MemberValue {
  if (value === null || value === undefined) return ABSENT;
  const kind = leafKind(key);
  if (kind.kind === 'decile') return { kind: 'quantity', value: value as number, unit: 'decile' };
  if (kind.kind === 'anchor') return { kind: 'concept', code: code.anchor(instrumentId, (value as { value: number }).value) };
  return { kind: 'concept', code: code[kind.prefix](value as string) };
}

/** A member's value elements as objects: `valueQuantity`, `valueCodeableConcept` or `dataAbsentReason`. */
export function valueElements(value: MemberValue): Record<string, unknown> {
  if (value.kind === 'absent') return NOT_PERFORMED;
  if (value.kind === 'concept') return { valueCodeableConcept: coding(value.code) };
  return { valueQuantity: { value: value.value, unit: value.unit, system: UCUM, code: `{${value.unit}}` } };
}

/** Where one Observation lives: its id (stored results), how the others reference it, its Bundle fullUrl. */
export interface ObservationAddress {
  id?: string;
  reference: string;
  fullUrl?: string;
}

/**
 * What both renderings of a result (objects for reads, JSON text for the `$extract` and create
 * answers: observation-json.ts) are made from, decided once: the addresses, every member's code
 * and value, and the parts each Observation shares.
 */
export interface ObservationPlan {
  instrumentId: string;
  part2: boolean;
  provenance: Provenance;
  /** `subject` and `effectiveDateTime`, the same on every Observation. */
  context: { subject: ReturnType<typeof subjectReference>; effectiveDateTime: string };
  panel: { at: ObservationAddress; code: string; derivedFrom?: { system?: string; value: string } };
  members: { at: ObservationAddress; code: string; value: MemberValue }[];
}

/** Member codes by instrument and member name (finitely many: the CodeSystem's). */
type CodeMemo = Map<string, Map<string, string>>;
const scoreCodes: CodeMemo = new Map();
const interpretationCodes: CodeMemo = new Map();

/** A member's code, made once. why: the same string each time keeps its hash, so the writer's lookups by code cost nothing. */
function memberCode(memo: CodeMemo, make: (instrument: string, key: string) => string, instrumentId: string, key: string): string {
  let codes = memo.get(instrumentId);
  if (!codes) memo.set(instrumentId, (codes = new Map()));
  let c = codes.get(key);
  if (c === undefined) codes.set(key, (c = make(instrumentId, key)));
  return c;
}

/**
 * Decides the Observations of a result: stored results have ids (`observationId`) and reference
 * each other as `Observation/<id>`; a `$extract` result has no ids, so its resources reference
 * each other by `urn:uuid:` fullUrls.
 * @example observationPlan({ view, subject: { pseudonym: view.subjectId }, part2: true }).members.map((m) => m.code)
 */
export function observationPlan(source: ObservationSource): ObservationPlan {
  const { view } = source;
  const instrumentId = view.instrument.id;
  const address = (member?: string): ObservationAddress => {
    if (view.id === undefined) {
      const fullUrl = `urn:uuid:${randomUUID()}`;
      return { fullUrl, reference: fullUrl };
    }
    const id = observationId(view.id, member);
    return { id, reference: `Observation/${id}`, ...(source.base ? { fullUrl: `${source.base}/Observation/${id}` } : {}) };
  };
  const panelAt = address();
  const members: ObservationPlan['members'] = [];
  for (const name of Object.keys(view.scores)) {
    members.push({
      at: address(name),
      code: memberCode(scoreCodes, code.score, instrumentId, name),
      value: scoreValue(view.scores[name]!),
    });
  }
  for (const [key, value] of interpretationLeaves(view.interpretation)) {
    members.push({
      at: address(key),
      code: memberCode(interpretationCodes, code.interpretation, instrumentId, key),
      value: interpretationValue(instrumentId, key, value),
    });
  }
  return {
    instrumentId,
    part2: source.part2,
    provenance: view.provenance,
    context: { subject: subjectReference(source.subject), effectiveDateTime: view.administeredOn },
    panel: { at: panelAt, code: code.instrument(instrumentId), ...(source.derivedFrom ? { derivedFrom: source.derivedFrom } : {}) },
    members,
  };
}

/** The elements every Observation of a result carries alike: profile, Part 2 labels, provenance, status, category. */
export function sharedElements(part2: boolean, provenance: Provenance) {
  return {
    meta: { profile: [SCREENING_ASSESSMENT_PROFILE], ...(part2 ? { security: PART2_SECURITY.map((s) => ({ ...s })) } : {}) },
    extension: [provenanceExtension(provenance)],
    status: 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] }],
  };
}

/** The panel's elements after `effectiveDateTime`: the response it came from, and its members (or why it has none). */
export function panelTail(plan: ObservationPlan): Record<string, unknown> {
  const qr = plan.panel.derivedFrom;
  return {
    ...(qr
      ? { derivedFrom: [{ type: 'QuestionnaireResponse', identifier: { ...(qr.system ? { system: qr.system } : {}), value: qr.value } }] }
      : {}),
    // why: us-core-2 — a panel with no member (a ruler answered on no scale) carries why it has no value.
    ...(plan.members.length > 0 ? { hasMember: plan.members.map((m) => ({ reference: m.at.reference })) } : NOT_PERFORMED),
  };
}

/** The Bundle's `meta`: Part 2 labels on the Bundle too, since it is about the same client. */
export const bundleMeta = (part2: boolean) => (part2 ? { meta: { security: PART2_SECURITY.map((s) => ({ ...s })) } } : {});

/** The Bundle entry of an Observation at `at`. */
export const entryOf = (at: ObservationAddress, resource: Observation) => ({ ...(at.fullUrl ? { fullUrl: at.fullUrl } : {}), resource });

/**
 * The panel and its members as objects, with the Bundle entries that carry them.
 * @example const { panel, members } = observationsFor({ view, subject: { pseudonym: view.subjectId }, part2: true });
 */
export function observationsFor(source: ObservationSource): {
  panel: Observation;
  members: Observation[];
  entries: { fullUrl?: string; resource: Observation }[];
} {
  return planObjects(observationPlan(source));
}

/** The objects of a plan (observation-json.ts writes the same resources as text, byte for byte). */
export function planObjects(plan: ObservationPlan) {
  const shared = sharedElements(plan.part2, plan.provenance);
  const members: Observation[] = plan.members.map((m) => ({
    resourceType: 'Observation',
    ...(m.at.id ? { id: m.at.id } : {}),
    ...shared,
    code: coding(m.code),
    ...plan.context,
    derivedFrom: [{ reference: plan.panel.at.reference }],
    ...valueElements(m.value),
  }));
  const panel: Observation = {
    resourceType: 'Observation',
    ...(plan.panel.at.id ? { id: plan.panel.at.id } : {}),
    ...shared,
    code: coding(plan.panel.code),
    ...plan.context,
    ...panelTail(plan),
  };
  const entries = [entryOf(plan.panel.at, panel), ...members.map((resource, i) => entryOf(plan.members[i]!.at, resource))];
  return { panel, members, entries };
}

/** A `collection` Bundle of a plan's panel and members, as an object. */
export const planBundle = (plan: ObservationPlan): Record<string, unknown> => ({
  resourceType: 'Bundle',
  ...bundleMeta(plan.part2),
  type: 'collection',
  entry: planObjects(plan).entries,
});

/**
 * A `collection` Bundle of the panel and its members (the `$extract` and create answers; a
 * replay of a create answers the same body, since stored ids are stable). Part 2 labels on the
 * Bundle too: it is about the same client. The answers themselves are written as text by
 * observation-json.ts, which gives exactly `JSON.stringify` of this.
 * @example observationBundle(source) // { resourceType: 'Bundle', type: 'collection', entry: [panel, ...members] }
 */
export const observationBundle = (source: ObservationSource) => planBundle(observationPlan(source));
