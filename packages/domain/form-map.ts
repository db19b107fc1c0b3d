/**
 * A clinic's form map: how an EHR's own questionnaire (its canonical URL, its linkIds, its answer
 * codes) translates into one of our instruments, so that a QuestionnaireResponse written against
 * the EHR's form scores exactly as if it had used ours. An operator imports it with the CLI
 * (docs/fhir-store.md, "Form maps"); it describes a form, never a client, so nothing in it is an
 * identifier.
 */

/** One EHR answer and the integer it means on our item's scale. Exactly one of `code`, `integer`, `string` is set. */
export type FormMapAnswer =
  | { system: string; code: string; value: number }
  | { integer: number; value: number }
  | { string: string; value: number };

/** One EHR question (by its linkId) and the item of ours it asks. */
export interface FormMapItem {
  linkId: string;
  /** Our item id, as `GET /v1/instruments/{id}` lists it. */
  item: string;
  answers: FormMapAnswer[];
}

export interface FormMap {
  /** The EHR questionnaire's canonical URL, without `|version`: every version of it maps the same way. */
  questionnaire: string;
  /** Our instrument id. */
  instrument: string;
  /** The instrument's response-scale variant, for instruments that have variants. */
  scale?: string;
  items: FormMapItem[];
}

/** A stored form map with when it was imported. */
export interface FormMapRecord {
  clinicId: string;
  importedAt: string;
  map: FormMap;
}

/** The bounds a form map is held to, so one item stays small and a lookup stays cheap. */
export const FORM_MAP_LIMITS = {
  /** Characters of the questionnaire URL (it is part of the item's key). */
  questionnaire: 512,
  /** Questions per map: the longest instrument has 32 items. */
  items: 100,
  /** Answers per question. */
  answers: 50,
  /** Characters of a linkId, code system, code or string answer. */
  text: 256,
  /** Maps per clinic. */
  perClinic: 100,
} as const;

/** Whether a clinic is a 42 CFR Part 2 program; absent settings mean it is. */
export interface ClinicSettings {
  part2: boolean;
}

/** A clinic the operator has not said otherwise about is a Part 2 program. */
export const DEFAULT_CLINIC_SETTINGS: ClinicSettings = Object.freeze({ part2: true });
