import type { Source } from '../definition';

/**
 * The sources the guidance prompts cite, by id. The MI book is cited by process (engaging,
 * focusing, evoking, planning), the level at which the four-process model organises it.
 */
export const GUIDANCE_SOURCES = {
  'mi-2013-engaging': {
    citation:
      'Miller WR, Rollnick S. Motivational Interviewing: Helping People Change, 3rd ed. Guilford, 2013 — engaging: open questions, reflective listening, affirming, emphasising autonomy',
  },
  'mi-2013-evoking': {
    citation:
      'Miller WR, Rollnick S. Motivational Interviewing, 3rd ed., 2013 — evoking: change talk (desire, ability, reasons, need), evoking questions, looking forward, exploring values, developing discrepancy; sustain talk is reflected, not asked for',
  },
  'mi-2013-neutrality': {
    citation:
      'Miller WR, Rollnick S. Motivational Interviewing, 3rd ed., 2013 — counselling with neutrality: a balanced exploration of both sides when the clinician chooses not to favour a direction',
  },
  'mi-2013-planning': {
    citation:
      'Miller WR, Rollnick S. Motivational Interviewing, 3rd ed., 2013 — planning: the key question, goals in the client’s words, a change plan, strengthening commitment (commitment, activation, taking steps), supporting change',
  },
  'miller-rose-2013': {
    citation:
      'Miller WR, Rose GS. Motivational interviewing and decisional balance: contrasting responses to client ambivalence. Behavioural and Cognitive Psychotherapy (published online 11 November 2013): with ambivalent people a decisional-balance exercise tends to decrease commitment, evocation promotes change; decisional balance is for when the clinician wishes to stay neutral',
    url: 'https://www.cambridge.org/core/journals/behavioural-and-cognitive-psychotherapy/article/motivational-interviewing-and-decisional-balance-contrasting-responses-to-client-ambivalence/74496E66A2D5625296F9B2EEE805B359',
  },
  'rollnick-2008': {
    citation:
      'Rollnick S, Miller WR, Butler CC. Motivational Interviewing in Health Care: Helping Patients Change Behavior. Guilford, 2008 — agreeing a plan in brief consultations',
  },
  'ruler-follow-ups': {
    citation:
      'Readiness ruler follow-up questions "Why are you at X and not at [a lower number]?" and "What would it take to go from X to [X+1]?": Case Western Reserve University Center for Evidence-Based Practices (case.edu); UNC School of Medicine CFAR "Motivation for change" (med.unc.edu); observingsolution.com',
  },
  'change-cycles': {
    citation:
      'Heather N, Rollnick S. Readiness to Change Questionnaire: User’s Manual (revised version). NDARC Technical Report No. 19, 1993: "It may take many cycles around the stages of change before an addictive problem is finally solved."',
    url: 'https://ndarc.med.unsw.edu.au/resource/readiness-change-questionnaire-users-manual-revised-version',
  },
} as const satisfies Record<string, Source>;

export type GuidanceSourceId = keyof typeof GUIDANCE_SOURCES;
