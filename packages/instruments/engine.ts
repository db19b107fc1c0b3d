import type { GuidanceContext, Provenance, ScoredResult } from '../domain/records';
import { itemCatalog } from './catalog';
import type { ItemInstrumentDefinition, Json, NormTable, ResponseScale, Scores } from './definition';
import { checkGuidance, guidanceData, renderGuidance } from './guidance/render';
import { definitionHash } from './hash';
import { once } from './once';
import { itemResultShape } from './result-shape';
import type { Instrument, InstrumentInput } from './types';
import { answer, closedObject, unknownItems } from './validation';
import * as z from './zod';

/**
 * The response scale answers are read on: the chosen variant's, else the default.
 * @example responseScaleFor(readinessRulerDefinition, '1-10') // { min: 1, max: 10, anchors: [...] }
 */
export function responseScaleFor(definition: ItemInstrumentDefinition, variant?: string): ResponseScale {
  if (!definition.variants) return definition.responseScale;
  return definition.variants.scales[variant ?? definition.variants.default] ?? definition.responseScale;
}

/**
 * The data part of a definition that decides its output: ids, ranges, keys, methods, rules,
 * version, and the guidance it can give (catalog version, rules, the prompts' templates and
 * labels: a stored result keeps the guidance it was given, so new guidance is a new definition).
 * Other prose (title, labels, anchors, sources, licence) is left out: rewording it never changes
 * the hash, and a catalog text change is versioned by bumping `version`, which is hashed.
 * @example definitionHash(hashedData(urica))
 */
export function hashedData(definition: ItemInstrumentDefinition): Json {
  const range = ({ min, max }: ResponseScale) => ({ min, max });
  const variants = definition.variants;
  return {
    id: definition.id,
    version: definition.version,
    algorithm: definition.algorithm,
    responseScale: range(definition.responseScale),
    variants: variants
      ? { default: variants.default, scales: Object.fromEntries(Object.entries(variants.scales).map(([k, v]) => [k, range(v)])) }
      : null,
    items: definition.items.map((item) => ({ id: item.id, scored: item.scored ?? true })),
    scales: definition.scales.map((scale) => ({ ...scale, items: [...scale.items] })),
    derived: (definition.derived ?? []).map((d) => ({ id: d.id, plus: [...d.plus], minus: [...d.minus] })),
    minAnswered: definition.minAnswered ?? 0,
    missingScores: definition.missingScores ?? 'null',
    rules: definition.rules,
    guidance: guidanceData(definition.guidance),
    // Added only when present, so definitions without norms keep the hash they always had.
    ...(definition.norms ? { norms: normsData(definition.norms) } : {}),
  };
}

function normsData(norms: NormTable): Json {
  return {
    id: norms.id,
    statistic: norms.statistic,
    sample: norms.sample,
    scales: Object.fromEntries(
      Object.entries(norms.scales).map(([id, rows]) => [id, rows.map(({ value, min, max }) => ({ value, min, max }))]),
    ),
  };
}

/**
 * Throws when a definition contradicts itself: a scale naming an unknown or unscored item, a
 * derived score naming an unknown score, or a norm table that does not cover its scale's range
 * exactly once. Runs once when the instrument is defined, so a typo fails at start-up.
 * @example checkDefinition(uricaDefinition) // no throw
 */
export function checkDefinition(definition: ItemInstrumentDefinition): void {
  const fail = (why: string) => {
    throw new Error(`Instrument ${definition.id}: ${why}`);
  };
  const items = new Map(definition.items.map((item) => [item.id, item]));
  if (items.size !== definition.items.length) fail('duplicate item id');
  for (const scale of definition.scales) {
    for (const id of scale.items) {
      const item = items.get(id);
      if (!item) fail(`scale ${scale.id} names unknown item ${id}`);
      if (item?.scored === false) fail(`scale ${scale.id} names unscored item ${id}`);
    }
  }
  checkGuidance(definition.id, definition.guidance);
  const known = new Set(definition.scales.map((s) => s.id));
  for (const derived of definition.derived ?? []) {
    for (const id of [...derived.plus, ...derived.minus]) if (!known.has(id)) fail(`derived ${derived.id} names unknown score ${id}`);
    known.add(derived.id);
  }
  if (!definition.norms) return;
  const ranges = scoreRanges(definition);
  for (const [id, rows] of Object.entries(definition.norms.scales)) {
    const range = ranges[id];
    if (!range) fail(`norms name unknown score ${id}`);
    const scale = definition.scales.find((s) => s.id === id);
    if (scale?.method !== 'sum') fail(`norms for ${id} need an integer (sum) scale`);
    for (let v = range!.min; v <= range!.max; v += 1) {
      const hits = rows.filter((row) => v >= row.min && v <= row.max).length;
      if (hits !== 1) fail(`norms for ${id} cover ${v} ${hits} times`);
    }
  }
}

/**
 * Theoretical minimum and maximum of every score on a response scale.
 * @example scoreRanges(decisionalBalanceAlcoholDefinition) // { pros: { min: 1, max: 5 }, cons: {...}, difference: { min: -4, max: 4 } }
 */
export function scoreRanges(definition: ItemInstrumentDefinition, variant?: string): Record<string, { min: number; max: number }> {
  const { min, max } = responseScaleFor(definition, variant);
  const ranges: Record<string, { min: number; max: number }> = {};
  for (const scale of definition.scales) {
    const n = scale.method === 'sum' ? scale.items.length : 1;
    ranges[scale.id] = { min: n * min, max: n * max };
  }
  for (const derived of definition.derived ?? []) {
    const of = (id: string) => ranges[id] ?? { min: 0, max: 0 };
    const total = (ids: readonly string[], bound: 'min' | 'max') => ids.reduce((acc, id) => acc + of(id)[bound], 0);
    ranges[derived.id] = {
      min: total(derived.plus, 'min') - total(derived.minus, 'max'),
      max: total(derived.plus, 'max') - total(derived.minus, 'min'),
    };
  }
  return ranges;
}

/**
 * Whether `answered` items are enough for the definition (`minAnswered`, default 0): the rule the
 * input schema checks, and the FHIR one-pass reading with it (docs/fhir-store.md).
 * @example hasEnoughAnswers(readinessRuler.definition, 0) // false
 */
export const hasEnoughAnswers = (definition: ItemInstrumentDefinition, answered: number): boolean =>
  answered >= (definition.minAnswered ?? 0);

function buildInputSchema(definition: ItemInstrumentDefinition) {
  const variantScales = definition.variants ? Object.values(definition.variants.scales) : [definition.responseScale];
  const lo = Math.min(...variantScales.map((s) => s.min));
  const hi = Math.max(...variantScales.map((s) => s.max));
  const shape = Object.fromEntries(definition.items.map((item) => [item.id, answer(lo, hi)]));
  const minAnswered = definition.minAnswered ?? 0;
  const responses = closedObject(shape, unknownItems).check((ctx) => {
    const answered = Object.values(ctx.value).filter((v) => v !== undefined).length;
    if (!hasEnoughAnswers(definition, answered)) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: minAnswered === 1 ? 'At least one item must be answered.' : `At least ${minAnswered} items must be answered.`,
      });
    }
  });
  if (!definition.variants) return closedObject({ instrument: z.literal(definition.id), responses });
  const names = Object.keys(definition.variants.scales) as [string, ...string[]];
  return closedObject({ instrument: z.literal(definition.id), responses, scale: z.optional(z.enum(names)) }).check((ctx) => {
    const { min, max } = responseScaleFor(definition, ctx.value.scale);
    for (const [id, value] of Object.entries(ctx.value.responses ?? {})) {
      // The item schema already reports non-integers and values outside every variant's range.
      if (typeof value !== 'number' || !Number.isInteger(value) || value < lo || value > hi) continue;
      if (value < min) {
        ctx.issues.push({
          code: 'too_small',
          origin: 'number',
          minimum: min,
          inclusive: true,
          input: value,
          path: ['responses', id],
          message: `Too small: expected number to be >=${min}`,
        });
      } else if (value > max) {
        ctx.issues.push({
          code: 'too_big',
          origin: 'number',
          maximum: max,
          inclusive: true,
          input: value,
          path: ['responses', id],
          message: `Too big: expected number to be <=${max}`,
        });
      }
    }
  });
}

function computeScores(definition: ItemInstrumentDefinition, answers: Readonly<Record<string, unknown>>): Scores {
  const scores: Scores = {};
  for (const scale of definition.scales) {
    const values = scale.items.map((id) => answers[id]);
    // why: OUR RULE (docs/scoring.md, "The engine") — never prorate, never treat a missing item as 0.
    if (values.some((v) => typeof v !== 'number')) {
      scores[scale.id] = null;
      continue;
    }
    const sum = (values as number[]).reduce((acc, v) => acc + v, 0);
    scores[scale.id] = scale.method === 'sum' ? sum : sum / values.length;
  }
  for (const derived of definition.derived ?? []) {
    const parts = [...derived.plus, ...derived.minus].map((id) => scores[id]);
    // why: OUR RULE — anything derived from a null score is null.
    if (parts.some((p) => p === null || p === undefined)) {
      scores[derived.id] = null;
      continue;
    }
    const total = (ids: readonly string[]) => ids.reduce((acc, id) => acc + (scores[id] as number), 0);
    scores[derived.id] = total(derived.plus) - total(derived.minus);
  }
  if (definition.missingScores === 'omit') {
    for (const [key, value] of Object.entries(scores)) if (value === null) delete scores[key];
  }
  return scores;
}

/**
 * Scores one already-validated input: unrounded scores, missing items in definition order,
 * interpretation, and the guidance of the definition's rules worded for `guidanceContext`.
 * @example scoreItems(definition, provenance, { instrument: 'decisional-balance-smoking-short', responses: { '1': 4 } }, { targetBehavior: 'tobacco' })
 */
export function scoreItems(
  definition: ItemInstrumentDefinition,
  provenance: Provenance,
  input: InstrumentInput,
  guidanceContext: GuidanceContext | null = {},
): ScoredResult {
  const context = { responseScale: responseScaleFor(definition, input.scale) };
  const answers = input.responses;
  // why: items administered but not scored never affect any output (docs/scoring.md), so an
  // unanswered one is not listed in `missing` and never makes a result incomplete.
  const missing = definition.items.filter((item) => item.scored !== false && typeof answers[item.id] !== 'number').map((item) => item.id);
  const scores = computeScores(definition, answers);
  const interpretation = definition.interpret(scores, context);
  return {
    instrument: { id: definition.id, version: definition.version },
    complete: missing.length === 0,
    missing,
    scores,
    interpretation,
    guidance:
      guidanceContext === null
        ? []
        : renderGuidance(definition.id, definition.guidance, definition.guide(scores, interpretation, context), guidanceContext),
    provenance: { ...provenance },
  };
}

/**
 * Turns an item-based definition into an `Instrument`. The definition is checked here, so a typo
 * fails at start-up; the hash, input schema and catalog are built on first use and kept.
 * @example export const urica = defineItemInstrument(uricaDefinition);
 */
export function defineItemInstrument(definition: ItemInstrumentDefinition): Instrument {
  checkDefinition(definition);
  const provenance = once<Provenance>(() =>
    Object.freeze({
      algorithm: definition.algorithm,
      algorithmVersion: definition.version,
      definitionHash: definitionHash(hashedData(definition)),
    }),
  );
  const inputSchema = once(() => buildInputSchema(definition));
  const catalog = once(() => itemCatalog(definition, provenance(), scoreRanges(definition)));
  const variants = definition.variants ? Object.keys(definition.variants.scales) : [undefined];
  const resultShape = once(() =>
    itemResultShape(
      definition,
      variants.map((variant) => scoreRanges(definition, variant)),
    ),
  );
  return {
    id: definition.id,
    version: definition.version,
    title: definition.title,
    get provenance() {
      return provenance();
    },
    get inputSchema() {
      return inputSchema();
    },
    score: (input, guidanceContext) => scoreItems(definition, provenance(), input, guidanceContext),
    redact: (input) => ({
      instrument: input.instrument,
      responses: { ...input.responses },
      ...(input.scale === undefined ? {} : { scale: input.scale }),
    }),
    get catalog() {
      return catalog();
    },
    outcome: definition.outcome,
    guidance: definition.guidance,
    resultShape,
    definition,
  };
}
