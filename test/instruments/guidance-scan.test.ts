import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GUIDANCE_STYLES, MI_PHASES, MI_PROCESSES, PROMPT_KINDS, TALK_TYPES, TARGET_BEHAVIORS } from '../../packages/domain/records';
import { PROMPTS, promptById } from '../../packages/instruments/guidance/prompts';
import { placeholders } from '../../packages/instruments/guidance/render';
import { GUIDANCE_SOURCES } from '../../packages/instruments/guidance/sources';
import { TRAJECTORY_RULES, trajectoryGuidance } from '../../packages/instruments/guidance/trajectory';
import { instruments, listGuidance } from '../../packages/instruments/index';
import { STAGES, stageMove } from '../../packages/instruments/stages';
import type { InstrumentInput } from '../../packages/instruments/types';
import { scanPrompt } from '../support/guidance-scan';
import { itemInput } from '../support/instrument-inputs';

const PLACEHOLDERS = ['behaviour', 'change', 'score', 'lower', 'next', 'reasons', 'rung', 'nextRung'];

const list = fc.array(fc.record({ weight: fc.integer({ min: 1, max: 5 }) }, { requiredKeys: [] }), { maxLength: 6 });
const worksheetInput: fc.Arbitrary<InstrumentInput> = fc
  .record({ benefitsOfChange: list, costsOfChange: list, benefitsOfStatusQuo: list, costsOfStatusQuo: list }, { requiredKeys: [] })
  .map((responses) => ({ instrument: 'decisional-balance', responses }));
const inputOf = (id: string) => {
  const definition = instruments.find((i) => i.id === id)!.definition;
  return definition ? itemInput(definition) : worksheetInput;
};
const context = fc.record(
  { targetBehavior: fc.constantFrom(...TARGET_BEHAVIORS), style: fc.constantFrom(...GUIDANCE_STYLES) },
  { requiredKeys: [] },
);

describe('the guidance catalog', () => {
  it.each(PROMPTS.map((p) => [p.id, p] as const))('%s: its template passes the MI scan', (_id, p) => {
    expect(scanPrompt({ prompt: p.template, kind: p.kind, style: p.style, evokes: p.evokes }, { template: true })).toEqual([]);
  });

  it.each(PROMPTS.map((p) => [p.id, p] as const))('%s: carries valid labels, known placeholders and sources', (_id, p) => {
    expect(PROMPT_KINDS).toContain(p.kind);
    expect(MI_PROCESSES).toContain(p.process);
    expect(MI_PHASES).toContain(p.phase);
    expect(TALK_TYPES).toContain(p.evokes);
    expect(placeholders(p.template).filter((name) => !PLACEHOLDERS.includes(name))).toEqual([]);
    // A placeholder never opens a prompt: the filled words are lower case.
    expect(p.template.startsWith('{')).toBe(false);
    expect(p.sources.length).toBeGreaterThan(0);
    for (const source of p.sources) expect(Object.keys(GUIDANCE_SOURCES)).toContain(source);
    // Planning is the commitment phase; statements ask for nothing but engagement.
    if (p.process === 'planning') expect(p.phase).toBe('strengthening-commitment');
    if (p.kind !== 'open-question') expect(['none', 'engagement']).toContain(p.evokes);
  });

  it('has unique ids, and every prompt is given by at least one rule', () => {
    expect(new Set(PROMPTS.map((p) => p.id)).size).toBe(PROMPTS.length);
    expect(
      listGuidance()
        .items.filter((item) => item.usedBy.length === 0)
        .map((item) => item.id),
    ).toEqual([]);
  });

  it('gives the both-sides exploration only in the neutral style, and in no rule of the default style', () => {
    const rules = [...instruments.flatMap((i) => i.guidance.rules), ...TRAJECTORY_RULES];
    const inDefault = rules.flatMap((r) => r.prompts).filter((id) => promptById(id).style === 'neutral-exploration');
    expect(inDefault).toEqual([]);
    expect(PROMPTS.filter((p) => p.evokes === 'both-sides').map((p) => p.style)).toEqual([
      'neutral-exploration',
      'neutral-exploration',
      'neutral-exploration',
    ]);
  });
});

describe.each(instruments.map((i) => [i.id, i] as const))('%s guidance', (id, instrument) => {
  it('passes the MI scan for any answers, target behaviour and style, and is labelled as its catalog prompt', () => {
    fc.assert(
      fc.property(inputOf(id), context, (input, ctx) => {
        for (const item of instrument.score(input, ctx).guidance) {
          expect(scanPrompt(item)).toEqual([]);
          const prompt = promptById(item.id);
          expect({ kind: item.kind, principle: item.principle, process: item.process, phase: item.phase, evokes: item.evokes }).toEqual({
            kind: prompt.kind,
            principle: prompt.principle,
            process: prompt.process,
            phase: prompt.phase,
            evokes: prompt.evokes,
          });
          expect(instrument.guidance.rules.map((r) => `${id}/${r.id}`)).toContain(item.rule);
          // The neutral exploration only when asked for, and labelled.
          if (ctx.style !== 'neutral') expect(item.style).toBeUndefined();
          expect(item.style === 'neutral-exploration').toBe(prompt.style === 'neutral-exploration');
        }
      }),
    );
  });

  it('changes only the guidance with the context, never a score or interpretation', () => {
    fc.assert(
      fc.property(inputOf(id), context, (input, ctx) => {
        const { guidance: _a, ...plain } = instrument.score(input);
        const { guidance: _b, ...withContext } = instrument.score(input, ctx);
        expect(withContext).toEqual(plain);
      }),
    );
  });
});

describe('trajectory guidance', () => {
  const topic = instruments.find((i) => i.id === 'urica')!.guidance.topic;
  const pairs = STAGES.flatMap((from) => STAGES.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s passes the MI scan for every target behaviour', (from, to) => {
    for (const targetBehavior of [undefined, ...TARGET_BEHAVIORS]) {
      for (const item of trajectoryGuidance(stageMove(from, to), topic, targetBehavior ? { targetBehavior } : {})) {
        expect(scanPrompt(item)).toEqual([]);
      }
    }
  });
});

describe('scanPrompt', () => {
  // The guidance of release 1.0.0 that the MI review found working against change (issue text
  // quoted in the catalog's rules): each is caught, with the reason.
  it.each([
    [
      'What would you gain by making a change, and what would you miss about how things are now?',
      ['asks for reasons to stay the same', 'asks for both sides outside the neutral style'],
    ],
    [
      'What are the good things about your drinking for you, and what are the less good things?',
      ['asks for reasons to stay the same', 'asks for both sides outside the neutral style'],
    ],
    [
      'You listed 3 reasons for keeping things as they are. What do they give you that matters to you?',
      ['asks for reasons to stay the same'],
    ],
    [
      'It sounds like smoking does a lot for you right now. What, if anything, would you want to be different?',
      ['asks for reasons to stay the same'],
    ],
    [
      'What do you like about smoking, and is there anything about it you like less?',
      ['asks for reasons to stay the same', 'asks for both sides outside the neutral style'],
    ],
    [
      'Part of you sees good things about smoking and part of you has concerns. Can you tell me more about both sides?',
      ['is a closed question (yes/no)', 'asks for reasons to stay the same', 'asks for both sides outside the neutral style'],
    ],
    ['Why not a 10?', ['confronts ("why not")']],
    ['You should cut down. What do you think?', ['lectures (should / must / need to / have to)']],
    ['How long have you been an alcoholic?', ['labels the client']],
    ['You have made progress.', ['is not a question (does not end with "?")']],
  ])('flags %j', (prompt, failures) => {
    expect(scanPrompt({ prompt })).toEqual(failures);
  });

  it('passes a reflection marked as one, and flags a question marked as a reflection', () => {
    expect(scanPrompt({ prompt: 'Right now, your smoking gives you things you value.', kind: 'reflection', evokes: 'none' })).toEqual([]);
    expect(scanPrompt({ prompt: 'What do you value?', kind: 'reflection' })).toEqual([
      'is marked reflection but is not a statement ending with "."',
    ]);
  });

  it('allows the both-sides question only as the labelled neutral exploration', () => {
    const prompt = 'What are the good things about your drinking for you, and what are the less good things?';
    expect(scanPrompt({ prompt, kind: 'open-question', evokes: 'both-sides', style: 'neutral-exploration' })).toEqual([]);
    expect(scanPrompt({ prompt, kind: 'open-question', evokes: 'both-sides' })).toContain(
      'both-sides talk must be exactly the neutral exploration',
    );
  });
});
