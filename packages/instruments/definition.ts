import type { GuidanceSpec, RuleHit } from './guidance/types';
import type { Outcome } from './types';
import type * as z from './zod';

/** Plain JSON data: what definitions are made of, so they can be hashed and published. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

export interface Anchor {
  value: number;
  label: string;
}

/** The integer answers an item accepts, with the published anchor wording (ours where unlicensed). */
export interface ResponseScale {
  min: number;
  max: number;
  anchors: readonly Anchor[];
}

export interface ItemDefinition {
  id: string;
  /** Short neutral label in our own words; always safe to publish. */
  label: string;
  /** Item wording, present only where the licence allows shipping it. */
  text?: string;
  /** `false` for items that are administered but never scored (they never affect any output). */
  scored?: false;
  /** Item-specific anchors where they differ from the instrument's response scale. */
  anchors?: readonly Anchor[];
}

/** A score computed from a fixed list of items: their sum, or their sum divided by the item count. */
export interface ScaleDefinition {
  id: string;
  items: readonly string[];
  method: 'sum' | 'mean';
}

/** A score derived from other scores: the sum of `plus` minus the sum of `minus`. */
export interface DerivedDefinition {
  id: string;
  plus: readonly string[];
  minus: readonly string[];
}

/** One row of a norm table: the scores from `min` to `max` (inclusive) fall at `value`, e.g. decile 70. */
export interface NormRow {
  value: number;
  /** Descriptive word printed beside some rows, e.g. `high`; prose, not hashed. */
  label?: string;
  min: number;
  max: number;
}

/**
 * A published norm table (deciles, percentiles) per scale. Hashed and published with the
 * definition, so a new table gives a new definition hash.
 */
export interface NormTable {
  id: string;
  /** What `NormRow.value` is, e.g. `decile`. */
  statistic: string;
  /** The normative sample, as labelled in results, e.g. `alcohol-sample`. */
  sample: string;
  description: string;
  /** Rows per scale id, highest value first; together they must cover the scale's range exactly. */
  scales: { readonly [scaleId: string]: readonly NormRow[] };
}

export interface Source {
  citation: string;
  url?: string;
}

/** `not-copyrighted`: the publisher states the instrument is not copyrighted and free to use. */
export const LICENCE_STATUSES = ['public-domain', 'not-copyrighted', 'generic', 'own-wording', 'none-found', 'copyrighted'] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];

export interface Licence {
  status: LicenceStatus;
  /** Whether the catalog may carry item wording. */
  itemText: boolean;
  note: string;
}

/** A rule no source publishes: the product's decision, labelled as such in the catalog. */
export interface OurRule {
  id: string;
  rule: string;
}

export type Scores = Record<string, number | null>;
export type Interpretation = Record<string, unknown>;

export interface RuleContext {
  /** The response scale the answers were given on (the chosen variant's, if any). */
  responseScale: ResponseScale;
}

/**
 * An item-based instrument as data plus two small rule functions. The engine derives the input
 * schema, scoring, guidance, catalog and definition hash from it; adding an instrument is one such object.
 */
export interface ItemInstrumentDefinition {
  id: string;
  version: string;
  title: string;
  description: string;
  /** Provenance algorithm id, e.g. `decisional-balance-alcohol-20`. */
  algorithm: string;
  responseScale: ResponseScale;
  /** Alternative response scales chosen by the request's top-level `scale`; answers are never rescaled. */
  variants?: { default: string; scales: Readonly<Record<string, ResponseScale>> };
  items: readonly ItemDefinition[];
  scales: readonly ScaleDefinition[];
  derived?: readonly DerivedDefinition[];
  /** Fewest answered items a request must carry (default 0). */
  minAnswered?: number;
  /** `null` (default): an incomplete score is `null`; `omit`: its key is left out. */
  missingScores?: 'null' | 'omit';
  /** Cut-offs, bands, group means and tie rules the interpretation reads: hashed with the rest. */
  rules: { readonly [key: string]: Json };
  /** The score the aggregates' improved / unchanged / worse shares compare, and which way is better (not hashed: it is not scoring). */
  outcome: Outcome;
  /** Published norm table the interpretation reads (hashed, and shown in the catalog). */
  norms?: NormTable;
  /** Human-readable scoring summary for the catalog. */
  scoring: readonly string[];
  /** Human-readable interpretation rules for the catalog. */
  interpretationRules: readonly string[];
  ourRules: readonly OurRule[];
  /** Notes a clinician must see in the catalog (e.g. a key still to be confirmed, borrowed norms). */
  notes?: readonly string[];
  licence: Licence;
  sources: readonly Source[];
  /** What the guidance can say: the topic words and the selection rules, each naming catalog prompts (hashed). */
  guidance: GuidanceSpec;
  interpret(scores: Scores, context: RuleContext): Interpretation;
  /**
   * The fields `interpret` returns and their exact values (enums, nullability), for the typed
   * results of the OpenAPI document; built from the same constants `interpret` reads, and called
   * only when the document is built, never on the scoring path.
   */
  interpretationShape(): Record<string, z.ZodMiniType>;
  /** The guidance rules that fire for a result, in order; the engine renders their prompts. */
  guide(scores: Scores, interpretation: Interpretation, context: RuleContext): RuleHit[];
}

/** An inclusive band of values with a name, e.g. `{ label: 'low', min: 0, max: 3 }`. */
export interface Band {
  label: string;
  min: number;
  max: number;
}

/**
 * The band containing `value`, or `null` for a null value or one outside every band.
 * @example bandOf(5, [{ label: 'low', min: 0, max: 3 }, { label: 'moderate', min: 4, max: 6 }]) // 'moderate'
 */
export function bandOf(value: number | null | undefined, bands: readonly Band[]): string | null {
  if (value === null || value === undefined) return null;
  return bands.find((band) => value >= band.min && value <= band.max)?.label ?? null;
}

/**
 * `positive`, `negative` or `zero` label for the sign of a value; `null` stays `null`.
 * @example signLabel(-1.1, { positive: 'pros', negative: 'cons', zero: 'balanced' }) // 'cons'
 */
export function signLabel<T extends string>(value: number | null | undefined, labels: { positive: T; negative: T; zero: T }): T | null {
  if (value === null || value === undefined) return null;
  if (value > 0) return labels.positive;
  if (value < 0) return labels.negative;
  return labels.zero;
}

/**
 * The norm value (e.g. decile) of the row containing `value`; `null` for a null value or one
 * outside every row.
 * @example normOf(32, [{ value: 60, min: 34, max: 34 }, { value: 50, min: 32, max: 33 }]) // 50
 */
export function normOf(value: number | null | undefined, rows: readonly NormRow[]): number | null {
  if (value === null || value === undefined) return null;
  return rows.find((row) => value >= row.min && value <= row.max)?.value ?? null;
}

/** A published group mean to stage against, e.g. `{ label: 'contemplation', mean: 11.0 }`. */
export interface GroupMean {
  label: string;
  mean: number;
}

/** Distances closer than this count as equal, so float noise never decides a tie. */
const TIE_TOLERANCE = 1e-9;

/**
 * The label of the group mean nearest to `value`. An exact tie between two means goes to the
 * `earlier` or `later` of them in the order of `means`. `null` stays `null`.
 * @example nearestMean(7.86, [{ label: 'precontemplation', mean: 9.3 }, { label: 'contemplation', mean: 11 }], 'earlier') // 'precontemplation'
 */
export function nearestMean(value: number | null | undefined, means: readonly GroupMean[], tie: 'earlier' | 'later'): string | null {
  if (value === null || value === undefined || means.length === 0) return null;
  let best = 0;
  for (let i = 1; i < means.length; i += 1) {
    const d = Math.abs(value - means[i]!.mean) - Math.abs(value - means[best]!.mean);
    if (d < -TIE_TOLERANCE || (Math.abs(d) <= TIE_TOLERANCE && tie === 'later')) best = i;
  }
  return means[best]!.label;
}

/**
 * The id of the highest of `ids` in `scores`. A tie goes to the `earlier` or `later` id in the
 * order of `ids`. `null` when any of the scores is null or absent (never staged on part of the data).
 * @example highestOf({ precontemplation: -7, contemplation: 5, action: 5 }, ['precontemplation', 'contemplation', 'action'], 'later') // 'action'
 */
export function highestOf(scores: Scores, ids: readonly string[], tie: 'earlier' | 'later'): string | null {
  const values = ids.map((id) => scores[id]);
  if (ids.length === 0 || values.some((v) => typeof v !== 'number')) return null;
  let best = 0;
  for (let i = 1; i < ids.length; i += 1) {
    const v = values[i] as number;
    const top = values[best] as number;
    if (v > top || (v === top && tie === 'later')) best = i;
  }
  return ids[best]!;
}
