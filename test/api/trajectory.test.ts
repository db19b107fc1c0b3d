import { describe, expect, it } from 'vitest';
import { buildTrajectory } from '../../packages/api/trajectory';
import type { AssessmentView } from '../../packages/domain/records';
import { stageMove } from '../../packages/instruments/stages';

let n = 0;
function view(
  instrument: string,
  administeredOn: string,
  scores: Record<string, number | null>,
  stage?: string | null,
  targetBehavior?: string,
): AssessmentView {
  n += 1;
  return {
    id: `asm_${String(n).padStart(22, '0')}`,
    instrument: { id: instrument, version: '1.0.0' },
    subjectId: 'sub_1_x',
    administeredOn,
    ...(targetBehavior ? { targetBehavior } : {}),
    complete: true,
    missing: [],
    scores,
    interpretation: stage === undefined ? { bands: {} } : { stage },
    guidance: [],
    provenance: { algorithm: instrument, algorithmVersion: '1.0.0', definitionHash: 'sha256:0' },
  };
}

/** The store answers newest first; the trajectory reads oldest first. */
const newestFirst = (views: AssessmentView[]) => [...views].reverse();

describe('stageMove', () => {
  it.each([
    ['precontemplation', 'contemplation', 'forward', false],
    ['action', 'contemplation', 'backward', false],
    ['maintenance', 'action', 'backward', true],
    ['maintenance', 'maintenance', 'unchanged', false],
  ] as const)('%s → %s is %s (relapse signal %s)', (from, to, direction, relapseSignal) => {
    expect(stageMove(from, to)).toEqual({ direction, relapseSignal });
  });
});

describe('buildTrajectory', () => {
  it('orders points oldest first with change from previous and from first, and stage transitions', () => {
    const views = [
      view('rcq', '2026-09-01', { precontemplation: 4, contemplation: 1, action: -2 }, 'precontemplation'),
      view('rcq', '2026-10-01', { precontemplation: 0, contemplation: 5, action: 1 }, 'contemplation'),
      view('rcq', '2026-11-01', { precontemplation: -4, contemplation: 3, action: 6 }, 'action'),
    ];

    const [rcq] = buildTrajectory(newestFirst(views));

    expect(rcq!.status).toBe('ok');
    expect(rcq!.points.map((p) => p.administeredOn)).toEqual(['2026-09-01', '2026-10-01', '2026-11-01']);
    expect(rcq!.points[0]!.changeFromPrevious).toBeNull();
    expect(rcq!.points[2]!.changeFromPrevious).toEqual({ precontemplation: -4, contemplation: -2, action: 5 });
    expect(rcq!.points[2]!.changeFromFirst).toEqual({ precontemplation: -8, contemplation: 2, action: 8 });
    expect(rcq!.points.map((p) => p.transition?.direction ?? null)).toEqual([null, 'forward', 'forward']);
    expect(rcq!.summary).toEqual({
      firstOn: '2026-09-01',
      latestOn: '2026-11-01',
      firstStage: 'precontemplation',
      latestStage: 'action',
      change: { precontemplation: -8, contemplation: 2, action: 8 },
      forwardMoves: 2,
      backwardMoves: 0,
      relapseSignal: false,
      stageStatus: 'ok',
      guidance: [
        {
          id: 'trajectory-forward-affirm',
          prompt: 'You have moved forward since your last assessment, and that took effort.',
          kind: 'affirmation',
          principle: 'support-self-efficacy',
          process: 'engaging',
          phase: 'strengthening-commitment',
          evokes: 'none',
          rule: 'trajectory/forward',
        },
        {
          id: 'trajectory-forward-helped',
          prompt: 'What has helped you move forward?',
          kind: 'open-question',
          principle: 'support-self-efficacy',
          process: 'evoking',
          phase: 'strengthening-commitment',
          evokes: 'taking-steps',
          rule: 'trajectory/forward',
        },
      ],
    });
  });

  it('flags a backward move out of maintenance as a relapse signal, across an unstaged point', () => {
    const views = [
      view('urica', '2026-01-10', { readiness: 12 }, 'maintenance'),
      view('urica', '2026-02-10', { readiness: null }, null),
      view('urica', '2026-03-10', { readiness: 9 }, 'precontemplation'),
    ];

    const [urica] = buildTrajectory(newestFirst(views));

    expect(urica!.points[1]!.transition).toBeNull();
    expect(urica!.points[1]!.changeFromPrevious).toEqual({ readiness: null });
    expect(urica!.points[2]!.transition).toEqual({
      from: 'maintenance',
      to: 'precontemplation',
      direction: 'backward',
      relapseSignal: true,
    });
    expect(urica!.summary).toMatchObject({ backwardMoves: 1, relapseSignal: true, latestStage: 'precontemplation' });
  });

  it('meets the relapse signal with normalising, affirmation and self-efficacy, never shame, naming the behaviour', () => {
    const views = [
      view('urica', '2026-01-10', { readiness: 12 }, 'maintenance', 'alcohol'),
      view('urica', '2026-03-10', { readiness: 9 }, 'contemplation', 'alcohol'),
    ];

    const [urica] = buildTrajectory(newestFirst(views));

    expect(urica!.summary.guidance.map(({ prompt, kind, principle, rule }) => ({ prompt, kind, principle, rule }))).toEqual([
      {
        prompt:
          'Many people go around the cycle of change more than once before a change in your drinking lasts. What do you make of what has happened?',
        kind: 'open-question',
        principle: 'express-empathy',
        rule: 'trajectory/relapse-signal',
      },
      {
        prompt: 'You kept your change going for a while, and that shows what you can do.',
        kind: 'affirmation',
        principle: 'support-self-efficacy',
        rule: 'trajectory/relapse-signal',
      },
      {
        prompt: 'What did you learn while things were going well that could help you now?',
        kind: 'open-question',
        principle: 'support-self-efficacy',
        rule: 'trajectory/relapse-signal',
      },
    ]);
    expect(urica!.summary.guidance.map((g) => g.prompt).join(' ')).not.toMatch(/fail|relapse|should|must|blame/i);
  });

  it('normalises a backward move that is not a relapse, with the behaviour of the latest assessment', () => {
    const views = [
      view('rcq', '2026-01-10', { action: 6 }, 'action', 'alcohol'),
      view('rcq', '2026-02-10', { action: 1 }, 'contemplation', 'alcohol'),
    ];

    const [rcq] = buildTrajectory(newestFirst(views));

    expect(rcq!.summary.guidance.map((g) => [g.id, g.prompt])).toEqual([
      [
        'trajectory-normalize',
        'Moving back and forth is a common part of changing your drinking. What do you make of where things are now?',
      ],
      ['trajectory-progress-counts', 'The progress you made before still counts.'],
      ['trajectory-helped-before', 'What helped you make progress before, and what of it could help again now?'],
    ]);
  });

  it('gives no trajectory guidance when the latest stage is unchanged or there is no stage move', () => {
    const result = buildTrajectory(
      newestFirst([
        view('rcq', '2026-01-10', { action: 6 }, 'action'),
        view('rcq', '2026-02-10', { action: 6 }, 'action'),
        view('readiness-ruler', '2026-03-10', { importance: 3 }),
        view('readiness-ruler', '2026-04-10', { importance: 6 }),
      ]),
    );

    expect(result.map((t) => [t.instrument, t.summary.guidance])).toEqual([
      ['rcq', []],
      ['readiness-ruler', []],
    ]);
  });

  it('says insufficient data for a single assessment and not-staged for unstaged instruments', () => {
    const result = buildTrajectory(
      newestFirst([
        view('urica', '2026-03-10', { readiness: 9 }, 'precontemplation'),
        view('readiness-ruler', '2026-03-10', { importance: 3 }),
        view('readiness-ruler', '2026-04-10', { importance: 6 }),
      ]),
    );

    expect(result.map((t) => [t.instrument, t.status, t.summary.stageStatus, t.summary.change])).toEqual([
      ['readiness-ruler', 'ok', 'not-staged', { importance: 3 }],
      ['urica', 'insufficient-data', 'insufficient-data', null],
    ]);
    expect(result[1]!.detail).toBe('One assessment so far: change needs at least two.');
  });
});
