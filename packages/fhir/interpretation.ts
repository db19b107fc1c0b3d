import type { Instrument } from '../instruments/index';
import { isRecord } from './form-map';

/**
 * How an instrument's `interpretation` becomes Observation members (docs/fhir.md, "Out"): one
 * member per leaf, named by its dotted path (`stage`, `bands.importance`, `deciles.recognition`).
 * A nested record (`bands`, `deciles`) is walked; an object with a `label` (the ladder's anchor)
 * is one leaf.
 */
export type InterpretationLeaf = [key: string, value: unknown];

/**
 * The leaves of a result's interpretation, in its key order.
 * @example interpretationLeaves({ bands: { importance: 'high' } }) // [['bands.importance', 'high']]
 */
export function interpretationLeaves(
  interpretation: Record<string, unknown>,
  prefix = '',
  leaves: InterpretationLeaf[] = [],
): InterpretationLeaf[] {
  for (const k of Object.keys(interpretation)) {
    const v = interpretation[k];
    if (isRecord(v) && !('label' in v)) interpretationLeaves(v, `${prefix}${k}.`, leaves);
    else leaves.push([prefix ? `${prefix}${k}` : k, v]);
  }
  return leaves;
}

/** What kind of value a leaf holds, read from its key's first segment: each kind has one FHIR encoding. */
export type LeafKind =
  | { kind: 'code'; prefix: 'stage' | 'band' | 'balance' | 'leaning' | 'norms' }
  | { kind: 'anchor' }
  | { kind: 'decile' };

const KINDS: Record<string, LeafKind> = {
  stage: { kind: 'code', prefix: 'stage' },
  bands: { kind: 'code', prefix: 'band' },
  balance: { kind: 'code', prefix: 'balance' },
  leaning: { kind: 'code', prefix: 'leaning' },
  norms: { kind: 'code', prefix: 'norms' },
  anchor: { kind: 'anchor' },
  deciles: { kind: 'decile' },
};

/**
 * The kind of an interpretation key; a key no instrument uses today throws, so a new kind of
 * interpretation cannot be emitted without deciding its FHIR encoding (the registry test covers
 * every instrument's shape).
 * @example leafKind('bands.importance') // { kind: 'code', prefix: 'band' }
 */
export function leafKind(key: string): LeafKind {
  const kind = KINDS[key.split('.')[0] ?? ''];
  if (!kind) throw new Error(`No FHIR encoding for the interpretation key ${key}.`);
  return kind;
}

interface ZodDef {
  type: string;
  shape?: Record<string, { _zod: { def: ZodDef } }>;
  innerType?: { _zod: { def: ZodDef } };
  entries?: Record<string, string>;
  values?: unknown[];
}

/** The string values a leaf's schema allows (enum or literal), through nullable/optional wrappers. */
function stringValues(def: ZodDef): string[] {
  if (def.type === 'nullable' || def.type === 'optional') return def.innerType ? stringValues(def.innerType._zod.def) : [];
  if (def.type === 'enum') return Object.values(def.entries ?? {});
  if (def.type === 'literal') return (def.values ?? []).filter((v): v is string => typeof v === 'string');
  return [];
}

/**
 * Every interpretation key an instrument's results can have, with the string values it allows,
 * read from the instrument's result shape (the same schema the API documents its results with).
 * @example interpretationKeys(urica) // [{ key: 'stage', values: ['precontemplation', 'contemplation', 'action'] }]
 */
export function interpretationKeys(instrument: Instrument): { key: string; values: string[] }[] {
  const walk = (def: ZodDef, prefix: string): { key: string; values: string[] }[] =>
    Object.entries(def.shape ?? {}).flatMap(([k, child]) => {
      const d = child._zod.def;
      return d.type === 'object' ? walk(d, `${prefix}${k}.`) : [{ key: `${prefix}${k}`, values: stringValues(d) }];
    });
  return walk((instrument.resultShape().interpretation as unknown as { _zod: { def: ZodDef } })._zod.def, '');
}
