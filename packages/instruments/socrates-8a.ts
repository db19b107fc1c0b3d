import { defineItemInstrument } from './engine';
import { socratesDefinition } from './socrates';

// why: published CASAA wording of the Personal Drinking Questionnaire (SOCRATES 8A), public domain.
const TEXTS = [
  'I really want to make changes in my drinking.',
  'Sometimes I wonder if I am an alcoholic.',
  "If I don't change my drinking soon, my problems are going to get worse.",
  'I have already started making some changes in my drinking.',
  "I was drinking too much at one time, but I've managed to change my drinking.",
  'Sometimes I wonder if my drinking is hurting other people.',
  'I am a problem drinker.',
  "I'm not just thinking about changing my drinking, I'm already doing something about it.",
  'I have already changed my drinking, and I am looking for ways to keep from slipping back to my old pattern.',
  'I have serious problems with drinking.',
  'Sometimes I wonder if I am in control of my drinking.',
  'My drinking is causing a lot of harm.',
  'I am actively doing things now to cut down or stop drinking.',
  'I want help to keep from going back to the drinking problems that I had before.',
  'I know that I have a drinking problem.',
  'There are times when I wonder if I drink too much.',
  'I am an alcoholic.',
  'I am working hard to change my drinking.',
  'I have made some changes in my drinking, and I want some help to keep from going back to the way I used to drink.',
] as const;

/** Data of SOCRATES 8A (alcohol). */
export const socrates8aDefinition = socratesDefinition({
  id: 'socrates-8a',
  title: 'SOCRATES 8A (alcohol)',
  description:
    'Stages of Change Readiness and Treatment Eagerness Scale, alcohol form: 19 statements rated 1 (strongly disagree) to 5 (strongly agree); Recognition, Ambivalence and Taking Steps sums with Project MATCH deciles.',
  algorithm: 'socrates-8a-19',
  // why: 8A's statements are about drinking, so its prompts name drinking whatever the request says.
  topic: { behaviour: 'your drinking', change: 'a change in your drinking', refinedBy: [] },
  texts: TEXTS,
  notes: [
    'Deciles are Project MATCH norms from 1,726 adults presenting for alcohol treatment; they rank a score against people already in treatment, not a diagnosis. A client outside treatment who agrees with every Recognition statement (a sum of 28) falls at decile 20, "low": guidance therefore reads the raw agreement as well as the decile.',
    'In primary care the norms fit less well still: a study of at-risk drinkers in primary care found two factors rather than the three scales.',
  ],
});

/** The SOCRATES 8A instrument. */
export const socrates8a = defineItemInstrument(socrates8aDefinition);
