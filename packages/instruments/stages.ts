/**
 * The transtheoretical stages of change in their order (Prochaska & DiClemente). The words are
 * part of the HTTP contract (clients match on them); instruments report at most these.
 */
export const STAGES = ['precontemplation', 'contemplation', 'preparation', 'action', 'maintenance'] as const;
export type Stage = (typeof STAGES)[number];

export type StageDirection = 'forward' | 'backward' | 'unchanged';

export const isStage = (value: unknown): value is Stage => typeof value === 'string' && (STAGES as readonly string[]).includes(value);

/**
 * Direction of a move between two stages. A backward move out of maintenance is the relapse
 * signal a clinic's portal must surface (docs/scoring.md, MI guidance).
 * @example stageMove('maintenance', 'contemplation') // { direction: 'backward', relapseSignal: true }
 */
export function stageMove(from: Stage, to: Stage): { direction: StageDirection; relapseSignal: boolean } {
  const delta = STAGES.indexOf(to) - STAGES.indexOf(from);
  const direction: StageDirection = delta > 0 ? 'forward' : delta < 0 ? 'backward' : 'unchanged';
  return { direction, relapseSignal: from === 'maintenance' && direction === 'backward' };
}
