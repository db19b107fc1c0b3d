import type { Guidance, Provenance, ScoredResult } from '../domain/records';
import type { Catalog } from './catalog';
import { type Json, signLabel } from './definition';
import { definitionHash } from './hash';
import { once } from './once';
import type { Instrument, InstrumentInput } from './types';
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
  version: '1.0.0',
  algorithm: 'decisional-balance-worksheet',
  lists: [...WORKSHEET_LISTS],
  // why: OUR RULE — label ≤ 200 chars (instruments.md); at most 50 entries per list; weights 1–5 (instruments.md).
  entry: { labelMaxLength: 200, weight: { min: 1, max: 5 } },
  maxEntries: 50,
  proportion: { favourChange: [...FAVOUR_CHANGE] },
  // why: OUR RULE (instruments.md) — leaning change > 0.5, status-quo < 0.5, balanced = 0.5, read from `proportion`.
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

const provenance = once<Provenance>(() =>
  Object.freeze({
    algorithm: decisionalBalanceData.algorithm,
    algorithmVersion: decisionalBalanceData.version,
    definitionHash: definitionHash(decisionalBalanceData),
  }),
);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function guidance(leaning: string | null, counts: Record<WorksheetList, number>): Guidance[] {
  const forChange = counts.benefitsOfChange + counts.costsOfStatusQuo;
  const forStatusQuo = counts.benefitsOfStatusQuo + counts.costsOfChange;
  switch (leaning) {
    case 'change':
      return [
        {
          principle: 'develop-discrepancy',
          focus: 'elicit-change-talk',
          prompt: `You listed ${plural(forChange, 'reason')} in favour of change. Which of them matters most to you?`,
        },
        {
          principle: 'support-self-efficacy',
          focus: 'strengthen-commitment',
          prompt: 'What would a first step toward this change look like for you?',
        },
      ];
    case 'status-quo':
      return [
        {
          principle: 'express-empathy',
          focus: 'explore-both-sides',
          prompt: `You listed ${plural(forStatusQuo, 'reason')} for keeping things as they are. What do they give you that matters to you?`,
        },
        {
          principle: 'roll-with-resistance',
          focus: 'explore-ambivalence',
          prompt: 'What, if anything, concerns you about things staying as they are?',
        },
      ];
    case 'balanced':
      return [
        {
          principle: 'express-empathy',
          focus: 'explore-ambivalence',
          prompt: `You listed ${plural(forChange, 'reason')} on each side. What makes this decision a hard one?`,
        },
        { principle: 'develop-discrepancy', focus: 'explore-values', prompt: 'Looking ahead, how would you like things to be?' },
      ];
    default:
      return [];
  }
}

/**
 * Scores a validated worksheet: counts per list, `total`, `proportion` (null when total is 0) and,
 * when every entry is weighted, `weightedProportion`. Absent lists are `missing` and make totals null.
 * @example scoreWorksheet({ instrument: 'decisional-balance', responses: { benefitsOfChange: [{}], costsOfChange: [{}], benefitsOfStatusQuo: [{}, {}], costsOfStatusQuo: [{}, {}, {}] } }).scores.proportion // 0.5714…
 */
export function scoreWorksheet(input: InstrumentInput): ScoredResult {
  const lists = input.responses as Partial<Record<WorksheetList, readonly WorksheetEntry[]>>;
  const missing = WORKSHEET_LISTS.filter((list) => lists[list] === undefined);
  const scores: Record<string, number | null> = {};
  for (const list of WORKSHEET_LISTS) scores[list] = lists[list]?.length ?? null;
  const complete = missing.length === 0;
  const entries = (names: readonly WorksheetList[]) => names.flatMap((name) => lists[name] ?? []);
  const total = complete ? entries(WORKSHEET_LISTS).length : null;
  scores['total'] = total;
  scores['proportion'] = total ? entries(FAVOUR_CHANGE).length / total : null;
  // why: OUR RULE (instruments.md) — weighted proportion only when every entry carries a weight.
  if (total && entries(WORKSHEET_LISTS).every((e) => e.weight !== undefined)) {
    const weight = (names: readonly WorksheetList[]) => entries(names).reduce((acc, e) => acc + (e.weight as number), 0);
    scores['weightedProportion'] = weight(FAVOUR_CHANGE) / weight(WORKSHEET_LISTS);
  }
  const proportion = scores['proportion'];
  const leaning = signLabel(proportion === null ? null : proportion - 0.5, {
    positive: 'change',
    negative: 'status-quo',
    zero: 'balanced',
  });
  const counts = Object.fromEntries(WORKSHEET_LISTS.map((l) => [l, lists[l]?.length ?? 0])) as Record<WorksheetList, number>;
  return {
    instrument: { id: decisionalBalanceData.id, version: decisionalBalanceData.version },
    complete,
    missing,
    scores,
    interpretation: { leaning },
    guidance: guidance(leaning, counts),
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
      'Guidance: leaning change → develop discrepancy and elicit change talk; status-quo → express empathy and roll with resistance; balanced → explore ambivalence.',
    ],
    licence: {
      status: 'own-wording',
      itemText: true,
      note: 'A method, not a licensed questionnaire: list wording is our own. Entry labels are free text and are never stored.',
    },
    sources: [
      { citation: 'Collins SE, Carey KB, Otto JM (2009): the decisional balance proportion', url: 'https://doi.org/10.1037/a0015841' },
      { citation: 'Miller WR, Rollnick S. Motivational Interviewing: the four-quadrant decisional balance' },
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
  // why: OUR RULE — a higher share of reasons for change is movement toward it.
  outcome: { score: 'proportion', better: 'higher' },
  get catalog() {
    return catalog();
  },
};
