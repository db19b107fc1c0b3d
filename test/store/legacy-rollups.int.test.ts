import { DeleteItemCommand, type DynamoDBClient, PutItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodOf, type RollupPoint } from '../../packages/analytics/rollup';
import { createDynamoStore } from '../../packages/store/dynamo';
import { meterCapacity } from '../support/capacity';
import { type TestTable, testTable } from '../support/dynamo';
import { expectExactCounters, storedRows } from '../support/rollup-oracle';
import { createInput, withScores } from '../support/store-fixtures';

const CLINIC = 'clinic-legacy';
const STAGES = ['precontemplation', 'contemplation', 'action'];
const order = (p: { administeredOn: string; createdAt: string; id: string }) => `${p.administeredOn}#${p.createdAt}#${p.id}`;
let serial = 0;

/** An assessment of `subjectId` on `day` with scores that vary with the serial number. */
function assessment(subjectId: string, day: string) {
  serial += 1;
  const input = createInput({
    clinicId: CLINIC,
    id: `asm_leg${serial}`,
    idempotencyKey: `leg-${serial}`,
    subjectId,
    administeredOn: day,
    createdAt: new Date(Date.parse('2027-01-02T00:00:00Z') + serial * 1000).toISOString(),
  });
  return withScores(
    input,
    { readiness: (serial * 7) % 13, action: serial % 3 === 0 ? null : (serial % 5) + 1 },
    { stage: STAGES[serial % 3] },
  );
}

/** A day of 2026-Q4: `i` spread over October to December. */
const q4Day = (i: number) => new Date(Date.parse('2026-10-01T00:00:00Z') + (i % 92) * 86_400_000).toISOString().slice(0, 10);

/**
 * Puts a subject's rollup state back the way the code before the bounded heads stored it: each
 * head as a `record` (every point of its period, or only `{count, first, latest}`) at the same
 * version, and no point items. The counters are left as they are: they equal what the old code
 * added (test/analytics/rollup-head.test.ts checks the two ways of counting agree).
 */
async function downgrade(t: TestTable, subjectId: string, shape: 'points' | 'first-latest') {
  const items = (await t.scanAll()).filter((i) => i.PK === `C#${CLINIC}#SP#${subjectId}`);
  const points = items.filter((i) => i.type === 'subjectPoint').map((i) => JSON.parse(i.point as string) as RollupPoint);
  for (const head of items.filter((i) => i.type === 'subjectPeriod')) {
    const [, tag, period] = String(head.SK).split('#');
    const kind = tag === 'M' ? 'month' : 'quarter';
    const inPeriod = points.filter((p) => periodOf(p.administeredOn, kind) === period).sort((a, b) => (order(a) < order(b) ? -1 : 1));
    const record = shape === 'points' ? { points: inPeriod } : { count: inPeriod.length, first: inPeriod[0], latest: inPeriod.at(-1) };
    const Item = marshall({ PK: head.PK, SK: head.SK, type: 'subjectPeriod', record: JSON.stringify(record), version: head.version });
    await t.client.send(new PutItemCommand({ TableName: t.tableName, Item }));
  }
  for (const p of items.filter((i) => i.type === 'subjectPoint')) {
    await t.client.send(new DeleteItemCommand({ TableName: t.tableName, Key: marshall({ PK: p.PK, SK: p.SK }) }));
  }
}

/** The subject's heads by sort key: which shape each is in, and what the current ones count. */
async function heads(t: TestTable, subjectId: string) {
  const items = (await t.scanAll()).filter((i) => i.PK === `C#${CLINIC}#SP#${subjectId}` && i.type === 'subjectPeriod');
  return Object.fromEntries(items.map((i) => [String(i.SK), i.head ? JSON.parse(i.head as string).count : 'legacy']));
}

/** Counters exact for every month and the quarter, and exactly one point item per remaining assessment of the subject. */
async function expectConsistent(t: TestTable, subjectId: string) {
  const items = await t.scanAll();
  const rows = storedRows(items, CLINIC);
  await expectExactCounters(t.store, rows, CLINIC, 'urica', 'month', '2026-10', '2026-12');
  await expectExactCounters(t.store, rows, CLINIC, 'urica', 'quarter', '2026-Q4', '2026-Q4');
  const points = items.filter((i) => i.type === 'subjectPoint' && i.PK === `C#${CLINIC}#SP#${subjectId}`);
  expect(points.map((i) => JSON.parse(i.point as string).id).sort()).toEqual(
    rows
      .filter((r) => r.subjectId === subjectId)
      .map((r) => r.id)
      .sort(),
  );
}

const sortedOf = async (t: TestTable, subjectId: string) =>
  storedRows(await t.scanAll(), CLINIC)
    .filter((r) => r.subjectId === subjectId)
    .sort((a, b) => (order(a) < order(b) ? -1 : 1));

describe('subject-period records stored before the bounded heads', () => {
  let t: TestTable;
  let meter: ReturnType<typeof meterCapacity>;
  beforeAll(async () => {
    t = await testTable();
    meter = meterCapacity(t.client);
  });
  afterAll(() => t.drop());

  it('convert from `{"points":[…]}` in the next write’s own transaction, and stay exact through deletes', async () => {
    const subject = 'sub_1_legacypoints';
    for (const day of ['2026-10-03', '2026-10-20', '2026-11-02', '2026-11-25']) await t.store.createAssessment(assessment(subject, day));
    await downgrade(t, subject, 'points');
    expect(await heads(t, subject)).toEqual({ 'urica#M#2026-10': 'legacy', 'urica#M#2026-11': 'legacy', 'urica#Q#2026-Q4': 'legacy' });

    meter.start();
    await t.store.createAssessment(assessment(subject, '2026-11-10'));
    expect(meter.stop().calls.TransactWriteItemsCommand).toBe(1);
    expect(await heads(t, subject)).toEqual({ 'urica#M#2026-10': 'legacy', 'urica#M#2026-11': 3, 'urica#Q#2026-Q4': 5 });
    await expectConsistent(t, subject);

    const sorted = await sortedOf(t, subject);
    await t.store.deleteAssessment(CLINIC, sorted[0]!.id); // October's first, October still legacy
    await t.store.deleteAssessment(CLINIC, sorted.at(-1)!.id); // the quarter's and November's latest
    expect(await heads(t, subject)).toEqual({ 'urica#M#2026-10': 1, 'urica#M#2026-11': 2, 'urica#Q#2026-Q4': 3 });
    await expectConsistent(t, subject);
  });

  it('convert from the oldest shape, `{count, first, latest}`, for one, two and three assessments', async () => {
    const [one, two, three] = ['sub_1_oldestone', 'sub_1_oldesttwo', 'sub_1_oldestthree'];
    await t.store.createAssessment(assessment(one, '2026-12-01'));
    for (const day of ['2026-12-02', '2026-12-09']) await t.store.createAssessment(assessment(two, day));
    for (const day of ['2026-12-03', '2026-12-10', '2026-12-17']) await t.store.createAssessment(assessment(three, day));
    for (const subject of [one, two, three]) await downgrade(t, subject, 'first-latest');

    await t.store.deleteAssessment(CLINIC, (await sortedOf(t, one))[0]!.id);
    await t.store.createAssessment(assessment(two, '2026-12-30'));
    // why only two: that shape knew the first and the latest, never the assessment between them,
    // which therefore changes no head when it goes (as before the upgrade).
    await t.store.deleteAssessment(CLINIC, (await sortedOf(t, three))[1]!.id);

    expect(await heads(t, one)).toEqual({});
    expect(await heads(t, two)).toEqual({ 'urica#M#2026-12': 3, 'urica#Q#2026-Q4': 3 });
    expect(await heads(t, three)).toEqual({ 'urica#M#2026-12': 2, 'urica#Q#2026-Q4': 2 });
    for (const subject of [one, two, three]) await expectConsistent(t, subject);
    await t.store.deleteAssessment(CLINIC, (await sortedOf(t, two))[0]!.id);
    await expectConsistent(t, two);
  });

  it('of more points than one transaction holds write the points first, then convert, and stay exact', async () => {
    const subject = 'sub_1_legacylarge';
    for (let i = 0; i < 150; i += 1) await t.store.createAssessment(assessment(subject, q4Day(i * 3)));
    await downgrade(t, subject, 'points');

    meter.start();
    await t.store.createAssessment(assessment(subject, '2026-11-15'));
    // 150 points, 98 a batch beside the two legacy heads' checks: two batches, then the write itself.
    expect(meter.stop().calls.TransactWriteItemsCommand).toBe(3);
    expect(await heads(t, subject)).toMatchObject({ 'urica#M#2026-10': 'legacy', 'urica#Q#2026-Q4': 151 });
    await expectConsistent(t, subject);

    const sorted = await sortedOf(t, subject);
    await t.store.deleteAssessment(CLINIC, sorted[0]!.id);
    await t.store.deleteAssessment(CLINIC, sorted.at(-1)!.id);
    await t.store.deleteAssessment(CLINIC, sorted[75]!.id);
    expect(Object.values(await heads(t, subject))).not.toContain('legacy');
    await expectConsistent(t, subject);
  });

  it('of more points than one transaction holds convert once under concurrent writes, leaving no point uncounted', async () => {
    const subject = 'sub_1_legacyrace';
    for (let i = 0; i < 120; i += 1) await t.store.createAssessment(assessment(subject, q4Day(i * 5 + 1)));
    await downgrade(t, subject, 'points');
    const middle = (await sortedOf(t, subject))[60]!.id;

    const outcomes = await Promise.allSettled([
      t.store.createAssessment(assessment(subject, '2026-10-14')),
      t.store.createAssessment(assessment(subject, '2026-11-14')),
      t.store.createAssessment(assessment(subject, '2026-12-14')),
      t.store.deleteAssessment(CLINIC, middle),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(Object.values(await heads(t, subject))).not.toContain('legacy');
    await expectConsistent(t, subject);
  });

  it('never write back the point of an assessment deleted while they were converting', async () => {
    const subject = 'sub_1_legacyinterleave';
    for (let i = 0; i < 110; i += 1) await t.store.createAssessment(assessment(subject, q4Day(i * 7 + 2)));
    await downgrade(t, subject, 'points');
    const victim = (await sortedOf(t, subject)).find((r) => r.administeredOn.startsWith('2026-11'))!.id;
    // A client whose first batch of points written ahead of a conversion waits until another
    // writer has converted the same heads and deleted one of those points.
    let interleaved = false;
    const client = {
      async send(command: Parameters<DynamoDBClient['send']>[0]) {
        const ahead = command instanceof TransactWriteItemsCommand && !command.input.TransactItems?.some((i) => i.Update); // no counters
        if (ahead && !interleaved) {
          interleaved = true;
          await t.store.deleteAssessment(CLINIC, victim);
        }
        return t.client.send(command);
      },
    } as unknown as DynamoDBClient;

    await createDynamoStore({ client, tableName: t.tableName }).createAssessment(assessment(subject, '2026-11-16'));

    expect(interleaved).toBe(true);
    await expectConsistent(t, subject); // the victim's point item among them would fail here
  });
});
