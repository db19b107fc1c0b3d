import type { Guidance, GuidanceContext, TargetBehavior } from '../../domain/records';
import type { Json } from '../definition';
import { GUIDANCE_CATALOG_VERSION, promptById } from './prompts';
import type { GuidanceRule, GuidanceSpec, GuidanceTopic, RuleHit } from './types';

/**
 * How prompts name a known target behaviour. `other` names none: prompts then use the
 * instrument's own words. Hashed with every definition (the wording is output).
 */
export const BEHAVIOUR_PHRASES: Readonly<Record<TargetBehavior, string | null>> = {
  alcohol: 'your drinking',
  tobacco: 'your tobacco use',
  cannabis: 'your cannabis use',
  opioids: 'your opioid use',
  stimulants: 'your stimulant use',
  sedatives: 'your sedative use',
  'other-drugs': 'your drug use',
  gambling: 'your gambling',
  other: null,
};

/** The drug values of `targetBehavior`: what a drug form's prompts may be refined to. */
export const DRUG_BEHAVIOURS: readonly TargetBehavior[] = ['cannabis', 'opioids', 'stimulants', 'sedatives', 'other-drugs'];

/** For instruments about no behaviour in particular (readiness ruler, worksheet) when the request names none. */
export const GENERIC_TOPIC: GuidanceTopic = { behaviour: 'the way things are now', change: 'this change', refinedBy: 'any' };

/**
 * The words for `{behaviour}` and `{change}`: the request's target behaviour where the instrument
 * lets it refine its own words, else the instrument's.
 * why: a form about one behaviour (SOCRATES 8A: drinking) was answered about that behaviour, so a
 * different `targetBehavior` on the request does not rename it; a generic form takes the request's.
 * @example topicWords({ behaviour: 'your drug use', change: 'a change in your drug use', refinedBy: DRUG_BEHAVIOURS }, 'cannabis') // { behaviour: 'your cannabis use', change: 'a change in your cannabis use' }
 */
export function topicWords(topic: GuidanceTopic, targetBehavior?: TargetBehavior): { behaviour: string; change: string } {
  const phrase = targetBehavior ? BEHAVIOUR_PHRASES[targetBehavior] : null;
  const refines = phrase && (topic.refinedBy === 'any' || topic.refinedBy.includes(targetBehavior!));
  return refines ? { behaviour: phrase, change: `a change in ${phrase}` } : { behaviour: topic.behaviour, change: topic.change };
}

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * The placeholder names of a template, in order.
 * @example placeholders('On {ruler}, from {score} to {next}?') // ['ruler', 'score', 'next']
 */
export const placeholders = (template: string): string[] => [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);

/** The prompt ids a rule gives in a style. */
export const rulePrompts = (rule: GuidanceRule, style: GuidanceContext['style']): readonly string[] =>
  style === 'neutral' && rule.neutral ? rule.neutral : rule.prompts;

/** Templates split once at their placeholders: literals at even indexes, names at odd (a catalog's worth). */
const splitTemplates = new Map<string, readonly string[]>();
function partsOf(template: string): readonly string[] {
  let parts = splitTemplates.get(template);
  if (!parts) splitTemplates.set(template, (parts = template.split(PLACEHOLDER)));
  return parts;
}

/**
 * The guidance items of the rules that fired, in order, rendered from the catalog. `owner` names
 * the instrument (or `trajectory`) in each item's `rule`. Throws when a placeholder has no value.
 * @example renderGuidance('rcq', spec, [{ rule: 'stage-action' }], { targetBehavior: 'alcohol' })[0]?.rule // 'rcq/stage-action'
 */
export function renderGuidance(owner: string, spec: GuidanceSpec, hits: readonly RuleHit[], context: GuidanceContext = {}): Guidance[] {
  const words = topicWords(spec.topic, context.targetBehavior);
  return hits.flatMap((hit) => {
    const rule = spec.rules.find((r) => r.id === hit.rule);
    if (!rule) throw new Error(`${owner}: no guidance rule ${hit.rule}`);
    const values: Record<string, string | number> = { ...words, ...hit.values };
    return rulePrompts(rule, context.style).map((id): Guidance => {
      const prompt = promptById(id);
      const parts = partsOf(prompt.template);
      let text = parts[0]!;
      for (let i = 1; i < parts.length; i += 2) {
        const name = parts[i]!;
        if (!(name in values)) throw new Error(`${owner}/${rule.id}: no value for {${name}} in ${id}`);
        text += String(values[name]) + parts[i + 1]!;
      }
      return {
        id,
        prompt: text,
        kind: prompt.kind,
        principle: prompt.principle,
        process: prompt.process,
        phase: prompt.phase,
        evokes: prompt.evokes,
        rule: `${owner}/${rule.id}`,
        ...(prompt.style ? { style: prompt.style } : {}),
      };
    });
  });
}

/**
 * Throws when a spec names an unknown prompt or repeats a rule id. Runs when an instrument is
 * defined, so a typo fails at start-up.
 * @example checkGuidance('urica', uricaDefinition.guidance) // no throw
 */
export function checkGuidance(owner: string, spec: GuidanceSpec): void {
  const ids = spec.rules.map((r) => r.id);
  if (new Set(ids).size !== ids.length) throw new Error(`${owner}: duplicate guidance rule id`);
  for (const rule of spec.rules) for (const id of [...rule.prompts, ...(rule.neutral ?? [])]) promptById(id);
}

/**
 * What the definition hash covers of an instrument's guidance: the catalog version, the topic
 * words, the phrases for target behaviours, and each rule's prompts with everything that is
 * output (template, kind, labels). The rules' `when` prose is left out, as other prose is.
 * @example definitionHash({ ...data, guidance: guidanceData(spec) })
 */
export function guidanceData(spec: GuidanceSpec): Json {
  const used = [...new Set(spec.rules.flatMap((r) => [...r.prompts, ...(r.neutral ?? [])]))].sort();
  return {
    catalogVersion: GUIDANCE_CATALOG_VERSION,
    topic: {
      behaviour: spec.topic.behaviour,
      change: spec.topic.change,
      refinedBy: spec.topic.refinedBy === 'any' ? 'any' : [...spec.topic.refinedBy],
    },
    behaviours: { ...BEHAVIOUR_PHRASES },
    rules: spec.rules.map((r) => ({ id: r.id, prompts: [...r.prompts], neutral: r.neutral ? [...r.neutral] : null })),
    prompts: Object.fromEntries(
      used.map((id) => {
        const { template, kind, principle, process, phase, evokes, style } = promptById(id);
        return [id, { template, kind, principle, process, phase, evokes, style: style ?? null }];
      }),
    ),
  };
}
