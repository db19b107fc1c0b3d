import { isDeepStrictEqual } from 'node:util';
import type { GuidanceContext, Rescore, StoredAssessment, StoredGuidance, TargetBehavior } from '../domain/records';
import type { Instrument, InstrumentInput } from '../instruments/types';
import type { Store } from '../store/port';

type Scoring = Pick<Rescore, 'scores' | 'interpretation' | 'provenance'> & { guidance: StoredGuidance[] };

export interface RescoreExample {
  clinicId: string;
  id: string;
  from: Scoring;
  to: Scoring;
}

export interface RescoreReport {
  instrument: string;
  version: string;
  definitionHash: string;
  scanned: number;
  /** Latest scoring already made by this definition: nothing to do. */
  current: number;
  /** Stored answers the new definition rejects (e.g. a removed item): left as they are. */
  unscorable: number;
  /** Different definition, same scores, interpretation and guidance. */
  unchangedOutput: number;
  changedScores: number;
  changedStage: number;
  changedInterpretation: number;
  /** Results whose guidance would change (new wording, new choice, or guidance stored before the catalog). */
  changedGuidance: number;
  examples: RescoreExample[];
  /** Re-scorings written (0 in a preview). */
  applied: number;
}

/** The scoring a reader sees last: the newest re-scoring, else the original result. */
const latest = (a: StoredAssessment): Scoring => a.rescores?.at(-1) ?? a.view;

const stageOf = (s: Scoring) => (s.interpretation as { stage?: unknown }).stage;

/** The guidance context the result was first scored with: its target behaviour and style, kept in its view. */
const contextOf = ({ view }: StoredAssessment): GuidanceContext => ({
  ...(view.targetBehavior ? { targetBehavior: view.targetBehavior as TargetBehavior } : {}),
  ...(view.guidanceStyle ? { style: view.guidanceStyle } : {}),
});

/**
 * Re-scores every stored assessment of `instrument` whose latest scoring came from another
 * definition, with the target behaviour and guidance style it was first scored with. Preview (the
 * default) only counts changed scores, stages, interpretations and guidance and shows examples; `apply` stores each new
 * scoring beside the old ones with its provenance. The original `view` is never rewritten, and
 * applying twice adds nothing (the store refuses a second scoring with the same hash).
 * @example await rescore(store, getInstrument('urica')!, { apply: false, now: () => new Date() })
 */
export async function rescore(
  store: Store,
  instrument: Instrument,
  options: { apply: boolean; now: () => Date; examples?: number; onProgress?: (scanned: number) => void },
): Promise<RescoreReport> {
  const { definitionHash } = instrument.provenance;
  const report: RescoreReport = {
    instrument: instrument.id,
    version: instrument.version,
    definitionHash,
    scanned: 0,
    current: 0,
    unscorable: 0,
    unchangedOutput: 0,
    changedScores: 0,
    changedStage: 0,
    changedInterpretation: 0,
    changedGuidance: 0,
    examples: [],
    applied: 0,
  };
  let cursor: string | undefined;
  do {
    const page = await store.scanAssessments(instrument.id, { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const stored of page.items) {
      report.scanned += 1;
      const before = latest(stored);
      if (before.provenance.definitionHash === definitionHash) {
        report.current += 1;
        continue;
      }
      const parsed = instrument.inputSchema.safeParse(stored.answers);
      if (!parsed.success) {
        report.unscorable += 1;
        continue;
      }
      const after = instrument.score(parsed.data as unknown as InstrumentInput, contextOf(stored));
      const scoresChanged = !isDeepStrictEqual(before.scores, after.scores);
      const interpretationChanged = !isDeepStrictEqual(before.interpretation, after.interpretation);
      const guidanceChanged = !isDeepStrictEqual(before.guidance, after.guidance);
      if (scoresChanged) report.changedScores += 1;
      if (interpretationChanged) report.changedInterpretation += 1;
      if (guidanceChanged) report.changedGuidance += 1;
      if (stageOf(before) !== stageOf(after)) report.changedStage += 1;
      if (!scoresChanged && !interpretationChanged && !guidanceChanged) report.unchangedOutput += 1;
      else if (report.examples.length < (options.examples ?? 5)) {
        const pick = (s: Scoring): Scoring => ({
          scores: s.scores,
          interpretation: s.interpretation,
          guidance: s.guidance,
          provenance: s.provenance,
        });
        report.examples.push({ clinicId: stored.clinicId, id: stored.id, from: pick(before), to: pick(after) });
      }
      if (options.apply) {
        const entry: Rescore = {
          instrument: after.instrument,
          complete: after.complete,
          missing: after.missing,
          scores: after.scores,
          interpretation: after.interpretation,
          guidance: after.guidance,
          provenance: after.provenance,
          rescoredAt: options.now().toISOString(),
        };
        if (await store.addRescore(stored.clinicId, stored.id, entry)) report.applied += 1;
      }
    }
    options.onProgress?.(report.scanned);
    cursor = page.cursor;
  } while (cursor);
  return report;
}
