import type { Guidance } from '../domain/records';
import type { Anchor, ItemInstrumentDefinition } from './definition';
import { defineItemInstrument } from './engine';

// why: the ladder's published anchors, Biener & Abrams 1991 (as worded in instruments.md).
const ANCHORS: readonly Anchor[] = [
  { value: 0, label: 'have not considered quitting' },
  { value: 2, label: 'think I need to consider quitting someday' },
  { value: 5, label: 'think I should quit but not quite ready' },
  { value: 8, label: 'starting to think how to change' },
  { value: 10, label: 'taking action to quit' },
];

/**
 * The anchor at or below `rung` (instruments.md: no published bands, only the nearest anchor at or below).
 * @example anchorAtOrBelow(6) // { value: 5, label: 'think I should quit but not quite ready' }
 */
export function anchorAtOrBelow(rung: number | null | undefined): Anchor | null {
  if (rung === null || rung === undefined) return null;
  const anchor = [...ANCHORS].reverse().find((a) => a.value <= rung);
  return anchor ? { value: anchor.value, label: anchor.label } : null;
}

// why: OUR RULE — MI focus by the region of the ladder (the anchor at or below the rung): below
// "consider someday" → express empathy and roll with resistance; "someday" → develop discrepancy;
// "should quit but not ready" → explore both sides and build confidence; "thinking how" → plan;
// "taking action" → support the change.
const REGION_GUIDANCE: Record<number, readonly Guidance[]> = {
  0: [
    {
      principle: 'express-empathy',
      focus: 'understand-their-view',
      prompt: 'What do you like about smoking, and is there anything about it you like less?',
    },
    {
      principle: 'roll-with-resistance',
      focus: 'explore-concerns',
      prompt: 'What, if anything, might make you think about quitting someday?',
    },
  ],
  2: [
    {
      principle: 'develop-discrepancy',
      focus: 'explore-importance',
      prompt: 'What makes you think you may need to consider quitting someday?',
    },
    { principle: 'develop-discrepancy', focus: 'explore-values', prompt: 'How does smoking fit with the things that matter most to you?' },
  ],
  5: [
    {
      principle: 'express-empathy',
      focus: 'explore-both-sides',
      prompt: 'What would you gain by quitting, and what would you miss about smoking?',
    },
    { principle: 'support-self-efficacy', focus: 'build-confidence', prompt: 'What would help you feel ready?' },
  ],
  8: [
    { principle: 'support-self-efficacy', focus: 'plan', prompt: 'What are you thinking of doing first, and when?' },
    { principle: 'support-self-efficacy', focus: 'build-confidence', prompt: 'What strengths or support could help you with this?' },
  ],
  10: [
    { principle: 'support-self-efficacy', focus: 'support-change', prompt: 'What have you done so far, and what is helping?' },
    { principle: 'support-self-efficacy', focus: 'maintain', prompt: 'What will help you keep going when things get hard?' },
  ],
};

/** Data of the contemplation ladder (one rung, 0–10). */
export const contemplationLadderDefinition: ItemInstrumentDefinition = {
  id: 'contemplation-ladder',
  version: '1.0.0',
  title: 'Contemplation Ladder',
  description: 'A single ladder from 0 to 10 on which a person marks how far they are from quitting smoking; the rung is the score.',
  algorithm: 'contemplation-ladder',
  responseScale: { min: 0, max: 10, anchors: ANCHORS },
  items: [{ id: 'rung', label: 'Rung chosen on the ladder' }],
  // why: the rung chosen is the score (Biener & Abrams 1991; instruments.md).
  scales: [{ id: 'rung', items: ['rung'], method: 'sum' }],
  // why: OUR RULE — a higher rung is nearer to quitting.
  outcome: { score: 'rung', better: 'higher' },
  rules: { anchor: { method: 'at-or-below', anchors: ANCHORS.map((a) => a.value) }, nextRungPrompt: true },
  scoring: [
    'rung = the rung chosen (0–10), never rescaled.',
    'An unanswered rung is null and listed in `missing`; the anchor is then null.',
  ],
  interpretationRules: [
    'interpretation.anchor: the nearest anchor at or below the rung — 0, 2, 5, 8 or 10 with its wording. No published bands.',
    'Guidance by the anchor region: 0 → express empathy and roll with resistance; 2 → develop discrepancy; 5 → explore both sides and build confidence; 8 → plan; 10 → support the change. Below 10 we also ask what it would take to move up one rung.',
  ],
  ourRules: [
    { id: 'missing-items', rule: 'An unanswered rung is null (never 0); the anchor is then null and there is no guidance.' },
    { id: 'guidance', rule: 'The MI guidance for each anchor region, and the "move up one rung" prompt, are the product\'s decision.' },
  ],
  licence: {
    status: 'copyrighted',
    itemText: false,
    note: 'Published in a journal article (APA 1991): the catalog carries our own item label and the anchor wording only.',
  },
  sources: [
    {
      citation:
        'Biener & Abrams (1991). The Contemplation Ladder: validation of a measure of readiness to consider smoking cessation. Health Psychology 10(5), 360–365.',
    },
  ],
  interpret: (scores) => ({ anchor: anchorAtOrBelow(scores['rung']) }),
  guide(scores, interpretation, { responseScale }) {
    const rung = scores['rung'];
    const anchor = interpretation['anchor'] as Anchor | null;
    if (typeof rung !== 'number' || !anchor) return [];
    const out = [...(REGION_GUIDANCE[anchor.value] ?? [])];
    if (rung < responseScale.max) {
      out.push({
        principle: 'develop-discrepancy',
        focus: 'next-step',
        prompt: `What would it take for you to move from rung ${rung} to rung ${rung + 1}?`,
      });
    }
    return out;
  },
};

/** The contemplation ladder instrument. */
export const contemplationLadder = defineItemInstrument(contemplationLadderDefinition);
