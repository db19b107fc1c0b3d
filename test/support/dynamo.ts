import { randomBytes } from 'node:crypto';
import { type AttributeValue, DeleteTableCommand, type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, inject } from 'vitest';
import { createDynamoClient } from '../../packages/store/client';
import { createDynamoStore, type DynamoStoreOptions } from '../../packages/store/dynamo';
import { ensureTable } from '../../packages/store/local';
import type { Store } from '../../packages/store/port';

export interface TestTable {
  client: DynamoDBClient;
  tableName: string;
  store: Store;
  /** Every item in the table, unmarshalled, sorted by PK then SK. */
  scanAll(): Promise<Record<string, unknown>[]>;
  /** A store on the same table with other options (e.g. a fixed clock). */
  storeWith(options: Partial<Omit<DynamoStoreOptions, 'client' | 'tableName'>>): Store;
  /** Deletes the table and closes the client. */
  drop(): Promise<void>;
}

/**
 * Creates a uniquely named table on the run's DynamoDB Local (see dynamo-global-setup.ts).
 * @example
 * let t: TestTable;
 * beforeAll(async () => { t = await testTable(); });
 * afterAll(() => t.drop());
 */
export async function testTable(): Promise<TestTable> {
  const client = createDynamoClient({ endpoint: inject('dynamoEndpoint') });
  const tableName = `t_${randomBytes(6).toString('hex')}`;
  await ensureTable(client, tableName);
  const storeWith: TestTable['storeWith'] = (options) => createDynamoStore({ client, tableName, ...options });
  return {
    client,
    tableName,
    store: storeWith({}),
    storeWith,
    async scanAll() {
      const items: Record<string, unknown>[] = [];
      let ExclusiveStartKey: Record<string, AttributeValue> | undefined;
      do {
        const page = await client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey }));
        items.push(...(page.Items ?? []).map((item) => unmarshall(item)));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      const key = (item: Record<string, unknown>) => `${String(item.PK)}\u0000${String(item.SK)}`;
      return items.sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
    },
    async drop() {
      await client.send(new DeleteTableCommand({ TableName: tableName }));
      client.destroy();
    },
  };
}

/**
 * A test table for the enclosing file or `describe`: made before its tests, dropped after them. The
 * object is filled in by the `beforeAll` this registers, so read it only in hooks and tests.
 * @example const t = useTestTable(); it('stores nothing', async () => expect(await t.scanAll()).toEqual([]));
 */
export function useTestTable(): TestTable {
  const table = {} as TestTable;
  beforeAll(async () => {
    Object.assign(table, await testTable());
  });
  afterAll(() => table.drop?.());
  return table;
}
