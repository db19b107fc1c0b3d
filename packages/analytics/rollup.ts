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

/**
 * What is kept per subject × instrument × period: every one of its assessments there, as points
 * in `order` (administeredOn, then createdAt, then id). Stored as the JSON string
 * `{"points":[RollupPoint, …]}` in the subject-period item's `record` attribute (store/rollups.ts).
 *
 * why: a deletion must know what the subject still has in the period (its new first and latest,
 * which scores it still answered); keeping the points in the record, read with ConsistentRead and
 * written under its version, avoids rebuilding it from the eventually consistent subject index.
 * A subject has a handful of assessments per month or quarter; {@link MAX_POINTS} is the design
 * envelope, not a hard stop (past it writes keep working, the item just grows toward DynamoDB's
 * 400 KB item limit, roughly 1,000 points of a large instrument).
 */
export interface SubjectPeriod {
  points: RollupPoint[];
}

/** The number of points per subject-period record the design plans for (see {@link SubjectPeriod}). */
export const MAX_POINTS = 200;

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

/** Adds a point to a subject's period record (or starts one); a point with the same id is replaced. */
export function withPoint(record: SubjectPeriod | undefined, point: RollupPoint): SubjectPeriod {
  const points = [...(record?.points ?? []).filter((p) => p.id !== point.id), point];
  return { points: points.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0)) };
}

/** Removes the point with this id from a subject's period record; `undefined` when none is left. */
export function withoutPoint(record: SubjectPeriod | undefined, id: string): SubjectPeriod | undefined {
  const points = (record?.points ?? []).filter((p) => p.id !== id);
  return points.length ? { points } : undefined;
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
  /** Subjects with at least one value of the score in the period (what its mean rests on). */
  scoreSubjects: (s: string) => `u:${s}`,
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

/**
 * What one subject's period record adds: one subject, one per score it has a value of in any of
 * its assessments there, its latest categories, its change first → latest.
 */
export function subjectCounters(instrumentId: string, record: SubjectPeriod | undefined): Counters {
  const first = record?.points[0];
  const latest = record?.points.at(-1);
  if (!record || !first || !latest) return {};
  const out: Counters = { [counter.subjects]: 1 };
  for (const p of record.points) for (const s of Object.keys(p.scores)) out[counter.scoreSubjects(s)] = 1;
  for (const [path, value] of Object.entries(latest.categories)) out[counter.category(path, value)] = 1;
  if (record.points.length < 2) return out;
  out[counter.changeSubjects] = 1;
  for (const [s, last] of Object.entries(latest.scores)) {
    const start = first.scores[s];
    if (start === undefined) continue;
    const d = last - start;
    out[counter.changeCount(s)] = 1;
    out[counter.changeSum(s)] = d;
    out[counter.changeSquares(s)] = d * d;
  }
  const outcome = OUTCOMES[instrumentId];
  const start = outcome && first.scores[outcome.score];
  const last = outcome && latest.scores[outcome.score];
  if (outcome && start !== undefined && last !== undefined) {
    const gain = outcome.better === 'higher' ? last - start : start - last;
    out[counter.outcome(gain > 0 ? 'improved' : gain < 0 ? 'worse' : 'unchanged')] = 1;
  }
  return out;
}

/**
 * Adds `from` into `into`, counter by counter (counters only add: shards of a period, clinics of
 * the network); returns `into`.
 * @example addCounters({ n: 1 }, { n: 2, subjects: 1 }) // { n: 3, subjects: 1 }
 */
export function addCounters(into: Counters, from: Counters): Counters {
  for (const [name, value] of Object.entries(from)) into[name] = (into[name] ?? 0) + value;
  return into;
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
