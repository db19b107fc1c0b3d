import { defineItemInstrument } from './engine';
import { DRUG_BEHAVIOURS } from './guidance/render';
import { socratesDefinition } from './socrates';

// why: published CASAA wording of the Personal Drug Use Questionnaire (SOCRATES 8D), public domain.
const TEXTS = [
  'I really want to make changes in my use of drugs.',
  'Sometimes I wonder if I am an addict.',
  "If I don't change my drug use soon, my problems are going to get worse.",
  'I have already started making some changes in my use of drugs.',
  "I was using drugs too much at one time, but I've managed to change that.",
  'Sometimes I wonder if my drug use is hurting other people.',
  'I have a drug problem.',
  "I'm not just thinking about changing my drug use, I'm already doing something about it.",
  'I have already changed my drug use, and I am looking for ways to keep from slipping back to my old pattern.',
  'I have serious problems with drugs.',
  'Sometimes I wonder if I am in control of my drug use.',
  'My drug use is causing a lot of harm.',
  'I am actively doing things now to cut down or stop my use of drugs.',
  'I want help to keep from going back to the drug problems that I had before.',
  'I know that I have a drug problem.',
  'There are times when I wonder if I use drugs too much.',
  'I am a drug addict.',
  'I am working hard to change my drug use.',
  'I have made some changes in my drug use, and I want some help to keep from going back to the way I used before.',
] as const;

/** Data of SOCRATES 8D (drugs): same key, and the alcohol-sample deciles, labelled as such. */
export const socrates8dDefinition = socratesDefinition({
  id: 'socrates-8d',
  title: 'SOCRATES 8D (drugs)',
  description:
    'Stages of Change Readiness and Treatment Eagerness Scale, drug form: 19 statements rated 1 (strongly disagree) to 5 (strongly agree); Recognition, Ambivalence and Taking Steps sums with deciles from alcohol-sample norms.',
  algorithm: 'socrates-8d-19',
  // why: 8D is about drug use; a drug `targetBehavior` (cannabis, opioids, …) names which.
  topic: { behaviour: 'your drug use', change: 'a change in your drug use', refinedBy: DRUG_BEHAVIOURS },
  texts: TEXTS,
  // why: no drug-sample norms are published for 8D: the Project MATCH (alcohol) table is used, labelled "alcohol-sample norms".
  notes: [
    'Alcohol-sample norms: the deciles come from Project MATCH (1,726 adults presenting for alcohol treatment). 8D uses the same table, so its deciles compare a drug-use score with people in alcohol treatment: read them with more caution still. Guidance reads the raw agreement as well as the decile.',
    'In primary care the norms fit less well still: a study of at-risk drinkers in primary care found two factors rather than the three scales.',
  ],
});

/** The SOCRATES 8D instrument. */
export const socrates8d = defineItemInstrument(socrates8dDefinition);
