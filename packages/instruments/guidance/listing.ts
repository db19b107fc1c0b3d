import type { Instrument } from '../types';
import { GUIDANCE_CATALOG_VERSION, PROMPTS } from './prompts';
import { BEHAVIOUR_PHRASES, GENERIC_TOPIC } from './render';
import { GUIDANCE_SOURCES } from './sources';
import { TRAJECTORY_RULES } from './trajectory';
import type { GuidanceRule } from './types';

/** Where a prompt is used: by which instrument (or the trajectory), which rule, in which style. */
export interface PromptUse {
  owner: string;
  rule: string;
  when: string;
  styles: ('evoke' | 'neutral')[];
}

/**
 * Every prompt the API can give, with its labels, sources and every rule that gives it: what a
 * clinic's MI trainer reviews in one place (`GET /v1/guidance`).
 * @example guidanceListing(instruments).items.find((p) => p.id === 'plan-key-question')?.usedBy.length
 */
export function guidanceListing(instruments: readonly Instrument[]) {
  const owners: { owner: string; rules: readonly GuidanceRule[] }[] = [
    ...instruments.map((i) => ({ owner: i.id, rules: i.guidance.rules })),
    { owner: 'trajectory', rules: TRAJECTORY_RULES },
  ];
  const uses = new Map<string, PromptUse[]>();
  for (const { owner, rules } of owners) {
    for (const rule of rules) {
      const styles = (id: string): PromptUse['styles'] => {
        const inEvoke = rule.prompts.includes(id);
        const inNeutral = (rule.neutral ?? rule.prompts).includes(id);
        return [...(inEvoke ? (['evoke'] as const) : []), ...(inNeutral ? (['neutral'] as const) : [])];
      };
      for (const id of new Set([...rule.prompts, ...(rule.neutral ?? [])])) {
        const list = uses.get(id) ?? [];
        list.push({ owner, rule: `${owner}/${rule.id}`, when: rule.when, styles: styles(id) });
        uses.set(id, list);
      }
    }
  }
  return {
    catalogVersion: GUIDANCE_CATALOG_VERSION,
    placeholders: {
      '{behaviour}': `The behaviour: the instrument's own words (e.g. "your drinking" for SOCRATES 8A), or the request's targetBehavior where the instrument allows it (${Object.entries(
        BEHAVIOUR_PHRASES,
      )
        .filter(([, phrase]) => phrase)
        .map(([value, phrase]) => `${value}: "${phrase}"`)
        .join(', ')}); without either, "${GENERIC_TOPIC.behaviour}".`,
      '{change}': `"a change in " + the behaviour, or "${GENERIC_TOPIC.change}" when no behaviour is known.`,
      '{score}': 'The number the client chose on a ruler.',
      '{lower}': 'Two below the chosen number, at least the scale minimum.',
      '{next}': 'One above the chosen number.',
      '{reasons}': 'How many reasons the client listed on the worksheet, e.g. "3 reasons".',
      '{rung}': 'The rung chosen on the contemplation ladder.',
      '{nextRung}': 'One rung above it.',
    },
    items: PROMPTS.map((p) => ({
      id: p.id,
      prompt: p.template,
      kind: p.kind,
      principle: p.principle,
      process: p.process,
      phase: p.phase,
      evokes: p.evokes,
      ...(p.style ? { style: p.style } : {}),
      source: p.sources.map((id) => ({ ...GUIDANCE_SOURCES[id] })),
      usedBy: uses.get(p.id) ?? [],
    })),
  };
}

export type GuidanceListing = ReturnType<typeof guidanceListing>;
