import type { Guidance, GuidanceContext } from '../../domain/records';
import type { StageDirection } from '../stages';
import { renderGuidance } from './render';
import type { GuidanceRule, GuidanceSpec, GuidanceTopic } from './types';

// why: OUR RULE — a move between two assessments' stages gets prompts of its own. A backward move
// is normal on the way to lasting change ("It may take many cycles around the stages of change",
// Heather & Rollnick 1993): normalise it, affirm what was achieved, support self-efficacy — never
// shame or "you failed". Out of maintenance (the relapse signal) the same, for a change that had
// lasted. A forward move is affirmed. An unchanged stage gets none.
const RULES: readonly GuidanceRule[] = [
  {
    id: 'relapse-signal',
    when: 'The latest stage move goes backward out of maintenance (the relapse signal): normalise going around the cycle again, affirm the change that was kept, evoke what was learned.',
    prompts: ['trajectory-relapse-normalize', 'trajectory-relapse-affirm', 'trajectory-relapse-learn'],
  },
  {
    id: 'backward',
    when: 'The latest stage move goes backward (not out of maintenance): normalise it, affirm the progress made, evoke what helped before.',
    prompts: ['trajectory-normalize', 'trajectory-progress-counts', 'trajectory-helped-before'],
  },
  {
    id: 'forward',
    when: 'The latest stage move goes forward: affirm it and ask what helped.',
    prompts: ['trajectory-forward-affirm', 'trajectory-forward-helped'],
  },
];

/** The trajectory's rules; its topic words come from the instrument whose stages moved. */
export const TRAJECTORY_RULES = RULES;

/**
 * The guidance for a stage move, worded with the instrument's topic and the client's target behaviour.
 * @example trajectoryGuidance({ direction: 'backward', relapseSignal: true }, uricaTopic, { targetBehavior: 'alcohol' })[0]?.rule // 'trajectory/relapse-signal'
 */
export function trajectoryGuidance(
  move: { direction: StageDirection; relapseSignal: boolean },
  topic: GuidanceTopic,
  context: GuidanceContext = {},
): Guidance[] {
  const spec: GuidanceSpec = { topic, rules: RULES };
  const rule = move.relapseSignal ? 'relapse-signal' : move.direction === 'unchanged' ? null : move.direction;
  return rule ? renderGuidance('trajectory', spec, [{ rule }], context) : [];
}
