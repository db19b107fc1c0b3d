import type { Guidance } from '../domain/records';

/**
 * MI-consistent prompts for a stage of change, shared by the staged questionnaires (URICA, RCQ).
 * OUR RULE: no source maps stages to prompts; these follow the MI principles (Miller & Rollnick):
 * earlier stages get empathy and rolling with resistance, contemplation gets both sides and
 * discrepancy, action and maintenance get self-efficacy. Every prompt is an open question.
 * @example stageGuidance('action', 'your drinking')[0]?.principle // 'support-self-efficacy'
 */
export function stageGuidance(stage: unknown, topic: string): Guidance[] {
  switch (stage) {
    case 'precontemplation':
      return [
        { principle: 'express-empathy', focus: 'understand-their-view', prompt: `How do you see ${topic} at the moment?` },
        { principle: 'roll-with-resistance', focus: 'explore-concerns', prompt: `What, if anything, concerns you about ${topic}?` },
      ];
    case 'contemplation':
      return [
        {
          principle: 'express-empathy',
          focus: 'explore-both-sides',
          prompt: 'What would you gain by making a change, and what would you miss about how things are now?',
        },
        {
          principle: 'develop-discrepancy',
          focus: 'elicit-change-talk',
          prompt: 'How might things be different for you if you made a change?',
        },
      ];
    case 'preparation':
      return [
        { principle: 'support-self-efficacy', focus: 'plan', prompt: 'What would a first step look like, and when could you take it?' },
      ];
    case 'action':
      return [
        { principle: 'support-self-efficacy', focus: 'support-change', prompt: 'What changes have you made so far, and what has helped?' },
        { principle: 'support-self-efficacy', focus: 'plan', prompt: 'What might get in the way, and how could you handle it?' },
      ];
    case 'maintenance':
      return [
        {
          principle: 'support-self-efficacy',
          focus: 'maintain',
          prompt: 'What will help you keep these changes going when things get hard?',
        },
      ];
    default:
      return [];
  }
}
