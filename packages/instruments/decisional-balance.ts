import type { GuidanceContext, Provenance, ScoredResult } from '../domain/records';
import { type Catalog, catalogGuidance } from './catalog';
import { type Json, signLabel } from './definition';
import { checkGuidance, GENERIC_TOPIC, guidanceData, renderGuidance } from './guidance/render';
import type { GuidanceRule, GuidanceSpec, RuleHit } from './guidance/types';
import { definitionHash } from './hash';
import { once } from './once';
import type { Instrument, InstrumentInput, Outcome } from './types';
import { closedObject, unknownItems } from './validation';
import * as z from './zod';

export const WORKSHEET_LISTS = ['benefitsOfChange', 'costsOfChange', 'benefitsOfStatusQuo', 'costsOfStatusQuo'] as const;
export type WorksheetList = (typeof WORKSHEET_LISTS)[number];

/** One worksheet entry as accepted: the free-text label is optional and never stored. */
export interface WorksheetEntry {
  label?: string;
  weight?: number;
}

// why: the decisional balance proportion counts reasons favouring change — benefits of change and
// costs of the status quo (Collins, Carey & Otto 2009, doi 10.1037/a0015841).
const FAVOUR_CHANGE: readonly WorksheetList[] = ['benefitsOfChange', 'costsOfStatusQuo'];

/** Data of the MI four-quadrant decisional balance worksheet; hashed for provenance. */
export const decisionalBalanceData = {
  id: 'decisional-balance',
  // 1.1.0: guidance catalog 2.0.0 (no request for reasons to stay the same).
  version: '1.1.0',
  algorithm: 'decisional-balance-worksheet',
  lists: [...WORKSHEET_LISTS],
  // why: OUR RULE — label ≤ 200 chars; at most 50 entries per list; weights 1–5 (the worksheet publishes no limits; docs/scoring.md).
  entry: { labelMaxLength: 200, weight: { min: 1, max: 5 } },
  maxEntries: 50,
  proportion: { favourChange: [...FAVOUR_CHANGE] },
  // why: OUR RULE (docs/scoring.md) — leaning change > 0.5, status-quo < 0.5, balanced = 0.5, read from `proportion`.
  leaning: { change: '> 0.5', 'status-quo': '< 0.5', balanced: '= 0.5', of: 'proportion' },
} as const satisfies Json;

const inputSchema = once(() => {
  const entry = closedObject({
    label: z.optional(z.string().check(z.maxLength(decisionalBalanceData.entry.labelMaxLength))),
    weight: z.optional(
      z.number().check(z.int(), z.minimum(decisionalBalanceData.entry.weight.min), z.maximum(decisionalBalanceData.entry.weight.max)),
    ),
  });
  const list = z.optional(z.array(entry).check(z.maxLength(decisionalBalanceData.maxEntries)));
  return closedObject({
    instrument: z.literal(decisionalBalanceData.id),
    responses: closedObject(Object.fromEntries(WORKSHEET_LISTS.map((l) => [l, list])), unknownItems),
  });
});

// why: OUR RULE — the worksheet is itself the four-quadrant decisional balance, so guidance does
// not ask for both sides again (with ambivalent people that lowers commitment, Miller & Rose
// 2013): it acknowledges the reasons for the status quo with a reflection and evokes change talk.
// The balanced exploration is given only when the caller asks for style `neutral`.
const RULES: readonly GuidanceRule[] = [
  {
    id: 'leaning-change',
    when: 'Leaning change (proportion > 0.5): evoke the reason that matters most and ability.',
    prompts: ['evoke-listed-change', 'evoke-ability'],
  },
  {
    id: 'leaning-status-quo',
    when: 'Leaning status quo (proportion < 0.5): acknowledge the reasons for keeping things as they are with a reflection, then ask about concerns — never for more of those reasons. With style `neutral` only, the balanced exploration instead of the concerns question.',
    prompts: ['reflect-listed-status-quo', 'evoke-concerns-staying'],
    neutral: ['reflect-listed-status-quo', 'neutral-weigh-list'],
  },
  {
    id: 'balanced',
    when: 'Balanced (proportion = 0.5): reflect that the decision is hard, then evoke the reason for a change that matters most. With style `neutral` only, the balanced exploration instead.',
    prompts: ['reflect-listed-each-side', 'evoke-change-reason-most'],
    neutral: ['reflect-listed-each-side', 'neutral-weigh-list'],
  },
];

/** What the worksheet's guidance can say; the request's target behaviour names the change. */
export const decisionalBalanceGuidance: GuidanceSpec = { topic: GENERIC_TOPIC, rules: RULES };
checkGuidance(decisionalBalanceData.id, decisionalBalanceGuidance);

const provenance = once<Provenance>(() =>
  Object.freeze({
    algorithm: decisionalBalanceData.algorithm,
    algorithmVersion: decisionalBalanceData.version,
    // The worksheet's data and the guidance it can give: a stored result keeps the guidance it was given.
    definitionHash: definitionHash({ ...decisionalBalanceData, guidance: guidanceData(decisionalBalanceGuidance) }),
  }),
);

/** The leaning of each sign of proportion − 0.5. */
const LEANING = { positive: 'change', negative: 'status-quo', zero: 'balanced' } as const;

/**
 * The worksheet's result shape: list counts (null when the list is missing), total (null unless
 * every list is there), proportion (null when total is 0), weightedProportion only when every entry
 * is weighted; the leaning by proportion.
 */
const resultShape = once(() => {
  const count = z.nullable(z.number().check(z.int(), z.minimum(0), z.maximum(decisionalBalanceData.maxEntries)));
  const share = z.number().check(z.minimum(0), z.maximum(1));
  return {
    scores: z.strictObject({
      ...Object.fromEntries(WORKSHEET_LISTS.map((list) => [list, count])),
      total: z.nullable(z.number().check(z.int(), z.minimum(0), z.maximum(decisionalBalanceData.maxEntries * WORKSHEET_LISTS.length))),
      proportion: z.nullable(share),
      weightedProportion: z.optional(share),
    }),
    interpretation: z.strictObject({ leaning: z.nullable(z.enum([LEANING.positive, LEANING.negative, LEANING.zero])) }),
  };
});

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function guidanceHits(leaning: string | null, counts: Record<WorksheetList, number>): RuleHit[] {
  const forChange = counts.benefitsOfChange + counts.costsOfStatusQuo;
  const forStatusQuo = counts.benefitsOfStatusQuo + counts.costsOfChange;
  switch (leaning) {
    case 'change':
      return [{ rule: 'leaning-change', values: { reasons: plural(forChange, 'reason') } }];
    case 'status-quo':
      return [{ rule: 'leaning-status-quo', values: { reasons: plural(forStatusQuo, 'reason') } }];
    case 'balanced':
      return [{ rule: 'balanced', values: { reasons: plural(forChange, 'reason') } }];
    default:
      return [];
  }
}

/**
 * Scores a validated worksheet: counts per list, `total`, `proportion` (null when total is 0) and,
 * when every entry is weighted, `weightedProportion`. Absent lists are `missing` and make totals null.
 * @example scoreWorksheet({ instrument: 'decisional-balance', responses: { benefitsOfChange: [{}], costsOfChange: [{}], benefitsOfStatusQuo: [{}, {}], costsOfStatusQuo: [{}, {}, {}] } }).scores.proportion // 0.5714…
 */
export function scoreWorksheet(input: InstrumentInput, context: GuidanceContext | null = {}): ScoredResult {
  const lists = input.responses as Partial<Record<WorksheetList, readonly WorksheetEntry[]>>;
  const missing = WORKSHEET_LISTS.filter((list) => lists[list] === undefined);
  const scores: Record<string, number | null> = {};
  for (const list of WORKSHEET_LISTS) scores[list] = lists[list]?.length ?? null;
  const complete = missing.length === 0;
  const entries = (names: readonly WorksheetList[]) => names.flatMap((name) => lists[name] ?? []);
  const total = complete ? entries(WORKSHEET_LISTS).length : null;
  scores['total'] = total;
  scores['proportion'] = total ? entries(FAVOUR_CHANGE).length / total : null;
  // why: OUR RULE (docs/scoring.md) — weighted proportion only when every entry carries a weight.
  if (total && entries(WORKSHEET_LISTS).every((e) => e.weight !== undefined)) {
    const weight = (names: readonly WorksheetList[]) => entries(names).reduce((acc, e) => acc + (e.weight as number), 0);
    scores['weightedProportion'] = weight(FAVOUR_CHANGE) / weight(WORKSHEET_LISTS);
  }
  const proportion = scores['proportion'];
  const leaning = signLabel(proportion === null ? null : proportion - 0.5, LEANING);
  const counts = Object.fromEntries(WORKSHEET_LISTS.map((l) => [l, lists[l]?.length ?? 0])) as Record<WorksheetList, number>;
  return {
    instrument: { id: decisionalBalanceData.id, version: decisionalBalanceData.version },
    complete,
    missing,
    scores,
    interpretation: { leaning },
    guidance:
      context === null ? [] : renderGuidance(decisionalBalanceData.id, decisionalBalanceGuidance, guidanceHits(leaning, counts), context),
    provenance: { ...provenance() },
  };
}

/**
 * The worksheet as it may be stored: labels dropped, weights and entry counts kept.
 * @example redactWorksheet({ instrument: 'decisional-balance', responses: { costsOfChange: [{ label: 'x', weight: 2 }] } }).responses // { costsOfChange: [{ weight: 2 }] }
 */
export function redactWorksheet(input: InstrumentInput): InstrumentInput {
  const lists = input.responses as Partial<Record<WorksheetList, readonly WorksheetEntry[]>>;
  const responses: Record<string, WorksheetEntry[]> = {};
  for (const list of WORKSHEET_LISTS) {
    const entries = lists[list];
    if (entries) responses[list] = entries.map((e) => (e.weight === undefined ? {} : { weight: e.weight }));
  }
  return { instrument: input.instrument, responses };
}

const LIST_TEXT: Record<WorksheetList, { label: string; text: string }> = {
  benefitsOfChange: { label: 'Benefits of changing', text: 'What good things could come from making this change?' },
  costsOfChange: { label: 'Costs of changing', text: 'What would you lose or find hard about making this change?' },
  benefitsOfStatusQuo: { label: 'Benefits of things as they are', text: 'What do you like about things as they are now?' },
  costsOfStatusQuo: { label: 'Costs of things as they are', text: 'What concerns you about things as they are now?' },
};

const TITLE = 'Decisional Balance Worksheet';
// why: OUR RULE — a higher share of reasons for change is movement toward it.
const OUTCOME: Outcome = { score: 'proportion', better: 'higher' };

const catalog = once((): Catalog => {
  const { entry, maxEntries, proportion } = decisionalBalanceData;
  const favour = proportion.favourChange.join(' + ');
  return {
    id: decisionalBalanceData.id,
    version: decisionalBalanceData.version,
    title: TITLE,
    description:
      'The MI four-quadrant worksheet: the client lists benefits and costs of changing and of staying the same, optionally weighting each entry 1–5.',
    responseScale: {
      appliesTo: 'weight',
      min: 1,
      max: 5,
      anchors: [
        { value: 1, label: 'matters a little' },
        { value: 5, label: 'matters a lot' },
      ],
    },
    items: WORKSHEET_LISTS.map((id) => ({ id, ...LIST_TEXT[id], kind: 'list' as const, maxEntries })),
    entry: {
      label: { type: 'string', maxLength: entry.labelMaxLength, stored: false },
      weight: { type: 'integer', min: entry.weight.min, max: entry.weight.max, optional: true },
    },
    scales: WORKSHEET_LISTS.map((id) => ({ id, items: [id], method: 'count' as const })),
    derivedScores: [
      { id: 'total', formula: WORKSHEET_LISTS.join(' + ') },
      { id: 'proportion', formula: `(${favour}) / total`, range: { min: 0, max: 1 } },
      { id: 'weightedProportion', formula: `weights of (${favour}) / all weights`, range: { min: 0, max: 1 } },
    ],
    scoring: [
      'Each list scores its number of entries; total is their sum.',
      'proportion = (benefitsOfChange + costsOfStatusQuo) / total; null when total is 0 (decisional balance proportion).',
      'weightedProportion uses weights instead of counts and is present only when every entry has a weight and total > 0.',
      'A list left out of the request is missing: its count, total and both proportions are null. An empty list is zero entries.',
    ],
    interpretation: [
      'interpretation.leaning: `change` when proportion > 0.5, `status-quo` when < 0.5, `balanced` when = 0.5; null when proportion is null.',
      'Guidance (rules under `guidance`): leaning change → evoke the reason that matters most and ability; status-quo → a reflection of the reasons for keeping things as they are, then concerns (never a request for more of those reasons); balanced → a reflection, then the reason for a change that matters most. The balanced exploration of both sides only with `guidance.style: "neutral"`.',
    ],
    licence: {
      status: 'own-wording',
      itemText: true,
      note: 'A method, not a licensed questionnaire: list wording is our own. Entry labels are free text and are never stored.',
    },
    sources: [
      { citation: 'Collins SE, Carey KB, Otto JM (2009): the decisional balance proportion', url: 'https://doi.org/10.1037/a0015841' },
      { citation: 'Miller WR, Rollnick S. Motivational Interviewing: the four-quadrant decisional balance' },
      {
        citation:
          'Miller WR, Rose GS (2013). Motivational interviewing and decisional balance: contrasting responses to client ambivalence. Behavioural and Cognitive Psychotherapy',
      },
    ],
    ourRules: [
      { id: 'missing-lists', rule: 'A list left out is missing: it is never treated as empty, and every score depending on it is null.' },
      { id: 'max-entries', rule: `At most ${maxEntries} entries per list.` },
      {
        id: 'weighted-proportion',
        rule: 'weightedProportion = weights of benefitsOfChange + costsOfStatusQuo over all weights, only when every entry is weighted.',
      },
      { id: 'leaning', rule: 'Leaning change > 0.5, status-quo < 0.5, balanced = 0.5, read from the unweighted proportion.' },
      { id: 'guidance', rule: "The MI guidance chosen for each leaning is the product's decision." },
    ],
    outcome: { ...OUTCOME },
    guidance: catalogGuidance(decisionalBalanceGuidance),
    provenance: { ...provenance() },
  };
});

/** The MI four-quadrant decisional balance worksheet; its hash, schema and catalog are built on first use. */
export const decisionalBalance: Instrument = {
  id: decisionalBalanceData.id,
  version: decisionalBalanceData.version,
  title: TITLE,
  get provenance() {
    return provenance();
  },
  get inputSchema() {
    return inputSchema();
  },
  score: scoreWorksheet,
  redact: redactWorksheet,
  guidance: decisionalBalanceGuidance,
  outcome: OUTCOME,
  get catalog() {
    return catalog();
  },
  resultShape,
};
