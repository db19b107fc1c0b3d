import type { AssessmentView } from '../domain/records';
import type { Outcome } from '../instruments/types';

/**
 * Pre-aggregation of assessments into per clinic × instrument × period counters (docs/architecture.md, "Rollups").
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

/**
 * The first and the last month of a period, e.g. to bound a range of days.
 * @example periodMonths('2026-Q4', 'quarter') // ['2026-10', '2026-12']
 * @example periodMonths('2026-11', 'month') // ['2026-11', '2026-11']
 */
export function periodMonths(period: string, kind: PeriodKind): [string, string] {
  if (kind === 'month') return [period, period];
  const last = Number(period.slice(6)) * 3;
  const month = (m: number) => `${period.slice(0, 4)}-${String(m).padStart(2, '0')}`;
  return [month(last - 2), month(last)];
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
 * What is kept per subject × instrument × period, whatever the number of its assessments there:
 * how many there are, the first and the latest in {@link pointOrder}, and per score how many
 * have a value. Stored as the JSON string in the subject-period item's `head` attribute; each
 * assessment is also one point item of its own (store/rollups.ts).
 *
 * why bounded: a daily ruler back-filled over a quarter is thousands of assessments for one
 * subject; a record holding every point grew with each (a write rewrote all of them) until it
 * passed DynamoDB's 400 KB item limit. The head is two points and one number per score, so a
 * write costs the same at the 1st and the 3,000th assessment. What a deletion needs beyond the
 * head (the next first or latest) it reads from the point items, with ConsistentRead.
 */
export interface SubjectPeriod {
  count: number;
  first: RollupPoint;
  latest: RollupPoint;
  /** Score name → how many of the period's points have a value of it (never 0: dropped instead). */
  scored: Record<string, number>;
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

/**
 * The order of a subject's points: day, then creation time, then id (the subject index's sort key).
 * @example pointOrder(point) // '2026-11-20#2026-11-20T10:00:00.000Z#asm_1'
 */
export function pointOrder(p: RollupPoint): string {
  return `${p.administeredOn}#${p.createdAt}#${p.id}`;
}

const before = (a: RollupPoint, b: RollupPoint) => pointOrder(a) < pointOrder(b);

function addScored(scored: Record<string, number>, point: RollupPoint, sign: 1 | -1): Record<string, number> {
  const out = { ...scored };
  for (const s of Object.keys(point.scores)) {
    const n = (out[s] ?? 0) + sign;
    if (n > 0) out[s] = n;
    else delete out[s];
  }
  return out;
}

/**
 * Adds a point to a subject's period head (or starts one). Ids are unique (the assessment's own
 * Put is conditional in the same transaction), so a point is never added twice.
 * @example withPoint(undefined, point) // { count: 1, first: point, latest: point, scored: { readiness: 1 } }
 */
export function withPoint(head: SubjectPeriod | undefined, point: RollupPoint): SubjectPeriod {
  if (!head) return { count: 1, first: point, latest: point, scored: addScored({}, point, 1) };
  return {
    count: head.count + 1,
    first: before(point, head.first) ? point : head.first,
    latest: before(head.latest, point) ? point : head.latest,
    scored: addScored(head.scored, point, 1),
  };
}

/**
 * Removes a point from a subject's period head; `undefined` when none is left. When the point is
 * the head's first (latest), `next.first` (`next.latest`) is the one that follows (precedes) it
 * among the period's points, which the store reads from the point items.
 * @example withoutPoint(head, head.latest, { latest: previous }) // { count: head.count - 1, latest: previous, … }
 */
export function withoutPoint(
  head: SubjectPeriod | undefined,
  point: RollupPoint,
  next: { first?: RollupPoint; latest?: RollupPoint } = {},
): SubjectPeriod | undefined {
  if (!head || head.count <= 1) return undefined;
  const first = head.first.id === point.id ? next.first : head.first;
  const latest = head.latest.id === point.id ? next.latest : head.latest;
  // why: every point a head counts has its point item, written in the same transaction, so the
  // store finds a neighbour whenever count > 1; were one ever missing, the other end stands in
  // rather than the deletion failing.
  const start = first ?? latest;
  const end = latest ?? first;
  if (!start || !end) return undefined;
  return { count: head.count - 1, first: start, latest: end, scored: addScored(head.scored, point, -1) };
}

/**
 * The head of a full list of points (in any order): how records that kept every point convert.
 * @example headOf([b, a]) // { count: 2, first: a, latest: b, scored: { … } }
 */
export function headOf(points: RollupPoint[]): SubjectPeriod | undefined {
  return points.reduce<SubjectPeriod | undefined>((head, p) => withPoint(head, p), undefined);
}

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

/**
 * `last − start`, with floating-point noise taken as no change.
 * why: two equal readiness scores computed from different answers can differ by ~1e-15; that is
 * no change (not "improved"), and its square (~1e-30) added to a stored counter needs more than
 * the 38 significant digits a DynamoDB number holds, so the write would fail.
 */
const change = (last: number, start: number) => (Math.abs(last - start) < 1e-9 ? 0 : last - start);

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
 * What one subject's period head adds: one subject, one per score it has a value of in any of
 * its assessments there, its latest categories, its change first → latest.
 * `outcome` is the instrument's (its score and which way is better): it decides improved / worse.
 * @example subjectCounters(readinessRuler.outcome, withPoint(undefined, point)) // { subjects: 1, 'u:readiness': 1, … }
 */
export function subjectCounters(outcome: Outcome | undefined, head: SubjectPeriod | undefined): Counters {
  if (!head) return {};
  const { first, latest } = head;
  const out: Counters = { [counter.subjects]: 1 };
  for (const s of Object.keys(head.scored)) out[counter.scoreSubjects(s)] = 1;
  for (const [path, value] of Object.entries(latest.categories)) out[counter.category(path, value)] = 1;
  if (head.count < 2) return out;
  out[counter.changeSubjects] = 1;
  for (const [s, last] of Object.entries(latest.scores)) {
    const start = first.scores[s];
    if (start === undefined) continue;
    const d = change(last, start);
    out[counter.changeCount(s)] = 1;
    out[counter.changeSum(s)] = d;
    out[counter.changeSquares(s)] = d * d;
  }
  const start = outcome && first.scores[outcome.score];
  const last = outcome && latest.scores[outcome.score];
  if (outcome && start !== undefined && last !== undefined) {
    const gain = outcome.better === 'higher' ? change(last, start) : change(start, last);
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
