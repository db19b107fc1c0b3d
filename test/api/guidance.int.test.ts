import { beforeAll, describe, expect, it } from 'vitest';
import { rescore } from '../../packages/api/rescore';
import type { AssessmentView, StoredAssessment } from '../../packages/domain/records';
import { getInstrument, listGuidance } from '../../packages/instruments';
import { PROMPTS } from '../../packages/instruments/guidance/prompts';
import { NOW, pseudonymizer, useTestApi } from '../support/api';

const api = useTestApi();
let key: string;

beforeAll(async () => {
  key = await api.keyFor('clinic-a');
});

const URICA_EXAMPLE = Object.fromEntries(
  [2, 4, 3, 4, 2, 3, 3, 4, 3, 4, 1, 4, 2, 3, 5, 2, 3, 3, 4, 3, 3, 3, 3, 4, 2, 2, 3, 2, 2, 3, 2, 4].map((v, i) => [String(i + 1), v]),
);
const ruler = (extra: Record<string, unknown> = {}) => ({
  instrument: 'readiness-ruler',
  subject: { ref: 'guidance-ref-1' },
  administeredOn: '2026-11-20',
  targetBehavior: 'alcohol',
  responses: { importance: 2, confidence: 5, readiness: 3 },
  ...extra,
});

describe('GET /v1/guidance', () => {
  it('lists every prompt the API can give with its labels, source and the rules that use it, to any valid key', async () => {
    const limited = await api.keyFor('clinic-b', ['analytics:read']);

    const res = await api.call('GET', '/v1/guidance', { key: limited });

    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(listGuidance())));
    expect(res.body.catalogVersion).toBe('2.0.0');
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual(PROMPTS.map((p) => p.id));
    expect(res.body.items.find((i: { id: string }) => i.id === 'neutral-good-and-less-good')).toMatchObject({
      prompt: 'What are the good things about {behaviour} for you, and what are the less good things?',
      kind: 'open-question',
      principle: 'express-empathy',
      process: 'evoking',
      phase: 'building-motivation',
      evokes: 'both-sides',
      style: 'neutral-exploration',
      source: [
        expect.objectContaining({ citation: expect.stringContaining('counselling with neutrality') }),
        expect.objectContaining({ citation: expect.stringContaining('Miller WR, Rose GS') }),
      ],
    });
    const keyQuestion = res.body.items.find((i: { id: string }) => i.id === 'plan-key-question');
    expect(keyQuestion.usedBy.map((u: { rule: string }) => u.rule)).toEqual([
      'readiness-ruler/ready-plan',
      'contemplation-ladder/region-8',
    ]);
    expect(keyQuestion.usedBy[0]).toEqual({
      owner: 'readiness-ruler',
      rule: 'readiness-ruler/ready-plan',
      when: 'Ready — readiness high (7–10), or, without a readiness answer, importance and confidence both high: planning instead of more motivation prompts.',
      styles: ['evoke', 'neutral'],
    });
    expect(res.body.items.every((i: { usedBy: unknown[]; source: unknown[] }) => i.usedBy.length > 0 && i.source.length > 0)).toBe(true);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await api.call('GET', '/openapi.json')).body;

    expect(doc.paths['/v1/guidance'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/GuidanceCatalog',
    });
  });
});

describe('guidance style', () => {
  it('evokes by default and gives the labelled neutral exploration only when asked, on /v1/score', async () => {
    const { subject: _s, administeredOn: _a, ...body } = ruler();

    const evoke = await api.call('POST', '/v1/score', { key, body });
    const neutral = await api.call('POST', '/v1/score', { key, body: { ...body, guidance: { style: 'neutral' } } });

    expect(evoke.body.guidance.filter((g: { rule: string }) => g.rule === 'readiness-ruler/importance-low')).toEqual([
      expect.objectContaining({ id: 'evoke-concerns', prompt: 'What, if anything, concerns you about your drinking?' }),
      expect.objectContaining({ id: 'evoke-values', prompt: 'How does your drinking fit with the things that matter most to you?' }),
    ]);
    expect(evoke.body.guidance.some((g: { style?: string }) => g.style)).toBe(false);
    expect(neutral.body.guidance.find((g: { style?: string }) => g.style)).toEqual({
      id: 'neutral-good-and-less-good',
      prompt: 'What are the good things about your drinking for you, and what are the less good things?',
      kind: 'open-question',
      principle: 'express-empathy',
      process: 'evoking',
      phase: 'building-motivation',
      evokes: 'both-sides',
      rule: 'readiness-ruler/importance-low',
      style: 'neutral-exploration',
    });
    expect(neutral.body.scores).toEqual(evoke.body.scores);
  });

  it('rejects an unknown style and unknown guidance options', async () => {
    const bad = await api.call('POST', '/v1/assessments', {
      key,
      body: ruler({ guidance: { style: 'balanced', tone: 'x' } }),
      headers: { 'idempotency-key': 'style-bad' },
    });

    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.guidance', 'body.guidance.style']);
  });

  it('stores the style with the result, and makes it part of the idempotent request', async () => {
    const first = await api.call('POST', '/v1/assessments', {
      key,
      body: ruler({ guidance: { style: 'neutral' } }),
      headers: { 'idempotency-key': 'style-1' },
    });
    const otherStyle = await api.call('POST', '/v1/assessments', { key, body: ruler(), headers: { 'idempotency-key': 'style-1' } });
    const read = await api.call('GET', `/v1/assessments/${first.body.id}`, { key });

    expect(first.status).toBe(201);
    expect(first.body.guidanceStyle).toBe('neutral');
    expect(otherStyle.status).toBe(422);
    expect(read.body).toEqual(first.body);
  });

  it('applies to each batch item on its own', async () => {
    const res = await api.call('POST', '/v1/assessments/batch', {
      key,
      body: {
        items: [
          { idempotencyKey: 'batch-style-1', assessment: ruler({ guidance: { style: 'neutral' } }) },
          { idempotencyKey: 'batch-style-2', assessment: ruler() },
        ],
      },
    });

    const styled = res.body.results.map((r: { body: AssessmentView }) => r.body.guidance.filter((g) => 'style' in g).length);
    expect(styled).toEqual([1, 0]);
  });
});

describe('a result stored under the 1.0.0 definitions', () => {
  // Exactly what release 1.0.0 stored for the URICA worked example (its guidance had no ids or labels).
  const OLD_VIEW: AssessmentView = {
    id: 'asm_legacyGuidance00000001',
    subjectId: pseudonymizer.subjectId('clinic-a', 'legacy-ref'),
    administeredOn: '2026-10-01',
    targetBehavior: 'alcohol',
    instrument: { id: 'urica', version: '1.0.0' },
    complete: true,
    missing: [],
    scores: { precontemplation: 2, contemplation: 4, action: 3, maintenance: 2.857142857142857, readiness: 7.857142857142858 },
    interpretation: { stage: 'precontemplation' },
    guidance: [
      {
        principle: 'express-empathy',
        focus: 'understand-their-view',
        prompt: 'How do you see the situation that brought you here at the moment?',
      },
      {
        principle: 'roll-with-resistance',
        focus: 'explore-concerns',
        prompt: 'What, if anything, concerns you about the situation that brought you here?',
      },
    ],
    provenance: {
      algorithm: 'urica-28',
      algorithmVersion: '1.0.0',
      definitionHash: 'sha256:cdcb7a9641f6d974ab17aa6ec8f2c20ceb61c1077f016fc282834b8ed1d8f3b5',
    },
  };
  const stored: StoredAssessment = {
    id: OLD_VIEW.id,
    clinicId: 'clinic-a',
    subjectId: OLD_VIEW.subjectId,
    keyVersion: '1',
    instrumentId: 'urica',
    instrumentVersion: '1.0.0',
    administeredOn: OLD_VIEW.administeredOn,
    createdAt: '2026-10-01T09:00:00.000Z',
    answers: { instrument: 'urica', responses: URICA_EXAMPLE },
    view: OLD_VIEW,
  };

  beforeAll(async () => {
    await api.table.store.createAssessment({
      clinicId: 'clinic-a',
      idempotencyKey: 'legacy-guidance',
      requestHash: `sha256:${'c'.repeat(64)}`,
      response: { status: 201, body: OLD_VIEW },
      assessment: stored,
    });
  });

  it('reads back exactly as it was given, old guidance included', async () => {
    const read = await api.call('GET', `/v1/assessments/${OLD_VIEW.id}`, { key });

    expect(read.status).toBe(200);
    expect(read.body).toEqual(OLD_VIEW);
  });

  it('is reported by the rescore preview as a guidance change only, with the new guidance worded for its behaviour', async () => {
    const urica = getInstrument('urica')!;
    const before = await api.table.scanAll();

    const report = await rescore(api.table.store, urica, { apply: false, now: () => NOW });

    expect(report).toMatchObject({
      instrument: 'urica',
      version: '1.1.0',
      scanned: 1,
      current: 0,
      changedScores: 0,
      changedInterpretation: 0,
      changedStage: 0,
      changedGuidance: 1,
      unchangedOutput: 0,
      applied: 0,
    });
    const [example] = report.examples;
    expect(example!.from.guidance).toEqual(OLD_VIEW.guidance);
    expect(example!.to.guidance.map((g) => ('id' in g ? [g.id, g.prompt] : null))).toEqual([
      ['engage-how-see', 'How do you see your drinking at the moment?'],
      ['engage-autonomy', 'It is up to you what, if anything, you decide to do about your drinking.'],
      ['evoke-concerns', 'What, if anything, concerns you about your drinking?'],
    ]);
    expect(example!.to.provenance).toEqual(urica.provenance);
    expect(example!.to.provenance.definitionHash).not.toBe(OLD_VIEW.provenance.definitionHash);
    expect(await api.table.scanAll()).toEqual(before);
  });

  it('keeps the old result when the new scoring is applied beside it', async () => {
    await rescore(api.table.store, getInstrument('urica')!, { apply: true, now: () => NOW });

    const { rescores, ...asGiven } = (await api.call('GET', `/v1/assessments/${OLD_VIEW.id}`, { key })).body;

    expect(asGiven).toEqual(OLD_VIEW);
    expect(rescores).toHaveLength(1);
    expect(rescores[0].guidance[0]).toMatchObject({ id: 'engage-how-see', rule: 'urica/stage-precontemplation' });
    expect(rescores[0].scores).toEqual(OLD_VIEW.scores);
  });
});
