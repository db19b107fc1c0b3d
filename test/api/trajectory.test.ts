import { describe, expect, it } from 'vitest';
import { buildTrajectory } from '../../packages/api/trajectory';
import type { AssessmentView } from '../../packages/domain/records';
import { stageMove } from '../../packages/instruments/stages';

let n = 0;
function view(instrument: string, administeredOn: string, scores: Record<string, number | null>, stage?: string | null): AssessmentView {
  n += 1;
  return {
    id: `asm_${String(n).padStart(22, '0')}`,
    instrument: { id: instrument, version: '1.0.0' },
    subjectId: 'sub_1_x',
    administeredOn,
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
