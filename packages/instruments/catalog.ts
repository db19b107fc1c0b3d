import type { Provenance } from '../domain/records';
import type { Anchor, ItemInstrumentDefinition, Licence, NormRow, OurRule, ResponseScale, Source } from './definition';
import { GUIDANCE_CATALOG_VERSION } from './guidance/prompts';
import type { GuidanceSpec } from './guidance/types';
import type { Instrument, Outcome } from './types';

/** One item of a catalog entry: a question, or (the worksheet) a list of free entries. */
export interface CatalogItem {
  id: string;
  label: string;
  /** The wording, only where the licence allows it. */
  text?: string;
  scored?: boolean;
  anchors?: Anchor[];
  kind?: 'list';
  maxEntries?: number;
}

/** What `GET /v1/instruments/{id}` answers: built only from the definition's data. */
export interface Catalog {
  id: string;
  version: string;
  title: string;
  description: string;
  responseScale: { min: number; max: number; anchors: Anchor[]; appliesTo?: string };
  responseScaleVariants?: { field: 'scale'; default: string; scales: Record<string, { min: number; max: number; anchors: Anchor[] }> };
  minAnswered?: number;
  items: CatalogItem[];
  /** The worksheet's entries: what one list entry holds. */
  entry?: Record<string, Record<string, unknown>>;
  scales: { id: string; items: string[]; method: 'sum' | 'mean' | 'count'; range?: { min: number; max: number } }[];
  derivedScores: { id: string; plus?: string[]; minus?: string[]; formula?: string; range?: { min: number; max: number } }[];
  norms?: { id: string; statistic: string; sample: string; description: string; scales: Record<string, NormRow[]> };
  scoring: string[];
  interpretation: string[];
  notes?: string[];
  licence: Licence;
  sources: Source[];
  ourRules: OurRule[];
  /** The score that measures change and which way is better: what the aggregates' improved / worse compare, and what a chart of change follows. */
  outcome: Outcome;
  /** The guidance rules (OUR RULE) and the catalog prompts each gives; `GET /v1/guidance` has the wording and sources. */
  guidance: CatalogGuidance;
  provenance: Provenance;
}

/** An instrument's guidance as its catalog entry shows it. */
export interface CatalogGuidance {
  catalogVersion: string;
  topic: { behaviour: string; change: string; refinedBy: 'any' | string[] };
  rules: { id: string; when: string; prompts: string[]; neutral?: string[] }[];
}

/**
 * The catalog view of a guidance spec.
 * @example catalogGuidance(uricaDefinition.guidance).rules[0]?.id // 'stage-precontemplation'
 */
export function catalogGuidance(spec: GuidanceSpec): CatalogGuidance {
  const { topic } = spec;
  return {
    catalogVersion: GUIDANCE_CATALOG_VERSION,
    topic: { behaviour: topic.behaviour, change: topic.change, refinedBy: topic.refinedBy === 'any' ? 'any' : [...topic.refinedBy] },
    rules: spec.rules.map((r) => ({ id: r.id, when: r.when, prompts: [...r.prompts], ...(r.neutral ? { neutral: [...r.neutral] } : {}) })),
  };
}

/** One row of `GET /v1/instruments`. */
export interface CatalogSummary {
  id: string;
  version: string;
  title: string;
  licence: Licence;
}

const scaleJson = ({ min, max, anchors }: ResponseScale) => ({
  min,
  max,
  anchors: anchors.map(({ value, label }) => ({ value, label })),
});

/**
 * The catalog entry of an item-based instrument, built only from its definition data.
 * Item wording is included only when the licence allows it.
 * @example itemCatalog(definition, provenance, scoreRanges(definition)).items[0] // { id: '1', label: '…' }
 */
export function itemCatalog(
  definition: ItemInstrumentDefinition,
  provenance: Provenance,
  ranges: Record<string, { min: number; max: number }>,
): Catalog {
  const { licence } = definition;
  return {
    id: definition.id,
    version: definition.version,
    title: definition.title,
    description: definition.description,
    responseScale: scaleJson(definition.responseScale),
    ...(definition.variants && {
      responseScaleVariants: {
        field: 'scale',
        default: definition.variants.default,
        scales: Object.fromEntries(Object.entries(definition.variants.scales).map(([k, v]) => [k, scaleJson(v)])),
      },
    }),
    ...(definition.minAnswered ? { minAnswered: definition.minAnswered } : {}),
    items: definition.items.map((item) => ({
      id: item.id,
      label: item.label,
      ...(licence.itemText && item.text !== undefined ? { text: item.text } : {}),
      scored: item.scored ?? true,
      ...(item.anchors ? { anchors: item.anchors.map(({ value, label }) => ({ value, label })) } : {}),
    })),
    scales: definition.scales.map((scale) => ({
      id: scale.id,
      items: [...scale.items],
      method: scale.method,
      range: ranges[scale.id]!,
    })),
    derivedScores: (definition.derived ?? []).map((derived) => ({
      id: derived.id,
      plus: [...derived.plus],
      minus: [...derived.minus],
      range: ranges[derived.id]!,
    })),
    ...(definition.norms && {
      norms: {
        id: definition.norms.id,
        statistic: definition.norms.statistic,
        sample: definition.norms.sample,
        description: definition.norms.description,
        scales: Object.fromEntries(Object.entries(definition.norms.scales).map(([id, rows]) => [id, rows.map((row) => ({ ...row }))])),
      },
    }),
    scoring: [...definition.scoring],
    interpretation: [...definition.interpretationRules],
    ...(definition.notes && { notes: [...definition.notes] }),
    licence: { status: licence.status, itemText: licence.itemText, note: licence.note },
    sources: definition.sources.map((source) => ({ ...source })),
    ourRules: definition.ourRules.map((rule) => ({ ...rule })),
    outcome: { ...definition.outcome },
    guidance: catalogGuidance(definition.guidance),
    provenance: { ...provenance },
  };
}

/**
 * The list-endpoint row for an instrument, read from its catalog entry.
 * @example catalogSummary(getInstrument('readiness-ruler')!).licence.status // 'generic'
 */
export function catalogSummary(instrument: Instrument): CatalogSummary {
  return { id: instrument.id, version: instrument.version, title: instrument.title, licence: instrument.catalog.licence };
}
