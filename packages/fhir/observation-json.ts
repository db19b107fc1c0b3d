import type { Provenance } from '../domain/records';
import {
  bundleMeta,
  coding,
  type MemberValue,
  type ObservationAddress,
  type ObservationPlan,
  type ObservationSource,
  observationPlan,
  sharedElements,
  UCUM,
  valueElements,
} from './observation';

/**
 * The `$extract` and create answers as JSON text, written from a plan (observation.ts) in the
 * order `JSON.stringify(planBundle(plan))` gives, byte for byte (a property test holds the two
 * together for every instrument). why: two thirds of each Observation (profile, Part 2 labels,
 * provenance, category, code) are the same for every result of an instrument version; serializing
 * them once, not on every request, was most of what `$extract` paid beyond `/v1/score`.
 */

const MAX_SHARED = 256;
/** By Part 2 setting, then definition hash: the provenance the text was made for, and the text. */
const sharedText = [false, true].map(() => new Map<string, { p: Provenance; text: string }>());
const codeText = new Map<string, string>();

/** A JSON object's members without its braces: `{"a":1}` → `"a":1`. */
const members = (value: object) => JSON.stringify(value).slice(1, -1);

/**
 * `"meta":…,"extension":…,"status":…,"category":…` for a clinic's labels and a scoring's
 * provenance, serialized once. why keyed by the hash: a result's hash is the engine's one string,
 * whose own hash is kept, where a key made of all three fields was a new string every request.
 */
function shared(part2: boolean, p: Provenance): string {
  const memo = sharedText[part2 ? 1 : 0]!;
  const hit = memo.get(p.definitionHash);
  if (hit && hit.p.algorithm === p.algorithm && hit.p.algorithmVersion === p.algorithmVersion) return hit.text;
  const text = members(sharedElements(part2, p));
  // why: stored results of older definitions bring their own provenance; the memo stays bounded.
  if (memo.size >= MAX_SHARED) memo.clear();
  memo.set(p.definitionHash, { p: { ...p }, text });
  return text;
}

/** `"code":{…}` of one of our codes (finitely many: the CodeSystem's), serialized once. */
function codeOf(c: string): string {
  let text = codeText.get(c);
  if (text === undefined) {
    text = `"code":${JSON.stringify(coding(c))}`;
    codeText.set(c, text);
  }
  return text;
}

const ABSENT_TEXT = members(valueElements({ kind: 'absent' }));
const conceptText = new Map<string, string>();

/**
 * A member's value elements (valueElements) as text. why: `JSON.stringify` of these small objects
 * cost a microsecond each, a third of writing the Bundle; a quantity is a number in fixed text,
 * a concept one of finitely many codes.
 */
function valueText(value: MemberValue): string {
  if (value.kind === 'absent') return ABSENT_TEXT;
  if (value.kind === 'quantity') {
    // why: JSON.stringify writes a finite number as String does (and -0 as 0), anything else as null.
    const n = Number.isFinite(value.value) ? `${value.value}` : 'null';
    return `"valueQuantity":{"value":${n},"unit":"${value.unit}","system":"${UCUM}","code":"{${value.unit}}"}`;
  }
  let text = conceptText.get(value.code);
  if (text === undefined) {
    text = members(valueElements(value));
    conceptText.set(value.code, text);
  }
  return text;
}

const str = (s: string) => JSON.stringify(s);

/** `"subject":…,"effectiveDateTime":…` (the plan's context) as text. */
function contextText({ subject, effectiveDateTime }: ObservationPlan['context']): string {
  const who =
    'reference' in subject
      ? `{"reference":${str(subject.reference)}}`
      : `{"type":"Patient","identifier":{"system":${str(subject.identifier.system)},"value":${str(subject.identifier.value)}}}`;
  return `"subject":${who},"effectiveDateTime":${str(effectiveDateTime)}`;
}

/** The panel's tail (observation.ts's panelTail) as text: the response it came from, its members or why it has none. */
function panelTailText(plan: ObservationPlan): string {
  const qr = plan.panel.derivedFrom;
  const from = qr
    ? `"derivedFrom":[{"type":"QuestionnaireResponse","identifier":{${qr.system ? `"system":${str(qr.system)},` : ''}"value":${str(qr.value)}}}],`
    : '';
  if (plan.members.length === 0) return from + ABSENT_TEXT;
  let list = '';
  for (const m of plan.members) list += `${list ? ',' : ''}{"reference":${quotedReference(m.at)}}`;
  return `${from}"hasMember":[${list}]`;
}

/** One Observation: the shared head, its code and the plan's context, then what is its own (an id is a FHIR id: nothing to escape). */
const resource = (id: string | undefined, head: string, c: string, context: string, tail: string) =>
  `{"resourceType":"Observation",${id ? `"id":"${id}",` : ''}${head},${codeOf(c)},${context}${tail}}`;

/**
 * An Observation's reference as a JSON string. why no JSON.stringify: observationPlan makes every
 * reference from a UUID (`urn:uuid:…`) or a FHIR id (`Observation/[A-Za-z0-9.-]+`), so no
 * character of it needs escaping.
 */
const quotedReference = (at: ObservationAddress) => `"${at.reference}"`;

/** One Bundle entry; a stored result's fullUrl is under the request's base, so it is escaped. */
const entry = (at: ObservationAddress, body: string) =>
  `{${at.fullUrl === undefined ? '' : `"fullUrl":${at.fullUrl === at.reference ? quotedReference(at) : str(at.fullUrl)},`}"resource":${body}}`;

/** The Bundle's head: `{"resourceType":"Bundle",` with or without the Part 2 `meta`, and its type. */
const BUNDLE_HEAD = [false, true].map((part2) => {
  const meta = members(bundleMeta(part2));
  return `{"resourceType":"Bundle",${meta ? `${meta},` : ''}"type":"collection","entry":[`;
});

/**
 * The Bundle of a plan as JSON text.
 * @example JSON.parse(planBundleJson(plan)) // deep-equals planBundle(plan)
 */
export function planBundleJson(plan: ObservationPlan): string {
  const head = shared(plan.part2, plan.provenance);
  const context = contextText(plan.context);
  const tail = panelTailText(plan);
  let json =
    BUNDLE_HEAD[plan.part2 ? 1 : 0]! + entry(plan.panel.at, resource(plan.panel.at.id, head, plan.panel.code, context, `,${tail}`));
  const fromPanel = `,"derivedFrom":[{"reference":${quotedReference(plan.panel.at)}}]`;
  for (const m of plan.members) {
    json += `,${entry(m.at, resource(m.at.id, head, m.code, context, `${fromPanel},${valueText(m.value)}`))}`;
  }
  return `${json}]}`;
}

/**
 * The `$extract` and create answers' Bundle (observation.ts's `observationBundle`) as JSON text.
 * @example return fhirText(c, observationBundleJson(source));
 */
export const observationBundleJson = (source: ObservationSource) => planBundleJson(observationPlan(source));
