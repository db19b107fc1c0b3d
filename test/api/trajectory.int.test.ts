import { beforeAll, describe, expect, it } from 'vitest';
import { pseudonymizer, useTestApi } from '../support/api';

/** RCQ answers giving the wanted stage: items 1,5,10,12 precontemplation; 3,4,8,9 contemplation; 2,6,7,11 action. */
const rcq = (pc: number, c: number, a: number) => {
  const responses: Record<string, number> = {};
  for (const id of ['1', '5', '10', '12']) responses[id] = pc;
  for (const id of ['3', '4', '8', '9']) responses[id] = c;
  for (const id of ['2', '6', '7', '11']) responses[id] = a;
  return responses;
};

describe('GET /v1/subjects/{subjectId}/trajectory', () => {
  const api = useTestApi();
  let key: string;
  let readOnlyOtherClinic: string;
  const ref = 'ref-trajectory';
  const subjectId = pseudonymizer.subjectId('clinic-a', ref);

  beforeAll(async () => {
    key = await api.keyFor('clinic-a');
    readOnlyOtherClinic = await api.keyFor('clinic-b', ['assessments:read']);
    const posts: [string, string, unknown][] = [
      ['2026-06-01', 'rcq', rcq(2, 0, -1)], // precontemplation 8, contemplation 0, action −4
      ['2026-07-01', 'rcq', rcq(-1, 2, 0)], // contemplation
      ['2026-08-01', 'rcq', rcq(-2, 1, 2)], // action
      ['2026-09-01', 'rcq', rcq(1, 0, -2)], // back to precontemplation
      ['2026-07-15', 'readiness-ruler', { importance: 4, confidence: 3 }],
      ['2026-09-15', 'readiness-ruler', { importance: 8, confidence: 6 }],
      ['2026-08-20', 'contemplation-ladder', { rung: 5 }],
    ];
    for (const [i, [day, instrument, responses]] of posts.entries()) {
      const res = await api.call('POST', '/v1/assessments', {
        key,
        body: { instrument, subject: { ref }, administeredOn: day, responses },
        headers: { 'idempotency-key': `traj-${i}` },
      });
      expect(res.status).toBe(201);
    }
  });

  it('tracks each instrument in date order with stage moves and changes', async () => {
    const res = await api.call('GET', `/v1/subjects/${subjectId}/trajectory`, { key });

    expect(res.status).toBe(200);
    expect(res.body.truncated).toBe(false);
    expect(res.body.instruments.map((t: { instrument: string }) => t.instrument)).toEqual([
      'contemplation-ladder',
      'rcq',
      'readiness-ruler',
    ]);
    const [ladder, rcqTrack, ruler] = res.body.instruments;
    expect(rcqTrack.points.map((p: { stage: string }) => p.stage)).toEqual([
      'precontemplation',
      'contemplation',
      'action',
      'precontemplation',
    ]);
    expect(rcqTrack.points.map((p: { transition: { direction: string } | null }) => p.transition?.direction ?? null)).toEqual([
      null,
      'forward',
      'forward',
      'backward',
    ]);
    expect(rcqTrack.points[1].changeFromPrevious).toEqual({ precontemplation: -12, contemplation: 8, action: 4 });
    expect(rcqTrack.summary).toMatchObject({
      forwardMoves: 2,
      backwardMoves: 1,
      relapseSignal: false,
      latestStage: 'precontemplation',
      stageStatus: 'ok',
    });
    expect(ruler).toMatchObject({ status: 'ok', summary: { change: { importance: 4, confidence: 3 }, stageStatus: 'not-staged' } });
    expect(ladder).toMatchObject({ status: 'insufficient-data', count: 1, summary: { change: null } });
  });

  it('answers 404 to another clinic and to an unknown subject', async () => {
    expect((await api.call('GET', `/v1/subjects/${subjectId}/trajectory`, { key: readOnlyOtherClinic })).status).toBe(404);
    expect((await api.call('GET', `/v1/subjects/sub_1_${'A'.repeat(43)}/trajectory`, { key })).status).toBe(404);
  });
});
