import type { AssessmentView } from '../store/port';

/**
 * Pre-aggregation of assessments into per clinic × instrument × period counters (issue 4).
 * Pure: the store applies the deltas computed here in the same transaction as the assessment,
 * so a retried request (whose transaction is refused) never counts twice, and a deletion
 * subtracts exactly what its creation added.
 */

export type PeriodKind = 'month' | 'quarter';
export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter'];

/**
 * @example periodOf('2026-11-20', 'month') // '2026-11'
 * @example periodOf('2026-11-20', 'quarter') // '2026-Q4'
 */
export function periodOf(day: string, kind: PeriodKind): string {
  const month = Number(day.slice(5, 7));
  return kind === 'month' ? day.slice(0, 7) : `${day.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** One assessment as the rollup needs it: no answers, no ref. */
export interface RollupPoint {
  id: string;
  administeredOn: string;
  createdAt: string;
  scores: Record<string, number>;
  categories: Record<string, string>;
}

/** What is kept per subject × instrument × period: its first and latest assessment there. */
export interface SubjectPeriod {
  count: number;
  first: RollupPoint;
  latest: RollupPoint;
}

export type Counters = Record<string, number>;

/** Flattens string/number leaves of an interpretation: `{ bands: { importance: 'high' } }` → `{ 'bands.importance': 'high' }`. */
function categoriesOf(value: unknown, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) categoriesOf(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
    out[prefix] = String(value);
  }
  return out;
}

/** @example toPoint(view, '2026-11-20T10:00:00.000Z').scores // { pros: 4, cons: 1.67, … } (nulls left out) */
export function toPoint(view: AssessmentView, createdAt: string): RollupPoint {
  const scores: Record<string, number> = {};
  for (const [k, v] of Object.entries(view.scores)) if (typeof v === 'number') scores[k] = v;
  return { id: view.id, administeredOn: view.administeredOn, createdAt, scores, categories: categoriesOf(view.interpretation) };
}

const order = (p: RollupPoint) => `${p.administeredOn}#${p.createdAt}#${p.id}`;

/** Adds a point to a subject's period record (or starts one). */
export function withPoint(record: SubjectPeriod | undefined, point: RollupPoint): SubjectPeriod {
  if (!record) return { count: 1, first: point, latest: point };
  return {
    count: record.count + 1,
    first: order(point) < order(record.first) ? point : record.first,
    latest: order(point) > order(record.latest) ? point : record.latest,
  };
}

/** Rebuilds a subject's period record from its remaining points (after a deletion). */
export function fromPoints(points: RollupPoint[]): SubjectPeriod | undefined {
  return points.reduce<SubjectPeriod | undefined>((acc, p) => withPoint(acc, p), undefined);
}

/**
 * Which way is better for the instrument's outcome score (OUR RULE, used for the improved /
 * unchanged / worse shares): higher readiness, importance or proportion for change; a lower
 * pros-minus-cons difference (the behaviour's pros losing weight) for the pros/cons scales.
 */
export const OUTCOMES: Record<string, { score: string; better: 'higher' | 'lower' }> = {
  'readiness-ruler': { score: 'readiness', better: 'higher' },
  'decisional-balance': { score: 'proportion', better: 'higher' },
  'decisional-balance-alcohol': { score: 'difference', better: 'lower' },
  'decisional-balance-drugs': { score: 'difference', better: 'lower' },
  'decisional-balance-smoking': { score: 'difference', better: 'lower' },
  'decisional-balance-smoking-short': { score: 'difference', better: 'lower' },
  urica: { score: 'readiness', better: 'higher' },
  rcq: { score: 'action', better: 'higher' },
  'socrates-8a': { score: 'takingSteps', better: 'higher' },
  'socrates-8d': { score: 'takingSteps', better: 'higher' },
  'contemplation-ladder': { score: 'rung', better: 'higher' },
};

/** Counter names are part of the stored format: keep them stable. */
export const counter = {
  assessments: 'n',
  subjects: 'subjects',
  scoreCount: (s: string) => `c:${s}`,
  scoreSum: (s: string) => `s:${s}`,
  scoreSquares: (s: string) => `q:${s}`,
  category: (path: string, value: string) => `k:${path}=${value}`,
  changeSubjects: 'd:n',
  changeCount: (s: string) => `d:c:${s}`,
  changeSum: (s: string) => `d:s:${s}`,
  changeSquares: (s: string) => `d:q:${s}`,
  outcome: (o: 'improved' | 'unchanged' | 'worse') => `o:${o}`,
};

/** What one assessment adds by itself, whoever its subject is. */
export function assessmentCounters(point: RollupPoint): Counters {
  const out: Counters = { [counter.assessments]: 1 };
  for (const [s, v] of Object.entries(point.scores)) {
    out[counter.scoreCount(s)] = 1;
    out[counter.scoreSum(s)] = v;
    out[counter.scoreSquares(s)] = v * v;
  }
  return out;
}

/** What one subject's period record adds: one subject, its latest categories, its change first → latest. */
export function subjectCounters(instrumentId: string, record: SubjectPeriod | undefined): Counters {
  if (!record) return {};
  const out: Counters = { [counter.subjects]: 1 };
  for (const [path, value] of Object.entries(record.latest.categories)) out[counter.category(path, value)] = 1;
  if (record.count < 2) return out;
  out[counter.changeSubjects] = 1;
  for (const [s, latest] of Object.entries(record.latest.scores)) {
    const first = record.first.scores[s];
    if (first === undefined) continue;
    const d = latest - first;
    out[counter.changeCount(s)] = 1;
    out[counter.changeSum(s)] = d;
    out[counter.changeSquares(s)] = d * d;
  }
  const outcome = OUTCOMES[instrumentId];
  const first = outcome && record.first.scores[outcome.score];
  const latest = outcome && record.latest.scores[outcome.score];
  if (outcome && first !== undefined && latest !== undefined) {
    const gain = outcome.better === 'higher' ? latest - first : first - latest;
    out[counter.outcome(gain > 0 ? 'improved' : gain < 0 ? 'worse' : 'unchanged')] = 1;
  }
  return out;
}

/**
 * `after − before` per counter (zeros dropped), plus `extra` times `sign`.
 * @example diffCounters({ a: 1 }, { a: 1, b: 2 }) // { b: 2 }
 */
export function diffCounters(before: Counters, after: Counters, extra: Counters = {}, sign = 1): Counters {
  const out: Counters = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after), ...Object.keys(extra)])) {
    const d = (after[k] ?? 0) - (before[k] ?? 0) + sign * (extra[k] ?? 0);
    if (d !== 0) out[k] = d;
  }
  return out;
}
