import type { Catalog } from './catalog';
import type { ItemInstrumentDefinition } from './definition';
import type * as z from './zod';

/** The five MI principles (Miller & Rollnick); every guidance entry names the one it serves. */
export type MiPrinciple = 'express-empathy' | 'develop-discrepancy' | 'avoid-argument' | 'roll-with-resistance' | 'support-self-efficacy';

/** One MI-consistent prompt a clinician can use: an open question, never confrontation. */
export interface Guidance {
  principle: MiPrinciple;
  /** What the conversation should work on, e.g. `explore-importance`, `strengthen-commitment`. */
  focus: string;
  prompt: string;
}

/** Traces a stored score to the exact rule that produced it. */
export interface Provenance {
  /** e.g. `urica-28`, `decisional-balance-alcohol-20`. */
  algorithm: string;
  algorithmVersion: string;
  /** `sha256:<hex>` of the canonical JSON of the instrument's definition data. */
  definitionHash: string;
}

/** What scoring returns; the API adds `id`, `subjectId`, `administeredOn` around it. */
export interface ScoredResult {
  instrument: { id: string; version: string };
  complete: boolean;
  /** Ids of the items (or worksheet lists) that were not answered, in definition order. */
  missing: string[];
  /** Unrounded; `null` when any item the score depends on is missing. Key names per instruments.md. */
  scores: Record<string, number | null>;
  interpretation: Record<string, unknown>;
  guidance: Guidance[];
  provenance: Provenance;
}

/**
 * The instrument-specific part of a request, as its `inputSchema` parses it:
 * `{ instrument, responses, scale? }`. Worksheet `responses` hold four lists instead of answers.
 */
export interface InstrumentInput {
  instrument: string;
  responses: Record<string, unknown>;
  scale?: string;
}

/** An instrument as the rest of the system sees it. Everything is derived from definition data. */
export interface Instrument {
  id: string;
  version: string;
  title: string;
  /** What every result scored by this definition carries; a stored result with another hash came from another definition. */
  provenance: Provenance;
  /**
   * Closed (strict) zod object: `{ instrument: z.literal(id), responses: <strict object>, scale?: ... }`.
   * Unknown item ids, non-integers and out-of-range answers each produce their own zod issue whose
   * path names the item (`['responses', '7']`); messages never contain the submitted value.
   */
  inputSchema: z.ZodMiniObject;
  /** Pure and deterministic. The input must already have passed `inputSchema`. */
  score(input: InstrumentInput): ScoredResult;
  /**
   * The answers as they may be stored: free text (worksheet labels) removed. Scoring the redacted
   * input gives exactly the same result as scoring the original.
   */
  redact(input: InstrumentInput): InstrumentInput;
  /** JSON-serialisable catalog entry for `GET /v1/instruments/{id}`. */
  catalog: Catalog;
  /** The definition data of an item-based instrument (absent for the worksheet, which has lists, not items). */
  definition?: ItemInstrumentDefinition;
}
