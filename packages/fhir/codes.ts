import { type ItemInstrumentDefinition, instruments } from '../instruments/index';
import { STAGES } from '../instruments/stages';
import { CODE_SYSTEM_ID, CODE_SYSTEM_URL } from './canonical';
import { interpretationKeys, leafKind } from './interpretation';

/** The codes of our CodeSystem, one function per kind, so every module spells them alike. */
export const code = {
  instrument: (id: string) => id,
  item: (instrument: string, item: string) => `${instrument}/item/${item}`,
  answer: (instrument: string, value: number) => `${instrument}/answer/${value}`,
  score: (instrument: string, score: string) => `${instrument}/score/${score}`,
  /** An interpretation of a result, e.g. `urica/interpretation/stage` or `readiness-ruler/interpretation/bands.importance`. */
  interpretation: (instrument: string, key: string) => `${instrument}/interpretation/${key}`,
  stage: (stage: string) => `stage/${stage}`,
  band: (band: string) => `band/${band}`,
  balance: (balance: string) => `balance/${balance}`,
  /** The decisional-balance worksheet's leaning (`change`, `status-quo`, `balanced`). */
  leaning: (leaning: string) => `leaning/${leaning}`,
  /** The norm sample a result's deciles were read from (SOCRATES: `alcohol-sample`). */
  norms: (sample: string) => `norms/${sample}`,
  anchor: (instrument: string, value: number) => `${instrument}/anchor/${value}`,
};

interface Concept {
  code: string;
  display: string;
  concept?: Concept[];
}

/** The interpretation values a definition can give, as codes: its bands, balances or anchors. */
function interpretationValues(definition: ItemInstrumentDefinition): Concept[] {
  const rules = definition.rules as { bands?: unknown; balance?: Record<string, unknown>; anchor?: unknown };
  const values: Concept[] = [];
  for (const band of (rules.bands as { label: string }[] | undefined) ?? [])
    values.push({ code: code.band(band.label), display: band.label });
  if (rules.balance) {
    for (const key of Object.keys(rules.balance).filter((k) => k !== 'of')) values.push({ code: code.balance(key), display: key });
  }
  if (rules.anchor) {
    for (const anchor of definition.responseScale.anchors) {
      values.push({ code: code.anchor(definition.id, anchor.value), display: `${anchor.value}: ${anchor.label}` });
    }
  }
  return values;
}

/**
 * Our CodeSystem, generated from the instrument definitions: each instrument with its items,
 * answers, scores and interpretations beneath it; the stages of change and the shared band and
 * balance words at the top. Item concepts carry our neutral labels only (never licensed wording).
 * @example codeSystem().concept.find((c) => c.code === 'urica')?.concept?.length
 */
export function codeSystem() {
  const shared = new Map<string, Concept>();
  const perInstrument: Concept[] = instruments.map((instrument) => {
    const d = instrument.definition;
    const concept: Concept[] = [];
    // why: the worksheet's lists are the items of its Questionnaire (worksheet-questionnaire.ts).
    if (!d) for (const item of instrument.catalog.items) concept.push({ code: code.item(instrument.id, item.id), display: item.label });
    if (d) {
      for (const item of d.items) concept.push({ code: code.item(d.id, item.id), display: item.label });
      const scale = d.responseScale;
      for (let v = scale.min; v <= scale.max; v += 1) {
        const anchor = scale.anchors.find((a) => a.value === v);
        concept.push({ code: code.answer(d.id, v), display: anchor ? `${v}: ${anchor.label}` : String(v) });
      }
      for (const value of interpretationValues(d)) {
        if (value.code.startsWith(`${d.id}/`)) concept.push(value);
        else shared.set(value.code, value);
      }
    }
    for (const id of instrument.catalog.scales.map((s) => s.id).concat(instrument.catalog.derivedScores.map((s) => s.id))) {
      concept.push({ code: code.score(instrument.id, id), display: `${instrument.title}: ${id}` });
    }
    // why: every interpretation is an Observation member whose code must be ours (docs/fhir.md, "Out").
    for (const { key, values } of interpretationKeys(instrument)) {
      concept.push({ code: code.interpretation(instrument.id, key), display: `${instrument.title}: ${key}` });
      const kind = leafKind(key);
      if (kind.kind === 'code' && (kind.prefix === 'leaning' || kind.prefix === 'norms')) {
        for (const v of values) shared.set(code[kind.prefix](v), { code: code[kind.prefix](v), display: v });
      }
    }
    return { code: code.instrument(instrument.id), display: instrument.title, concept };
  });
  const stages = STAGES.map((s) => ({ code: code.stage(s), display: s }));
  return {
    resourceType: 'CodeSystem' as const,
    id: CODE_SYSTEM_ID,
    url: CODE_SYSTEM_URL,
    version: '1.2.0',
    name: 'MIInstruments',
    title: 'Motivational Interviewing instruments: items, answers, scores and interpretations',
    status: 'active',
    content: 'complete',
    hierarchyMeaning: 'part-of',
    caseSensitive: true,
    concept: [...perInstrument, ...stages, ...shared.values()],
  };
}
