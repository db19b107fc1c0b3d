import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BACKWARD_REF, DEMO_CLINIC, demoItems, type SeedReport, seedDemo } from '../../functions/local/demo-seed';
import { newAssessmentId } from '../../packages/api/ids';
import { pseudonymizer } from '../support/api';
import { type TestTable, testTable } from '../support/dynamo';

const TODAY = new Date('2026-11-25T12:00:00Z');

describe('seedDemo', () => {
  let t: TestTable;
  let first: SeedReport;
  let second: SeedReport;
  let stored: Record<string, unknown>[];
  const expected = demoItems(TODAY);

  beforeAll(async () => {
    t = await testTable();
    const deps = { store: t.store, pseudonymizer, now: () => TODAY, newId: newAssessmentId };
    first = await seedDemo(deps, TODAY);
    second = await seedDemo(deps, TODAY);
    stored = (await t.scanAll()).filter((i) => i.type === 'assessment');
  }, 240_000);
  afterAll(() => t.drop());

  it('stores every demo assessment once, and nothing on a second run', () => {
    expect(first).toMatchObject({ created: expected.length, replayed: 0, earlier: 0, failed: 0 });
    expect(second).toMatchObject({ created: 0, replayed: expected.length, earlier: 0, failed: 0 });
    expect(stored).toHaveLength(expected.length);
    console.log(
      `demo seed: ${expected.length} assessments in ${(first.ms / 1000).toFixed(1)} s (second run ${(second.ms / 1000).toFixed(1)} s)`,
    );
  });

  it('spans the twelve months up to today, for clinic demo only, with no ref stored', () => {
    const days = expected.map((i) => String(i.assessment['administeredOn'])).sort();

    expect(days[0]! >= '2025-12-01').toBe(true);
    expect(days.at(-1)! <= '2026-11-25').toBe(true);
    expect(new Set(days.map((d) => d.slice(0, 7))).size).toBe(12);
    expect(new Set(stored.map((i) => i.clinicId))).toEqual(new Set([DEMO_CLINIC]));
    expect(JSON.stringify(stored)).not.toContain('demo-client');
    expect(JSON.stringify(stored)).not.toContain('demo-rcq-');
  });

  it('publishes some months and suppresses others, and counts improved, unchanged and worse clients', async () => {
    const months = await t.store.listAggregates(DEMO_CLINIC, 'readiness-ruler', 'month', '2025-12', '2026-11');
    const urica = await t.store.listAggregates(DEMO_CLINIC, 'urica', 'month', '2025-12', '2026-11');
    const subjects = [...months, ...urica].map((m) => m.counters['subjects'] ?? 0);
    console.log('subjects per month (readiness-ruler, then urica):', subjects.join(' '));
    const quarters = await t.store.listAggregates(DEMO_CLINIC, 'readiness-ruler', 'quarter', '2025-Q4', '2026-Q4');
    const outcome = (o: string) => quarters.reduce((n, q) => n + (q.counters[`o:${o}`] ?? 0), 0);

    expect(subjects.some((n) => n > 10)).toBe(true);
    expect(subjects.some((n) => n >= 1 && n <= 10)).toBe(true);
    expect(outcome('improved')).toBeGreaterThan(outcome('worse'));
    expect(outcome('worse')).toBeGreaterThan(0);
    expect(outcome('unchanged')).toBeGreaterThan(0);
  });

  it('gives the printed client an RCQ trajectory that moves forward to action and back to contemplation', async () => {
    const subjectId = pseudonymizer.subjectId(DEMO_CLINIC, DEMO_BACKWARD_REF);
    const page = await t.store.listSubjectAssessments(DEMO_CLINIC, subjectId, { limit: 10 });
    const stages = page.items.map((a) => (a.view.interpretation as { stage: string }).stage).reverse();

    expect(stages).toEqual(['contemplation', 'action', 'action', 'contemplation']);
  });
});
