/**
 * Disclosure control for analyst aggregates: small-cell (primary) and complementary suppression.
 * Pure domain — no I/O. Every count handled here is a count of SUBJECTS (distinct clients).
 *
 * why: the CMS cell size suppression policy (CMS data use agreements) forbids publishing any
 * cell that rests on 1–10 beneficiaries; a deployment may only make that stricter. Complementary
 * suppression follows standard statistical disclosure control practice (secondary cell
 * suppression; Hundepool et al., "Statistical Disclosure Control", Wiley 2012): after primary
 * suppression no suppressed cell may be recoverable from the published total and other cells.
 */

/** The minimum, and default, threshold. why: CMS cell-size policy — cells of 1–10 are withheld. */
export const CMS_THRESHOLD = 10;

/** Cells with 1..threshold subjects are suppressed. */
export interface SuppressionPolicy {
  readonly threshold: number;
}

/**
 * A value as published: the true value, or `null` flagged as suppressed (never 0).
 * why: no reason (primary vs complementary) is given — standard SDC practice uses one symbol for
 * both, because "primary" tells an attacker the cell is 1..threshold and "complementary" that it
 * is larger (e.g. a total of 12 split as complementary + small-cell can only be 11 + 1).
 */
export type Published<T> = { value: T; suppressed: false } | { value: null; suppressed: true };

export interface SuppressedDistribution {
  threshold: number;
  total: Published<number>;
  cells: Record<string, Published<number>>;
}

/** One score of a group; `subjects` (default: the group's) is how many clients the mean rests on. */
export interface ScoreSummary {
  n: number;
  mean: number | null;
  sd: number | null;
  subjects?: number;
}

/** A group (one month or quarter). Distributions are subject counts, e.g. stage or change. */
export interface GroupInput {
  subjects: number;
  assessments: number;
  scores: Record<string, ScoreSummary>;
  distributions: Record<string, { total: number; cells: Record<string, number> }>;
}

export interface SuppressedGroup {
  threshold: number;
  subjects: Published<number>;
  assessments: Published<number>;
  scores: Record<string, { mean: Published<number | null>; sd: Published<number | null> }>;
  distributions: Record<string, SuppressedDistribution>;
}

/**
 * Builds a validated policy. The threshold may only be raised above the CMS minimum.
 * @example suppressionPolicy()   // { threshold: 10 }
 * @example suppressionPolicy(11) // { threshold: 11 }; suppressionPolicy(5) throws RangeError
 */
export function suppressionPolicy(threshold: number = CMS_THRESHOLD): SuppressionPolicy {
  if (!Number.isInteger(threshold) || threshold < CMS_THRESHOLD) {
    throw new RangeError(`The suppression threshold must be an integer of at least ${CMS_THRESHOLD}.`);
  }
  return Object.freeze({ threshold });
}

const shown = <T>(value: T): Published<T> => ({ value, suppressed: false });
const hidden: Published<never> = Object.freeze({ value: null, suppressed: true });
// why: CMS cell-size policy — a cell is small when it rests on 1..threshold subjects; 0 is not small.
const isSmall = (count: number, threshold: number) => count >= 1 && count <= threshold;

function assertCount(count: number, what: string): void {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`${what} must be a non-negative integer.`);
}

/**
 * Suppresses one distribution whose total is published alongside it.
 *
 * Rules, in order:
 * 1. Primary: a total or cell with 1..threshold subjects is suppressed.
 * 2. A total of 1..threshold hides the whole table, zeros included.
 * 3. Complementary: while the published cells leave a suppressed cell recoverable, suppress the
 *    smallest non-zero published cell (ties: key in code-unit order); if none is left, the total.
 *
 * @example
 * suppressDistribution(40, { precontemplation: 3, contemplation: 25, action: 12, maintenance: 0 }, suppressionPolicy())
 * // { threshold: 10, total: { value: 40, suppressed: false }, cells: {
 * //   precontemplation: { value: null, suppressed: true },   // small cell
 * //   contemplation: { value: 25, suppressed: false },
 * //   action: { value: null, suppressed: true },             // complement
 * //   maintenance: { value: 0, suppressed: false } } }
 */
export function suppressDistribution(total: number, cells: Record<string, number>, policy: SuppressionPolicy): SuppressedDistribution {
  const { threshold } = suppressionPolicy(policy.threshold);
  assertCount(total, 'A distribution total');
  const entries = Object.entries(cells);
  for (const [, count] of entries) assertCount(count, 'A cell count');
  if (entries.reduce((sum, [, count]) => sum + count, 0) !== total) {
    throw new RangeError('Cell counts must sum to the distribution total.');
  }

  if (isSmall(total, threshold)) {
    // why: a table resting on 1–10 subjects is itself a small cell; even its zeros describe those
    // few people ("none of them got worse"), so the whole table is withheld.
    return { threshold, total: hidden, cells: Object.fromEntries(entries.map(([key]) => [key, hidden])) };
  }

  const suppressed = new Set(entries.filter(([, count]) => isSmall(count, threshold)).map(([key]) => key));

  let totalSuppressed = false;
  while (!totalSuppressed && isRecoverable(entries, suppressed, total, threshold)) {
    // why: complementary suppression picks the cell that costs least information — the smallest
    // published one. Zeros are never chosen: hiding a 0 protects nothing against an attacker who
    // knows (from these rules) that complements are non-zero. Ties go to the first key in
    // code-unit order so the same input always yields the same output.
    const candidates = entries
      .filter(([key, count]) => count > 0 && !suppressed.has(key))
      .sort(([ka, a], [kb, b]) => a - b || (ka < kb ? -1 : ka > kb ? 1 : 0));
    const next = candidates[0];
    if (next) suppressed.add(next[0]);
    else totalSuppressed = true; // why: nothing left to hide among the cells; hiding the sum breaks the equation.
  }

  const out = entries.map(([key, count]) => [key, suppressed.has(key) ? hidden : shown(count)]);
  return { threshold, total: totalSuppressed ? hidden : shown(total), cells: Object.fromEntries(out) };
}

/**
 * Whether an attacker can pin down a suppressed cell from the published total and cells.
 * why: assume the attacker knows these rules and even which hidden cells are primary: a primary
 * cell lies in 1..threshold; a complement exceeds threshold (it was published before) but is at
 * most the smallest published non-zero cell (it was chosen as the smallest, ties going to the
 * earlier key). The hidden cells sum to R = total − Σ published, so each cell's feasible
 * values form the interval [max(lo, R − Σ others' hi), min(hi, R − Σ others' lo)]; it must hold
 * two values. This catches one hidden cell (R is its value), 1 + 1 (R = 2 ⇒ both 1), 10 + 10
 * (R = 20 ⇒ both 10) and a complement boxed in by a published cell of threshold + 1.
 */
function isRecoverable(entries: [string, number][], suppressed: Set<string>, total: number, threshold: number): boolean {
  if (suppressed.size === 0) return false;
  const shownCells = entries.filter(([key, count]) => count > 0 && !suppressed.has(key));
  const remainder = total - shownCells.reduce((sum, [, count]) => sum + count, 0);
  const bounds = entries
    .filter(([key]) => suppressed.has(key))
    .map(([key, count]): [number, number] => {
      if (isSmall(count, threshold)) return [1, threshold];
      const cap = shownCells.reduce((min, [other, value]) => Math.min(min, key < other ? value : value - 1), remainder);
      return [threshold + 1, cap];
    });
  const sumLo = bounds.reduce((sum, [lo]) => sum + lo, 0);
  const sumHi = bounds.reduce((sum, [, hi]) => sum + hi, 0);
  return bounds.some(([lo, hi]) => Math.min(hi, remainder - (sumLo - lo)) - Math.max(lo, remainder - (sumHi - hi)) < 1);
}

/**
 * Suppresses one group. A group of 1..threshold subjects is withheld entirely (counts, means,
 * standard deviations, every distribution). Otherwise counts are published; a score resting on
 * 1..threshold subjects (`subjects`, e.g. mean change over clients seen twice) or values (`n`) is
 * suppressed; with n = 0 mean and sd are `null` unsuppressed (no data); each distribution goes
 * through {@link suppressDistribution}. If a distribution had to hide a total equal to the group's
 * subject count, the published count would undo that, so the whole group is withheld.
 *
 * @example
 * suppressGroup({ subjects: 42, assessments: 57, scores: { readiness: { n: 57, mean: 6.1, sd: 2.2 } },
 *   distributions: { change: { total: 14, cells: { improved: 9, unchanged: 5, worse: 0 } } } }, suppressionPolicy())
 * // subjects 42, assessments 57, readiness mean 6.1 / sd 2.2 published;
 * // change: total 14, improved and unchanged suppressed (small-cell), worse 0
 */
export function suppressGroup(group: GroupInput, policy: SuppressionPolicy): SuppressedGroup {
  const { threshold } = suppressionPolicy(policy.threshold);
  assertCount(group.subjects, 'A group subject count');
  assertCount(group.assessments, 'A group assessment count');
  let totalLeaks = false;
  const distributions = Object.fromEntries(
    Object.entries(group.distributions).map(([name, d]) => {
      const result = suppressDistribution(d.total, d.cells, policy);
      totalLeaks ||= result.total.suppressed && d.total === group.subjects;
      return [name, result];
    }),
  );
  if (isSmall(group.subjects, threshold) || totalLeaks) return withheld(group, threshold);

  const scores = Object.fromEntries(
    Object.entries(group.scores).map(([name, s]) => {
      assertCount(s.n, 'A score count');
      // why: n counts assessments, so n ≤ threshold also means at most `threshold` subjects.
      if (isSmall(s.subjects ?? group.subjects, threshold) || isSmall(s.n, threshold)) {
        return [name, { mean: hidden, sd: hidden }];
      }
      return [name, { mean: shown(s.n >= 1 ? s.mean : null), sd: shown(s.n >= 2 ? s.sd : null) }];
    }),
  );
  return { threshold, subjects: shown(group.subjects), assessments: shown(group.assessments), scores, distributions };
}

function withheld(group: GroupInput, threshold: number): SuppressedGroup {
  const all = <T>(record: Record<string, T>, f: (value: T) => unknown) =>
    Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(value)]));
  return {
    threshold,
    subjects: hidden,
    assessments: hidden,
    scores: all(group.scores, () => ({ mean: hidden, sd: hidden })) as SuppressedGroup['scores'],
    distributions: all(group.distributions, (d) => ({
      threshold,
      total: hidden,
      cells: all(d.cells, () => hidden),
    })) as SuppressedGroup['distributions'],
  };
}
