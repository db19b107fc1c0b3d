import type { GuidanceContext, Provenance, ScoredResult } from '../domain/records';
import type { Catalog } from './catalog';
import type { ItemInstrumentDefinition } from './definition';
import type { GuidanceSpec } from './guidance/types';
import type * as z from './zod';

/**
 * The instrument-specific part of a request, as its `inputSchema` parses it:
 * `{ instrument, responses, scale? }`. Worksheet `responses` hold four lists instead of answers.
 */
export interface InstrumentInput {
  instrument: string;
  responses: Record<string, unknown>;
  scale?: string;
}

/** Closed zod objects describing a result's `scores` and `interpretation`. */
export interface ResultShape {
  scores: z.ZodMiniObject;
  interpretation: z.ZodMiniObject;
}

/** Which score measures change and which way is better. */
export interface Outcome {
  score: string;
  better: 'higher' | 'lower';
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
  /**
   * Pure and deterministic. The input must already have passed `inputSchema`. The context (target
   * behaviour, guidance style) changes only the guidance, never a score or interpretation; `null`
   * asks for none (`guidance` is `[]` and nothing is rendered), for a caller that drops it.
   */
  score(input: InstrumentInput, context?: GuidanceContext | null): ScoredResult;
  /**
   * The answers as they may be stored: free text (worksheet labels) removed. Scoring the redacted
   * input gives exactly the same result as scoring the original.
   */
  redact(input: InstrumentInput): InstrumentInput;
  /** The guidance this instrument can give: its topic words and selection rules (`GET /v1/guidance`). */
  guidance: GuidanceSpec;
  /** JSON-serialisable catalog entry for `GET /v1/instruments/{id}`. */
  catalog: Catalog;
  /**
   * The score that says whether a client improved, and which way is better (OUR RULE, for the
   * improved / unchanged / worse shares of the aggregates; docs/scoring.md).
   */
  outcome: Outcome;
  /**
   * The exact shape of this instrument's `scores` and `interpretation`: which names exist, integer
   * or number, bounds, and where null or absence is possible. Built on first call (the OpenAPI
   * document needs it; scoring never does).
   */
  resultShape(): ResultShape;
  /** The definition data of an item-based instrument (absent for the worksheet, which has lists, not items). */
  definition?: ItemInstrumentDefinition;
}
