import { NotFound } from '../domain/errors';
import type { AssessmentView, Guidance, TargetBehavior } from '../domain/records';
import { getInstrument, trajectoryGuidance } from '../instruments';
import { isStage, type Stage, type StageDirection, stageMove } from '../instruments/stages';
import type { Store } from '../store/port';

type Change = Record<string, number | null>;

export interface TrajectoryPoint {
  id: string;
  administeredOn: string;
  instrumentVersion: string;
  scores: Record<string, number | null>;
  /** `null` when the instrument has no stage or a needed item was missing. */
  stage: Stage | null;
  /** Per score: this minus the previous (or first) assessment; `null` when either side is null. */
  changeFromPrevious: Change | null;
  changeFromFirst: Change | null;
  transition: { from: Stage; to: Stage; direction: StageDirection; relapseSignal: boolean } | null;
}

export interface InstrumentTrajectory {
  instrument: string;
  /** `insufficient-data` with fewer than two assessments: no change can be computed yet. */
  status: 'ok' | 'insufficient-data';
  detail?: string;
  count: number;
  points: TrajectoryPoint[];
  summary: {
    firstOn: string;
    latestOn: string;
    firstStage: Stage | null;
    latestStage: Stage | null;
    /** Latest minus first, per score. */
    change: Change | null;
    forwardMoves: number;
    backwardMoves: number;
    relapseSignal: boolean;
    /** Stage trends need two staged points; scores can still trend without them. */
    stageStatus: 'ok' | 'insufficient-data' | 'not-staged';
    /**
     * MI prompts for the latest stage move (between the last two staged points): a backward move
     * is normalised, with what was achieved affirmed; the relapse signal likewise; a forward move
     * is affirmed. Empty when the latest move is none or unchanged.
     */
    guidance: Guidance[];
  };
}

function diff(now: Record<string, number | null>, then: Record<string, number | null>): Change {
  const out: Change = {};
  for (const [key, value] of Object.entries(now)) {
    const before = then[key];
    out[key] = typeof value === 'number' && typeof before === 'number' ? value - before : null;
  }
  return out;
}

const numeric = (scores: Record<string, number | null>) =>
  Object.fromEntries(Object.entries(scores).filter(([, v]) => v === null || typeof v === 'number'));

function stageOf(view: AssessmentView): Stage | null {
  const stage = (view.interpretation as { stage?: unknown }).stage;
  return isStage(stage) ? stage : null;
}

/**
 * A client's change over time per instrument, oldest first: scores, stage, change from the
 * previous and the first assessment, and stage transitions (a backward move out of maintenance
 * is flagged as a relapse signal), with MI guidance for the latest stage move. Transitions compare consecutive *staged* points, so an
 * assessment with a missing item does not hide a move.
 * @example buildTrajectory(views).find((t) => t.instrument === 'urica')?.summary.latestStage
 */
export function buildTrajectory(views: AssessmentView[]): InstrumentTrajectory[] {
  const byInstrument = new Map<string, AssessmentView[]>();
  for (const view of views) {
    const list = byInstrument.get(view.instrument.id) ?? [];
    list.push(view);
    byInstrument.set(view.instrument.id, list);
  }
  const out: InstrumentTrajectory[] = [];
  for (const [instrument, list] of [...byInstrument].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // Input arrives newest first; stable sort keeps same-day order by creation.
    const ordered = [...list]
      .reverse()
      .sort((a, b) => (a.administeredOn < b.administeredOn ? -1 : a.administeredOn > b.administeredOn ? 1 : 0));
    const first = ordered[0]!;
    let lastStage: Stage | null = null;
    let latestMove: ReturnType<typeof stageMove> | null = null;
    let forward = 0;
    let backward = 0;
    let relapse = false;
    const points = ordered.map((view, i): TrajectoryPoint => {
      const scores = numeric(view.scores);
      const stage = stageOf(view);
      let transition: TrajectoryPoint['transition'] = null;
      if (stage && lastStage) {
        const move = stageMove(lastStage, stage);
        transition = { from: lastStage, to: stage, ...move };
        if (move.direction === 'forward') forward += 1;
        if (move.direction === 'backward') backward += 1;
        relapse ||= move.relapseSignal;
        latestMove = move;
      }
      if (stage) lastStage = stage;
      return {
        id: view.id,
        administeredOn: view.administeredOn,
        instrumentVersion: view.instrument.version,
        scores,
        stage,
        changeFromPrevious: i === 0 ? null : diff(scores, numeric(ordered[i - 1]!.scores)),
        changeFromFirst: i === 0 ? null : diff(scores, numeric(first.scores)),
        transition,
      };
    });
    const staged = points.filter((p) => p.stage !== null);
    const hasStages = ordered.some((v) => 'stage' in (v.interpretation as object));
    const latest = points.at(-1)!;
    const topic = getInstrument(instrument)?.guidance.topic;
    const targetBehavior = ordered.at(-1)!.targetBehavior as TargetBehavior | undefined;
    // why: the prompts are for the conversation now, so they follow the latest move only.
    const guidance = latestMove && topic ? trajectoryGuidance(latestMove, topic, targetBehavior ? { targetBehavior } : {}) : [];
    out.push({
      instrument,
      status: points.length < 2 ? 'insufficient-data' : 'ok',
      ...(points.length < 2 ? { detail: 'One assessment so far: change needs at least two.' } : {}),
      count: points.length,
      points,
      summary: {
        firstOn: first.administeredOn,
        latestOn: latest.administeredOn,
        firstStage: staged[0]?.stage ?? null,
        latestStage: staged.at(-1)?.stage ?? null,
        change: points.length < 2 ? null : latest.changeFromFirst,
        forwardMoves: forward,
        backwardMoves: backward,
        relapseSignal: relapse,
        stageStatus: !hasStages ? 'not-staged' : staged.length < 2 ? 'insufficient-data' : 'ok',
        guidance,
      },
    });
  }
  return out;
}

/** A trajectory reads at most this many assessments, newest first; beyond it `truncated` is true. */
export const MAX_TRAJECTORY = 1000;

/**
 * `GET /v1/subjects/{subjectId}/trajectory`: reads the subject's history (newest first, at most
 * MAX_TRAJECTORY) and builds its trajectory; `NotFound` for a subject with no assessments.
 * @example await subjectTrajectory(store, 'demo', 'sub_1_…') // { subjectId, truncated: false, instruments: [...] }
 */
export async function subjectTrajectory(store: Store, clinicId: string, subjectId: string) {
  const views: AssessmentView[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listSubjectAssessments(clinicId, subjectId, { limit: 100, ...(cursor ? { cursor } : {}) });
    views.push(...page.items.map((a) => a.view));
    cursor = page.cursor;
  } while (cursor && views.length < MAX_TRAJECTORY);
  if (views.length === 0) throw new NotFound('No subject with this id.');
  return { subjectId, truncated: Boolean(cursor), instruments: buildTrajectory(views) };
}
