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
  topic: 'your drinking',
  texts: TEXTS,
  notes: [
    'Deciles are Project MATCH norms from 1,726 adults in alcohol treatment; they describe where a score falls in that sample, not a diagnosis.',
  ],
});

/** The SOCRATES 8A instrument. */
export const socrates8a = defineItemInstrument(socrates8aDefinition);
