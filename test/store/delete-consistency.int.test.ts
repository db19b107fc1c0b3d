import { type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDynamoStore } from '../../packages/store/dynamo';
import { GSI1 } from '../../packages/store/schema';
import { type TestTable, useTestTable } from '../support/dynamo';
import { createInput } from '../support/store-fixtures';

/**
 * A client on the test table whose subject index (GSI1) lags: every query of it answers nothing,
 * as an eventually consistent index may just after a write. Records the commands it is sent.
 */
function laggingIndexClient(t: TestTable) {
  const sent: unknown[] = [];
  const client = {
    send(command: unknown) {
      sent.push(command);
      if (command instanceof QueryCommand && command.input.IndexName === GSI1) return Promise.resolve({ Items: [], Count: 0 });
      return t.client.send(command as Parameters<DynamoDBClient['send']>[0]);
    },
  } as unknown as DynamoDBClient;
  return { client, sent };
}

describe('deleteAssessment', () => {
  const t = useTestTable();

  it('keeps the counters exact without reading the subject index, even when it lags', async () => {
    const clinicId = 'clinic-del';
    const first = createInput({ clinicId, id: 'asm_d1', idempotencyKey: 'd1', administeredOn: '2026-11-03' });
    const second = createInput({ clinicId, id: 'asm_d2', idempotencyKey: 'd2', administeredOn: '2026-11-20' });
    const lagging = laggingIndexClient(t);
    const store = createDynamoStore({ client: lagging.client, tableName: t.tableName });
    await store.createAssessment(first);
    await store.createAssessment(second); // the index has not caught up with either

    lagging.sent.length = 0;
    await store.deleteAssessment(clinicId, 'asm_d2');
    expect(lagging.sent.filter((c) => c instanceof QueryCommand && c.input.IndexName === GSI1)).toEqual([]);

    // One subject, one assessment left (a rebuild from the lagging index would have said 0 subjects).
    const [month] = await t.store.listAggregates(clinicId, 'urica', 'month', '2026-11', '2026-11');
    const nonZero = Object.fromEntries(Object.entries(month!.counters).filter(([, v]) => v !== 0));
    expect(nonZero).toMatchObject({ n: 1, subjects: 1, 'c:action': 1, 'u:action': 1 });
    expect(nonZero['d:n']).toBeUndefined();
    const heads = (await t.scanAll()).filter((i) => i.type === 'subjectPeriod').map((i) => JSON.parse(i.head as string));
    expect(heads.map((h) => [h.count, h.first.id, h.latest.id])).toEqual([
      [1, 'asm_d1', 'asm_d1'],
      [1, 'asm_d1', 'asm_d1'],
    ]);
    expect((await t.scanAll()).filter((i) => i.type === 'subjectPoint').map((i) => JSON.parse(i.point as string).id)).toEqual(['asm_d1']);

    await store.deleteAssessment(clinicId, 'asm_d1');
    expect((await t.scanAll()).filter((i) => i.type === 'subjectPeriod' || i.type === 'assessment')).toEqual([]);
    expect((await t.scanAll()).filter((i) => i.type === 'subjectPoint')).toEqual([]);
    const [empty] = await t.store.listAggregates(clinicId, 'urica', 'month', '2026-11', '2026-11');
    expect(Object.entries(empty!.counters).filter(([, v]) => v !== 0)).toEqual([]);
  });
});
