import type { MiPhase, MiPrinciple, MiProcess, PromptKind, TalkType, TargetBehavior } from '../../domain/records';
import type { GuidanceSourceId } from './sources';

/**
 * One prompt of the guidance catalog, said the same way wherever it is used. Placeholders in
 * `template` are filled when it is given: `{behaviour}` ("your drinking"), `{change}` ("a change
 * in your drinking"), `{score}`, `{lower}`, `{next}`, `{reasons}`, `{rung}`, `{nextRung}`.
 */
export interface PromptDefinition {
  id: string;
  kind: PromptKind;
  template: string;
  principle: MiPrinciple | null;
  process: MiProcess;
  phase: MiPhase;
  evokes: TalkType;
  /** Only on the balanced exploration of both sides, given when a caller asks for the neutral style. */
  style?: 'neutral-exploration';
  sources: readonly GuidanceSourceId[];
}

/**
 * A selection rule: when `when` holds, the instrument gives these prompts, in this order. With
 * the neutral style a rule that has `neutral` gives those instead; every other rule is the same
 * in both styles.
 */
export interface GuidanceRule {
  id: string;
  /** The condition in plain words, with the reason for it (the catalog and `GET /v1/guidance` show it). */
  when: string;
  prompts: readonly string[];
  neutral?: readonly string[];
}

/**
 * How an instrument's prompts name the behaviour. `refinedBy` lists the request's
 * `targetBehavior` values that may replace the instrument's own words: `any` for instruments about
 * no behaviour in particular, the drug values for a drug form, none for a form about one behaviour.
 */
export interface GuidanceTopic {
  behaviour: string;
  change: string;
  refinedBy: 'any' | readonly TargetBehavior[];
}

/** What an instrument can say: its topic and its rules (each rule naming catalog prompts). */
export interface GuidanceSpec {
  topic: GuidanceTopic;
  rules: readonly GuidanceRule[];
}

/** A rule that fired for one result, with the values its prompts' placeholders need. */
export interface RuleHit {
  rule: string;
  values?: Readonly<Record<string, string | number>>;
}
