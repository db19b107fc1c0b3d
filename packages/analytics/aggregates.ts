import { type Counters, counter } from './rollup';
import { type GroupInput, type ScoreSummary, type SuppressedGroup, type SuppressionPolicy, suppressGroup } from './suppression';

/** One period's published figures: every count, mean and sd went through disclosure control. */
export interface AggregateGroup {
  period: string;
  subjects: SuppressedGroup['subjects'];
  assessments: SuppressedGroup['assessments'];
  scores: SuppressedGroup['scores'];
  /** Interpretation categories (stage, bands, leaning…) of each subject's latest assessment in the period, in subjects. */
  distributions: SuppressedGroup['distributions'];
  /** Subjects with two or more assessments in the period: change from their first to their latest. */
  change: {
    subjects: SuppressedGroup['subjects'];
    scores: SuppressedGroup['scores'];
    outcome: SuppressedGroup['distributions'][string] | null;
  };
}

function summary(n: number, sum: number, squares: number, subjects?: number): ScoreSummary {
  const mean = n > 0 ? sum / n : null;
  // why: sample sd from the running sums; clamp tiny negative rounding to 0.
  const sd = n > 1 && mean !== null ? Math.sqrt(Math.max(0, (squares - n * mean * mean) / (n - 1))) : null;
  return { n, mean, sd, ...(subjects === undefined ? {} : { subjects }) };
}

const suffixes = (counters: Counters, prefix: string) =>
  Object.keys(counters)
    .filter((k) => k.startsWith(prefix))
    .map((k) => k.slice(prefix.length));

/**
 * Turns one period's stored counters (packages/analytics/rollup.ts) into published figures.
 * @example toGroup('2026-11', counters, suppressionPolicy(10)).subjects // { value: 42, suppressed: false }
 */
export function toGroup(period: string, counters: Counters, policy: SuppressionPolicy): AggregateGroup {
  const get = (k: string) => counters[k] ?? 0;
  const scores: Record<string, ScoreSummary> = {};
  for (const s of suffixes(counters, 'c:')) {
    // why: a mean resting on 1..threshold subjects is a small cell however many values it has
    // (two clients answering twelve times). Rollups from before the `u:` counters lack it: the
    // group's subject count is used then (as suppressGroup does).
    const subjects = counters[counter.scoreSubjects(s)];
    scores[s] = summary(get(counter.scoreCount(s)), get(counter.scoreSum(s)), get(counter.scoreSquares(s)), subjects);
  }

  const distributions: GroupInput['distributions'] = {};
  for (const entry of suffixes(counters, 'k:')) {
    const at = entry.lastIndexOf('=');
    const [path, value] = [entry.slice(0, at), entry.slice(at + 1)];
    const count = get(`k:${entry}`);
    if (count === 0) continue;
    const d = (distributions[path] ??= { total: 0, cells: {} });
    d.cells[value] = count;
    d.total += count;
  }
  const main = suppressGroup({ subjects: get(counter.subjects), assessments: get(counter.assessments), scores, distributions }, policy);

  const changeSubjects = get(counter.changeSubjects);
  const changeScores: Record<string, ScoreSummary> = {};
  for (const s of suffixes(counters, 'd:c:')) {
    const n = get(counter.changeCount(s));
    changeScores[s] = summary(n, get(counter.changeSum(s)), get(counter.changeSquares(s)), n);
  }
  const outcomes = (['improved', 'unchanged', 'worse'] as const).map((o) => [o, get(counter.outcome(o))] as const);
  const outcomeTotal = outcomes.reduce((sum, [, n]) => sum + n, 0);
  const change = suppressGroup(
    {
      subjects: changeSubjects,
      assessments: changeSubjects,
      scores: changeScores,
      distributions: outcomeTotal > 0 ? { outcome: { total: outcomeTotal, cells: Object.fromEntries(outcomes) } } : {},
    },
    policy,
  );
  return {
    period,
    subjects: main.subjects,
    assessments: main.assessments,
    scores: main.scores,
    distributions: main.distributions,
    change: { subjects: change.subjects, scores: change.scores, outcome: change.distributions['outcome'] ?? null },
  };
}

/**
 * The periods from `from` to `to` inclusive, so that empty ones are listed too (as zeros, which
 * are not 1–10 and so are published).
 * @example periodsBetween('2026-11', '2027-02', 'month') // ['2026-11', '2026-12', '2027-01', '2027-02']
 * @example periodsBetween('2026-11', '2027-02', 'quarter') // ['2026-Q4', '2027-Q1']
 */
export function periodsBetween(from: string, to: string, kind: 'month' | 'quarter'): string[] {
  const index = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let i = index(from); i <= index(to); i += 1) {
    const [y, m] = [Math.floor(i / 12), (i % 12) + 1];
    const period = kind === 'month' ? `${y}-${String(m).padStart(2, '0')}` : `${y}-Q${Math.ceil(m / 3)}`;
    if (out.at(-1) !== period) out.push(period);
  }
  return out;
}

const HIDDEN = { value: null, suppressed: true } as const;

/** The group with every figure suppressed (used for complements across periods). */
export function hideGroup(group: AggregateGroup): AggregateGroup {
  const scores = (s: AggregateGroup['scores']) => Object.fromEntries(Object.keys(s).map((k) => [k, { mean: HIDDEN, sd: HIDDEN }]));
  const dist = (d: AggregateGroup['distributions'][string]) => ({
    ...d,
    total: HIDDEN,
    cells: Object.fromEntries(Object.keys(d.cells).map((k) => [k, HIDDEN])),
  });
  return {
    period: group.period,
    subjects: HIDDEN,
    assessments: HIDDEN,
    scores: scores(group.scores),
    distributions: Object.fromEntries(Object.entries(group.distributions).map(([k, d]) => [k, dist(d)])),
    change: { subjects: HIDDEN, scores: scores(group.change.scores), outcome: group.change.outcome && dist(group.change.outcome) },
  };
}

/**
 * The complement rule for groups that are cells of a published total (months of their quarter,
 * clinics of the network). The total minus the published cells gives the hidden cells' sum, so
 * hidden cells are safe only when that sum can be split in more than one way: at least two
 * hidden cells, and more assessments between them than cells (k hidden non-empty cells holding
 * exactly k assessments must each hold 1). While that fails, the smallest other non-empty cell
 * (by assessments, then by key) is hidden too. Returns the keys to hide.
 * @example complementOf([{ key: 'a', hidden: true, assessments: 3 }, { key: 'b', hidden: false, assessments: 20 }]) // ['b']
 */
export function complementOf(cells: { key: string; hidden: boolean; assessments: number }[]): string[] {
  const hidden = cells.filter((c) => c.hidden && c.assessments > 0);
  if (hidden.length === 0) return [];
  const candidates = cells
    .filter((c) => !c.hidden && c.assessments > 0)
    .sort((a, b) => a.assessments - b.assessments || (a.key < b.key ? -1 : 1));
  const added: string[] = [];
  let sum = hidden.reduce((n, c) => n + c.assessments, 0);
  let count = hidden.length;
  while ((count < 2 || sum <= count) && candidates.length > 0) {
    const next = candidates.shift()!;
    added.push(next.key);
    sum += next.assessments;
    count += 1;
  }
  return added;
}

/** The quarter of a `YYYY-MM` month, as periodsBetween names it. */
export const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;

/**
 * Months are cells of their quarter: assessment counts and score sums add up, so a quarter's
 * published figures minus its published months would give away a month hidden alone.
 * @example complementMonths(groups, { '2026-01': 30, '2026-02': 20, '2026-03': 3 })
 */
export function complementMonths(groups: AggregateGroup[], assessments: Record<string, number>): AggregateGroup[] {
  const hide = new Set<string>();
  for (const quarter of new Set(groups.map((g) => quarterOf(g.period)))) {
    const cells = groups
      .filter((g) => quarterOf(g.period) === quarter)
      .map((g) => ({ key: g.period, hidden: g.subjects.suppressed, assessments: assessments[g.period] ?? 0 }));
    for (const key of complementOf(cells)) hide.add(key);
  }
  return groups.map((g) => (hide.has(g.period) ? hideGroup(g) : g));
}
