/**
 * The MI rules every guidance prompt must pass (docs/scoring.md, "MI guidance"), as
 * text checks. They read the prompt's words and, where known, its kind and style; the same checks
 * run on the catalog's templates, on every rendered prompt, and on the guidance of an old release
 * (which carried no kind: it counts as an open question).
 */
export interface ScannedPrompt {
  prompt: string;
  kind?: 'open-question' | 'reflection' | 'affirmation';
  /** `neutral-exploration` only on the balanced exploration the caller asked for. */
  style?: string;
  evokes?: string;
}

/** Confrontation: never "why not (a 10)". */
const WHY_NOT = /\bwhy not\b/i;
/** Lecturing: no should, must, need to, have to, ought to. */
const LECTURE = /\b(should|must|need to|needs to|have to|has to|ought to)\b/i;
/** Labels: never call a client a name. */
const LABELS = /\b(denial|in denial|alcoholic|addict|junkie|problem drinker)\b/i;
/**
 * A request for sustain talk: a question asking what the client likes or gets from the behaviour
 * or the status quo, what they would miss, or their reasons to stay the same.
 */
const SUSTAIN_REQUEST =
  /\b(what do (you|they) (like|enjoy|get|give you)|what (do|does) .{1,40} give you|good things about|does a lot for you|what would you miss|benefits of (things|staying|keeping)|reasons (for|to) (keeping|staying)|why (keep|stay))\b/i;
/** Both sides at once: pros and cons, good and less good, gain and miss, like and like less. */
const BOTH_SIDES = /\b(both sides|pros and cons|good things .+ less good|gain .+ miss|like .+ like less|tell me more about both)\b/i;
/** A closed question: the last sentence opens with an auxiliary verb and can be answered yes or no. */
const CLOSED_OPENING = /^(is|are|am|do|does|did|can|could|would|will|have|has|had|should|shall|may|might)\b/i;

const lastSentence = (text: string) =>
  text
    .trim()
    .split(/(?<=[.?!:])\s+/)
    .at(-1) ?? text;

/**
 * The rules a prompt breaks (an empty list when it passes).
 * @example scanPrompt({ prompt: 'Why not a 10?' }) // ['confronts ("why not")']
 */
export function scanPrompt(p: ScannedPrompt, { template = false }: { template?: boolean } = {}): string[] {
  const failures: string[] = [];
  const kind = p.kind ?? 'open-question';
  const neutral = p.style === 'neutral-exploration';
  if (kind === 'open-question') {
    if (!p.prompt.trim().endsWith('?')) failures.push('is not a question (does not end with "?")');
    else if (CLOSED_OPENING.test(lastSentence(p.prompt))) failures.push('is a closed question (yes/no)');
  } else if (!p.prompt.trim().endsWith('.') || p.prompt.includes('?')) {
    failures.push(`is marked ${kind} but is not a statement ending with "."`);
  }
  if (WHY_NOT.test(p.prompt)) failures.push('confronts ("why not")');
  if (LECTURE.test(p.prompt)) failures.push('lectures (should / must / need to / have to)');
  if (LABELS.test(p.prompt)) failures.push('labels the client');
  if (p.evokes === 'sustain') failures.push('evokes sustain talk');
  if (kind === 'open-question' && !neutral && SUSTAIN_REQUEST.test(p.prompt)) failures.push('asks for reasons to stay the same');
  if (kind === 'open-question' && !neutral && BOTH_SIDES.test(p.prompt)) failures.push('asks for both sides outside the neutral style');
  if ((p.evokes === 'both-sides') !== neutral && p.evokes !== undefined)
    failures.push('both-sides talk must be exactly the neutral exploration');
  if (!template && /[{}]/.test(p.prompt)) failures.push('has an unfilled placeholder');
  return failures;
}
