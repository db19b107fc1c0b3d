import { randomBytes } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDynamoClient } from '../../packages/store/client';
import { createDynamoStore } from '../../packages/store/dynamo';
import { ensureTable } from '../../packages/store/local';
import { assessmentKey, GSI2, tableDefinition } from '../../packages/store/schema';
import { createInput } from '../support/store-fixtures';

describe('upgrading a table that predates the export index', () => {
  const client = createDynamoClient({ endpoint: inject('dynamoEndpoint') });
  const tableName = `t_old_${randomBytes(6).toString('hex')}`;
  afterAll(async () => {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
    client.destroy();
  });

  it('adds GSI2 on start and backfills the assessments already stored, once', async () => {
    const old = tableDefinition(tableName);
    await client.send(
      new CreateTableCommand({
        ...old,
        AttributeDefinitions: old.AttributeDefinitions!.filter((a) => !a.AttributeName!.startsWith('GSI2')),
        GlobalSecondaryIndexes: old.GlobalSecondaryIndexes!.filter((g) => g.IndexName !== GSI2),
      }),
    );
    while ((await client.send(new DescribeTableCommand({ TableName: tableName }))).Table?.TableStatus !== 'ACTIVE')
      await new Promise((r) => setTimeout(r, 100));
    const store = createDynamoStore({ client, tableName });
    for (const [i, day] of ['2026-11-20', '2026-10-02'].entries()) {
      await store.createAssessment(createInput({ id: `asm_old${i}`, idempotencyKey: `old-${i}`, administeredOn: day }));
      // As an older version wrote it: no GSI2 keys.
      await client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: marshall(assessmentKey('clinic-a', `asm_old${i}`)),
          UpdateExpression: 'REMOVE GSI2PK, GSI2SK',
        }),
      );
    }

    expect(await ensureTable(client, tableName)).toEqual([GSI2]);
    expect(await ensureTable(client, tableName)).toEqual([]);
    expect((await store.listExportSources('clinic-a', 'urica', {}, { limit: 10 })).items).toEqual([]);
    expect(await store.backfillExportIndex()).toBe(2);
    expect(await store.backfillExportIndex()).toBe(0);
    const page = await store.listExportSources('clinic-a', 'urica', {}, { limit: 10 });
    expect(page.items.map((s) => s.administeredOn)).toEqual(['2026-10-02', '2026-11-20']);
    expect(page.more).toBe(false);
  });
});
