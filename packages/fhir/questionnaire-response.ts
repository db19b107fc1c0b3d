import { administeredOnErrors, isCalendarDay } from '../api/assessments';
import type { ScoreRequest } from '../api/schemas';
import { type FieldError, ValidationError } from '../domain/errors';
import { type FormMap, formMapUrl, isRecord, type MappedInput, type QrItem, valueKey } from './form-map';
import type { ObservationSubject } from './observation';
import { type AnswerSource, mapAnswers, plainOwnAnswers } from './response-answers';
import { worksheetWalk } from './worksheet-answers';

/** What a posted QuestionnaireResponse stands for, once every rule of docs/fhir-store.md ("In") holds. */
export interface ParsedResponse {
  /** Our instrument input: the same a `/v1` body carries. */
  input: MappedInput;
  /**
   * `input` as a valid score request, when reading it proved it one (plain answers to our own
   * Questionnaire, enough of them); otherwise `input` is validated as a `/v1` body is.
   */
  scoreRequest?: ScoreRequest;
  /** The client's ref (`system|value` of `subject.identifier`, or `subject.reference`), pseudonymized as `subject.ref` is. */
  ref: string;
  /** The subject as the EHR sent it, without `display`: only the create and `$extract` answers show it. */
  subject: Exclude<ObservationSubject, { pseudonym: string }>;
  /** The day of `authored`. */
  administeredOn: string;
  /** `QuestionnaireResponse.identifier`: idempotency and `derivedFrom`, never stored. */
  identifier?: { system?: string; value: string };
  /** The same error with its `/v1` paths (`responses.7`, `administeredOn`) turned into places in the resource. */
  locate(error: ValidationError): ValidationError;
}

/** Bounds on what is walked: the longest instrument has 32 items and a form map at most 100. */
export const QR_LIMITS = { items: 200, depth: 5, text: 256, ref: 128, parameters: 10 } as const;

const ROOT = 'QuestionnaireResponse';
const MODIFIER = 'Modifier extensions are not understood here.';
const SCORED = new Set(['completed', 'amended']);
// why: a FHIR dateTime that names a day (a year or month alone cannot give administeredOn).
const AUTHORED = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** The day if it is one on the calendar (no 2026-02-30). */
const calendarDay = (day: string | undefined) => (day !== undefined && isCalendarDay(day) ? day : undefined);

type Json = Record<string, unknown>;
/** The day `authored` names, as written (its date part), if it names one on the calendar. */
const authoredDay = (qr: Json) => {
  const authored = field(qr, 'authored');
  return typeof authored === 'string' ? calendarDay(AUTHORED.exec(authored)?.[1]) : undefined;
};
/** An own field only: a body's `__proto__` or `constructor` key is data like any other, never the prototype's. */
const field = (o: Json, name: string): unknown => (Object.hasOwn(o, name) ? o[name] : undefined);
const isText = (v: unknown, max: number = QR_LIMITS.text): v is string => typeof v === 'string' && v.length >= 1 && v.length <= max;

/** Errors found so far; `malformed` ones (the envelope) make the answer 400, the rest (the answers) 422. */
class Issues {
  readonly list: (FieldError & { malformed: boolean })[] = [];
  /** Records an envelope fault; returns nothing, so a reader can `return issues.bad(…)`. */
  bad(path: string, message: string): undefined {
    this.list.push({ path, message, malformed: true });
    return undefined;
  }
  unscorable(path: string, message: string) {
    this.list.push({ path, message, malformed: false });
  }
  throwIfAny() {
    if (this.list.length === 0) return;
    const kind = this.list.some((e) => e.malformed) ? 'malformed' : 'unprocessable';
    throw new ValidationError(
      this.list.map(({ path, message }) => ({ path, message })),
      kind,
    );
  }
}

/** The QuestionnaireResponse of an `$extract` body: bare, or the one `questionnaire-response` parameter of a Parameters. */
function unwrap(body: unknown, parameters: boolean, issues: Issues): unknown {
  if (!parameters || !isRecord(body) || field(body, 'resourceType') !== 'Parameters') return body;
  const list = field(body, 'parameter');
  const named =
    Array.isArray(list) && list.length <= QR_LIMITS.parameters
      ? list.filter((p) => isRecord(p) && field(p, 'name') === 'questionnaire-response')
      : [];
  if (named.length !== 1 || !isRecord(field(named[0] as Json, 'resource'))) {
    issues.bad('Parameters.parameter', 'Exactly one questionnaire-response parameter with a resource is required.');
    return undefined;
  }
  return field(named[0] as Json, 'resource');
}

/** The subject as sent (identifier system|value, or reference) and the ref it gives; `display` is never read. */
function subjectOf(qr: Json, issues: Issues): { subject: ParsedResponse['subject']; ref: string } | undefined {
  const subject = field(qr, 'subject');
  const at = `${ROOT}.subject`;
  if (!isRecord(subject)) return issues.bad(at, 'Required: the client, as identifier (system and value) or reference.');
  const identifier = field(subject, 'identifier');
  if (identifier !== undefined) {
    const system = isRecord(identifier) ? field(identifier, 'system') : undefined;
    const value = isRecord(identifier) ? field(identifier, 'value') : undefined;
    // why: `|` joins system and value into the ref, as Observation search reads subject:identifier.
    if (!isText(system) || !isText(value) || system.includes('|') || value.includes('|')) {
      return issues.bad(`${at}.identifier`, 'Needs a system and a value, neither containing "|".');
    }
    const ref = `${system}|${value}`;
    if (ref.length > QR_LIMITS.ref)
      return issues.bad(`${at}.identifier`, `System and value together must be at most ${QR_LIMITS.ref - 1} characters.`);
    return { subject: { identifier: { system, value } }, ref };
  }
  const reference = field(subject, 'reference');
  if (!isText(reference, QR_LIMITS.ref) || reference.includes('|')) {
    return issues.bad(at, `Needs an identifier (system and value) or a reference of at most ${QR_LIMITS.ref} characters without "|".`);
  }
  return { subject: { reference }, ref: reference };
}

/** `QuestionnaireResponse.identifier` (0..1): a value, with an optional system. */
function identifierOf(qr: Json, issues: Issues): ParsedResponse['identifier'] {
  const identifier = field(qr, 'identifier');
  if (identifier === undefined) return undefined;
  const system = isRecord(identifier) ? field(identifier, 'system') : undefined;
  const value = isRecord(identifier) ? field(identifier, 'value') : undefined;
  if (!isText(value) || (system !== undefined && !isText(system))) {
    return issues.bad(`${ROOT}.identifier`, `Needs a value (and optionally a system), each 1 to ${QR_LIMITS.text} characters.`);
  }
  return { ...(system !== undefined ? { system: system as string } : {}), value };
}

/** What a walk allows: linkIds that may be answered more than once (one per repeating group), and the item count. */
interface WalkBounds {
  repeating: ReadonlySet<string>;
  items: number;
}
const ITEM_BOUNDS: WalkBounds = { repeating: new Set(), items: QR_LIMITS.items };

/** The answered items, groups walked, each with its place; checks their shape and the bounds. */
function walkItems(qr: Json, issues: Issues, bounds: WalkBounds): { items: QrItem[]; answered: AnswerSource[] } | undefined {
  const top = field(qr, 'item');
  if (top === undefined) return { items: [], answered: [] };
  const answered: AnswerSource[] = [];
  const seen = new Map<string, string>();
  let count = 0;
  // Returns false once a bound is crossed, so a hostile body stops being walked there.
  const walk = (list: unknown, at: string, depth: number): boolean => {
    if (!Array.isArray(list)) {
      issues.bad(at, 'Must be a list of items.');
      return true;
    }
    if (depth > QR_LIMITS.depth) {
      issues.bad(at, `Groups nest deeper than ${QR_LIMITS.depth} levels.`);
      return false;
    }
    count += list.length;
    if (count > bounds.items) {
      issues.bad(`${ROOT}.item`, `More than ${bounds.items} items.`);
      return false;
    }
    return list.every((item, i) => {
      const path = `${at}[${i}]`;
      if (!isRecord(item)) {
        issues.bad(path, 'Must be an item.');
        return true;
      }
      const linkId = field(item, 'linkId');
      if (!isText(linkId)) issues.bad(`${path}.linkId`, `Required, 1 to ${QR_LIMITS.text} characters.`);
      if (field(item, 'modifierExtension') !== undefined) issues.bad(`${path}.modifierExtension`, MODIFIER);
      const answer = field(item, 'answer');
      if (answer !== undefined && !Array.isArray(answer)) issues.bad(`${path}.answer`, 'Must be a list of answers.');
      else if (Array.isArray(answer) && answer.length > 1) issues.unscorable(`${path}.answer`, 'This item takes one answer.');
      else if (Array.isArray(answer) && answer.length === 1) {
        const one = answer[0];
        if (!isRecord(one)) issues.bad(`${path}.answer[0]`, 'Must be an answer.');
        else if (field(one, 'item') !== undefined || field(one, 'modifierExtension') !== undefined) {
          issues.unscorable(`${path}.answer[0]`, 'Items or modifier extensions under an answer are not part of these questionnaires.');
        } else if (isText(linkId)) {
          // why: free text may repeat (a repeating comment group) and is dropped unread; a scored item may not,
          // unless it is in a repeating group (the worksheet's weights: worksheet-answers.ts checks them).
          const key = valueKey(one);
          const mayRepeat = bounds.repeating.has(linkId) || key === undefined || key === 'valueString';
          const earlier = seen.get(linkId);
          if (earlier && !mayRepeat) issues.unscorable(path, `The same linkId is answered at ${earlier}.`);
          if (!mayRepeat) seen.set(linkId, path);
          answered.push({ linkId, answer: one, path: `${path}.answer[0]` });
        }
      }
      const nested = field(item, 'item');
      return nested === undefined || walk(nested, `${path}.item`, depth + 1);
    });
  };
  walk(top, `${ROOT}.item`, 1);
  return { items: top as QrItem[], answered };
}

/**
 * Reads an untrusted QuestionnaireResponse body (docs/fhir-store.md, "In"): the envelope
 * (`questionnaire`, `status`, `subject`, `authored`, `identifier`) and the answers, through our
 * own Questionnaire's codes or the clinic's form map. Narrative, `author`, `source`,
 * `subject.display`, item text and free-text answers are never read. Errors are places
 * (`QuestionnaireResponse.item[3].answer[0]`) with fixed messages, never a submitted value:
 * envelope faults are 400, answers that cannot be scored 422. `now` bounds `authored` as `/v1`
 * bounds `administeredOn`.
 * @example await parseQuestionnaireResponse(qr, { formMap: (url) => store.getFormMap(clinic, url), now: new Date() }) // { input: { instrument: 'rcq', responses: {…} }, ref: 'urn:ehr|8f3a', … }
 */
export async function parseQuestionnaireResponse(
  body: unknown,
  options: {
    formMap(url: string): Promise<FormMap | undefined>;
    parameters?: boolean;
    now: Date;
    /** `false` reads every response by the full walk (tests hold the one-pass reading to it). */
    onePass?: boolean;
  },
): Promise<ParsedResponse> {
  const issues = new Issues();
  const qr = unwrap(body, options.parameters ?? false, issues);
  if (qr === undefined) issues.throwIfAny();
  if (!isRecord(qr) || field(qr, 'resourceType') !== ROOT) {
    issues.bad(`${ROOT}.resourceType`, 'Must be a QuestionnaireResponse.');
    issues.throwIfAny();
  }
  const resource = qr as Json;
  const questionnaire = field(resource, 'questionnaire');
  if (!isText(questionnaire, 1024))
    issues.bad(`${ROOT}.questionnaire`, 'Required: the canonical URL (url|version) of the questionnaire answered.');
  const status = field(resource, 'status');
  if (typeof status !== 'string') issues.bad(`${ROOT}.status`, 'Required.');
  else if (!SCORED.has(status)) issues.unscorable(`${ROOT}.status`, 'Only completed or amended responses are scored.');
  const who = subjectOf(resource, issues);
  const day = authoredDay(resource);
  if (!day) issues.bad(`${ROOT}.authored`, 'Required: a date or dateTime naming the day (YYYY-MM-DD…).');
  // why: the days /v1 refuses as administeredOn (one rule for both dialects, and for `$extract`,
  // whose twin /v1/score takes no day): before 1900-01-01 or after tomorrow (docs/fhir-store.md).
  else for (const e of administeredOnErrors(day, options.now)) issues.bad(`${ROOT}.authored`, e.message);
  const identifier = identifierOf(resource, issues);
  if (field(resource, 'modifierExtension') !== undefined) issues.bad(`${ROOT}.modifierExtension`, MODIFIER);
  // A sound envelope and plain answers to one of our Questionnaires: read in one pass.
  const plain =
    issues.list.length === 0 && options.onePass !== false
      ? plainOwnAnswers(questionnaire as string, field(resource, 'item'), QR_LIMITS.items)
      : undefined;
  if (plain) {
    const parsed: ParsedResponse = {
      input: plain.input,
      ...who!,
      administeredOn: day!,
      locate: (error) => locate(error, plain.places()),
    };
    if (identifier) parsed.identifier = identifier;
    if (plain.valid) parsed.scoreRequest = plain.input as unknown as ScoreRequest;
    return parsed;
  }
  const walked = walkItems(resource, issues, worksheetWalk(questionnaire) ?? ITEM_BOUNDS);
  if (issues.list.some((e) => e.malformed) || !walked || !who || !day) issues.throwIfAny();

  const mapped = await mapAnswers(questionnaire as string, walked!, {
    formMap: () => options.formMap(formMapUrl(questionnaire as string)),
    issue: (path, message) => issues.unscorable(path, message),
  });
  issues.throwIfAny();
  return {
    input: mapped!.input,
    ...who!,
    administeredOn: day!,
    ...(identifier ? { identifier } : {}),
    locate: (error) => locate(error, mapped!.places),
  };
}

/** Where a `/v1` path points in the resource: `responses.<item>` at its answer, the envelope at its element. */
function locate(error: ValidationError, places: ReadonlyMap<string, string>): ValidationError {
  const place = (path: string): string => {
    const bare = path.replace(/^body\.?/, '');
    if (bare === 'administeredOn') return `${ROOT}.authored`;
    if (bare.startsWith('subject')) return `${ROOT}.subject`;
    if (bare.startsWith('responses.')) return places.get(bare.slice('responses.'.length)) ?? `${ROOT}.item`;
    if (bare === 'responses') return `${ROOT}.item`;
    return ROOT;
  };
  return new ValidationError(
    error.errors.map((e) => ({ path: place(e.path), message: e.message })),
    error.kind,
  );
}
