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
  for (const s of suffixes(counters, 'c:'))
    scores[s] = summary(get(counter.scoreCount(s)), get(counter.scoreSum(s)), get(counter.scoreSquares(s)));

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
