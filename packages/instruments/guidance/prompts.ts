import type { MiPhase, MiPrinciple, MiProcess, PromptKind, TalkType } from '../../domain/records';
import type { GuidanceSourceId } from './sources';
import type { PromptDefinition } from './types';

/**
 * Version of the guidance catalog. 1.0.0 was the wording built into each instrument before the
 * catalog existed (stored results keep it); 2.0.0 is the first catalog. Hashed into every
 * definition, so a change here gives every instrument a new definition hash.
 */
export const GUIDANCE_CATALOG_VERSION = '2.0.0';

type Meta = { principle: MiPrinciple | null; evokes: TalkType; sources: readonly GuidanceSourceId[] };
const at =
  (process: MiProcess, phase: MiPhase) =>
  (kind: PromptKind) =>
  (id: string, template: string, meta: Meta): PromptDefinition => ({ id, kind, template, process, phase, ...meta });

const engaging = at('engaging', 'building-motivation');
const evoking = at('evoking', 'building-motivation');
const planning = at('planning', 'strengthening-commitment');
const ask = { engaging: engaging('open-question'), evoking: evoking('open-question'), planning: planning('open-question') };
const reflect = { engaging: engaging('reflection'), evoking: evoking('reflection') };

const ENGAGE: readonly GuidanceSourceId[] = ['mi-2013-engaging'];
const EVOKE: readonly GuidanceSourceId[] = ['mi-2013-evoking'];
const EVOKE_NOT_BALANCE: readonly GuidanceSourceId[] = ['mi-2013-evoking', 'miller-rose-2013'];
const PLAN: readonly GuidanceSourceId[] = ['mi-2013-planning', 'rollnick-2008'];
const RULER: readonly GuidanceSourceId[] = ['ruler-follow-ups'];
const NEUTRAL: readonly GuidanceSourceId[] = ['mi-2013-neutrality', 'miller-rose-2013'];

const neutral = (id: string, template: string): PromptDefinition => ({
  ...evoking('open-question')(id, template, { principle: 'express-empathy', evokes: 'both-sides', sources: NEUTRAL }),
  style: 'neutral-exploration',
});

/** Every prompt the API can give, once. Instruments and the trajectory choose them by id. */
export const PROMPTS: readonly PromptDefinition[] = [
  // Engaging: the client's own view, their autonomy.
  ask.engaging('engage-how-see', 'How do you see {behaviour} at the moment?', {
    principle: 'express-empathy',
    evokes: 'engagement',
    sources: ENGAGE,
  }),
  reflect.engaging('engage-autonomy', 'It is up to you what, if anything, you decide to do about {behaviour}.', {
    principle: 'roll-with-resistance',
    evokes: 'engagement',
    sources: ENGAGE,
  }),

  // Evoking change talk: desire, ability, reasons, need.
  ask.evoking('evoke-concerns', 'What, if anything, concerns you about {behaviour}?', {
    principle: 'roll-with-resistance',
    evokes: 'reasons',
    sources: EVOKE,
  }),
  ask.evoking('evoke-concerns-most', 'What concerns you most about {behaviour}?', {
    principle: 'develop-discrepancy',
    evokes: 'reasons',
    sources: EVOKE,
  }),
  ask.evoking('evoke-desire', 'What would you like to be different about {behaviour}?', {
    principle: 'develop-discrepancy',
    evokes: 'desire',
    sources: EVOKE_NOT_BALANCE,
  }),
  ask.evoking('evoke-best-results', 'If you made {change}, what would be the best things to come of it?', {
    principle: 'develop-discrepancy',
    evokes: 'reasons',
    sources: EVOKE_NOT_BALANCE,
  }),
  ask.evoking('evoke-looking-forward', 'Looking ahead a year, how would you like your life to be different?', {
    principle: 'develop-discrepancy',
    evokes: 'desire',
    sources: EVOKE,
  }),
  ask.evoking('evoke-values', 'How does {behaviour} fit with the things that matter most to you?', {
    principle: 'develop-discrepancy',
    evokes: 'reasons',
    sources: EVOKE,
  }),
  ask.evoking('evoke-wondering', 'When you wonder about {behaviour}, what concerns come to mind?', {
    principle: 'develop-discrepancy',
    evokes: 'reasons',
    sources: EVOKE_NOT_BALANCE,
  }),
  ask.evoking('evoke-problems-matter', 'Which of those problems matters most to you right now?', {
    principle: 'develop-discrepancy',
    evokes: 'need',
    sources: EVOKE,
  }),
  ask.evoking('evoke-concerns-staying', 'What, if anything, concerns you about things staying as they are?', {
    principle: 'develop-discrepancy',
    evokes: 'reasons',
    sources: EVOKE_NOT_BALANCE,
  }),
  ask.evoking('evoke-listed-change', 'You listed {reasons} in favour of change. Which of them matters most to you?', {
    principle: 'develop-discrepancy',
    evokes: 'reasons',
    sources: EVOKE,
  }),
  ask.evoking('evoke-change-reason-most', 'Of the reasons you listed for a change, which matters most to you?', {
    principle: 'develop-discrepancy',
    evokes: 'reasons',
    sources: EVOKE_NOT_BALANCE,
  }),
  ask.evoking('evoke-ability', 'If you decided to make {change}, how might you go about it?', {
    principle: 'support-self-efficacy',
    evokes: 'ability',
    sources: EVOKE,
  }),
  ask.evoking('evoke-past-success', 'What changes have you made successfully before, and how did you manage them?', {
    principle: 'support-self-efficacy',
    evokes: 'ability',
    sources: EVOKE,
  }),
  ask.evoking('evoke-strengths', 'What strengths or support could help you with {change}?', {
    principle: 'support-self-efficacy',
    evokes: 'ability',
    sources: EVOKE,
  }),

  // Reflections: acknowledge (the status quo's benefits included) and then evoke; they ask for nothing.
  reflect.evoking('reflect-sees-problems', 'You see that {behaviour} is causing some problems.', {
    principle: 'express-empathy',
    evokes: 'none',
    sources: EVOKE,
  }),
  reflect.evoking('reflect-wondering', 'You have been wondering about {behaviour} and whether it is time for a change.', {
    principle: 'express-empathy',
    evokes: 'none',
    sources: EVOKE,
  }),
  reflect.evoking('reflect-status-quo-values', 'Right now, {behaviour} gives you things you value.', {
    principle: 'express-empathy',
    evokes: 'none',
    sources: EVOKE_NOT_BALANCE,
  }),
  reflect.evoking('reflect-two-sides', 'Part of you values {behaviour}, and part of you has concerns about it.', {
    principle: 'express-empathy',
    evokes: 'none',
    sources: EVOKE,
  }),
  reflect.evoking('reflect-listed-status-quo', 'You listed {reasons} for keeping things as they are, and they matter to you.', {
    principle: 'express-empathy',
    evokes: 'none',
    sources: EVOKE_NOT_BALANCE,
  }),
  reflect.evoking('reflect-listed-each-side', 'You listed {reasons} on each side: this is not an easy decision.', {
    principle: 'express-empathy',
    evokes: 'none',
    sources: EVOKE,
  }),

  // Readiness ruler follow-ups (published), one set per ruler; never "why not 10".
  ...(
    [
      ['importance', 'develop-discrepancy', 'reasons', 'What would it take for {change} to become important to you?'],
      [
        'confidence',
        'support-self-efficacy',
        'ability',
        'What would it take for you to feel even a little confident about making {change}?',
      ],
      ['readiness', 'develop-discrepancy', 'reasons', 'What would it take for you to consider making {change}?'],
    ] as const
  ).flatMap(([ruler, principle, evokes, atMinimum]) => [
    ask.evoking(`ruler-${ruler}-lower`, `You chose {score} for ${ruler}. Why are you at {score} and not at {lower}?`, {
      principle,
      evokes,
      sources: RULER,
    }),
    ask.evoking(`ruler-${ruler}-next`, `On ${ruler}, what would it take to go from {score} to {next}?`, {
      principle,
      evokes,
      sources: RULER,
    }),
    ask.evoking(`ruler-${ruler}-minimum`, atMinimum, { principle, evokes, sources: RULER }),
  ]),

  // Contemplation ladder: the ladder is about quitting smoking, so its prompts say so.
  ask.evoking('ladder-someday', 'What, if anything, might make you think about quitting someday?', {
    principle: 'roll-with-resistance',
    evokes: 'reasons',
    sources: EVOKE,
  }),
  ask.evoking('ladder-consider', 'What makes you think quitting may be worth considering someday?', {
    principle: 'develop-discrepancy',
    evokes: 'reasons',
    sources: EVOKE,
  }),
  ask.evoking('ladder-feel-ready', 'What would help you feel ready?', {
    principle: 'support-self-efficacy',
    evokes: 'ability',
    sources: EVOKE,
  }),
  ask.evoking('ladder-next-rung', 'What would it take for you to move from rung {rung} to rung {nextRung}?', {
    principle: 'develop-discrepancy',
    evokes: 'reasons',
    sources: EVOKE,
  }),

  // The neutral exploration of both sides: only when the caller asks for it (style `neutral`).
  neutral('neutral-good-and-less-good', 'What are the good things about {behaviour} for you, and what are the less good things?'),
  neutral('neutral-gain-and-miss', 'What would you gain by making {change}, and what would you miss about how things are now?'),
  neutral('neutral-weigh-list', 'Looking at both sides of your list, how do they weigh up for you?'),

  // Planning, once the client is ready: the key question, goals in their words, steps, help, obstacles.
  ask.planning('plan-key-question', 'What do you think you will do about {behaviour}?', {
    principle: null,
    evokes: 'commitment',
    sources: PLAN,
  }),
  ask.planning('plan-goal', 'In your own words, what would you like to achieve with {change}?', {
    principle: null,
    evokes: 'commitment',
    sources: PLAN,
  }),
  ask.planning('plan-first-step', 'What would a first step look like for you, and when could you take it?', {
    principle: null,
    evokes: 'activation',
    sources: PLAN,
  }),
  ask.planning('plan-who-helps', 'Who could help you with {change}, and how?', { principle: null, evokes: 'ability', sources: PLAN }),
  ask.planning('plan-obstacles', 'What might get in the way, and how could you handle it?', {
    principle: 'support-self-efficacy',
    evokes: 'ability',
    sources: PLAN,
  }),
  ask.planning('plan-steps-so-far', 'What changes have you made so far, and what has helped most?', {
    principle: 'support-self-efficacy',
    evokes: 'taking-steps',
    sources: PLAN,
  }),
  ask.planning('plan-keep-going', 'What will help you keep these changes going when things get hard?', {
    principle: 'support-self-efficacy',
    evokes: 'ability',
    sources: PLAN,
  }),
  planning('affirmation')('affirm-steps-taken', 'You have already started making changes in {behaviour}, and that takes real effort.', {
    principle: 'support-self-efficacy',
    evokes: 'none',
    sources: PLAN,
  }),

  // Trajectory: a backward move (normalise, affirm, self-efficacy), the relapse signal, a forward move.
  ask.engaging(
    'trajectory-normalize',
    'Moving back and forth is a common part of changing {behaviour}. What do you make of where things are now?',
    { principle: 'express-empathy', evokes: 'engagement', sources: ['change-cycles', 'mi-2013-engaging'] },
  ),
  engaging('affirmation')('trajectory-progress-counts', 'The progress you made before still counts.', {
    principle: 'support-self-efficacy',
    evokes: 'none',
    sources: ENGAGE,
  }),
  ask.evoking('trajectory-helped-before', 'What helped you make progress before, and what of it could help again now?', {
    principle: 'support-self-efficacy',
    evokes: 'ability',
    sources: EVOKE,
  }),
  ask.engaging(
    'trajectory-relapse-normalize',
    'Many people go around the cycle of change more than once before {change} lasts. What do you make of what has happened?',
    { principle: 'express-empathy', evokes: 'engagement', sources: ['change-cycles', 'mi-2013-engaging'] },
  ),
  engaging('affirmation')('trajectory-relapse-affirm', 'You kept your change going for a while, and that shows what you can do.', {
    principle: 'support-self-efficacy',
    evokes: 'none',
    sources: ENGAGE,
  }),
  ask.evoking('trajectory-relapse-learn', 'What did you learn while things were going well that could help you now?', {
    principle: 'support-self-efficacy',
    evokes: 'ability',
    sources: EVOKE,
  }),
  at('engaging', 'strengthening-commitment')('affirmation')(
    'trajectory-forward-affirm',
    'You have moved forward since your last assessment, and that took effort.',
    { principle: 'support-self-efficacy', evokes: 'none', sources: ENGAGE },
  ),
  at('evoking', 'strengthening-commitment')('open-question')('trajectory-forward-helped', 'What has helped you move forward?', {
    principle: 'support-self-efficacy',
    evokes: 'taking-steps',
    sources: EVOKE,
  }),
];

const byId = new Map(PROMPTS.map((p) => [p.id, p]));

/**
 * The catalog prompt with this id; throws for an unknown id, so a typo in a rule fails at start-up.
 * @example promptById('plan-key-question').process // 'planning'
 */
export function promptById(id: string): PromptDefinition {
  const prompt = byId.get(id);
  if (!prompt) throw new Error(`Unknown guidance prompt ${id}`);
  return prompt;
}
