import type { GuidanceRule, RuleHit } from './guidance/types';
import { isStage, type Stage } from './stages';

// why: OUR RULE — no source maps stages to prompts. They follow MI's two phases (Miller &
// Rollnick 2013): before a decision, engage and evoke change talk (never the pros and cons of
// changing at once: with ambivalent people that lowers commitment, Miller & Rose 2013); once the
// client is ready (preparation, action, maintenance), plan, affirm and support the change.
const STAGE_RULES: Record<Stage, Omit<GuidanceRule, 'id'>> = {
  precontemplation: {
    when: 'Stage precontemplation (not yet considering change): engage with their view, leave the decision with them, ask about concerns without arguing.',
    prompts: ['engage-how-see', 'engage-autonomy', 'evoke-concerns'],
  },
  contemplation: {
    when: 'Stage contemplation (ambivalent): evoke change talk. With style `neutral` only, the balanced exploration of both sides instead.',
    prompts: ['evoke-desire', 'evoke-best-results', 'evoke-looking-forward'],
    neutral: ['neutral-gain-and-miss'],
  },
  preparation: {
    when: 'Stage preparation (ready): planning — the key question, a goal in their words, a first step, who can help, what might get in the way.',
    prompts: ['plan-key-question', 'plan-goal', 'plan-first-step', 'plan-who-helps', 'plan-obstacles'],
  },
  action: {
    when: 'Stage action (changing): affirm the steps taken, ask what has helped, plan for obstacles and support.',
    prompts: ['affirm-steps-taken', 'plan-steps-so-far', 'plan-obstacles', 'plan-who-helps'],
  },
  maintenance: {
    when: 'Stage maintenance: plan for hard moments and support.',
    prompts: ['plan-keep-going', 'plan-who-helps'],
  },
};

/**
 * The stage rules for the stages an instrument can assign (rules it can never fire are not listed).
 * @example stageRules(['precontemplation', 'contemplation', 'action']).map((r) => r.id) // ['stage-precontemplation', …]
 */
export function stageRules(stages: readonly Stage[]): GuidanceRule[] {
  return stages.map((stage) => ({ id: `stage-${stage}`, ...STAGE_RULES[stage] }));
}

/**
 * The rule of a staged result: one per stage, none without a stage.
 * @example stageHits('action') // [{ rule: 'stage-action' }]
 */
export function stageHits(stage: unknown): RuleHit[] {
  return isStage(stage) ? [{ rule: `stage-${stage}` }] : [];
}
