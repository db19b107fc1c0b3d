import {
  type AttributeValue,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { StoredAssessment } from '../domain/records';
import { translateError } from './errors';
import type { TableKey } from './schema';

export type Item = Record<string, unknown>;

/** A change to stored assessments, as the write transaction's seam sees it. */
export type AssessmentChange = { kind: 'created' | 'deleted'; clinicId: string; assessment: StoredAssessment };

export interface DynamoStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  now?: () => Date;
  /** How long a replay answers the original response; at least 24 (docs/architecture.md, "Idempotency"). */
  idempotencyTtlHours?: number;
  /**
   * Extra items written in the same transaction as each create or delete of an assessment (an
   * outbox for webhooks goes here): they commit or fail with the change itself.
   */
  extraWrites?: (change: AssessmentChange) => TransactWriteItem[];
}

/**
 * What every part of the DynamoDB adapter shares: the client and table, the clock, and the edge
 * where SDK errors become domain errors (`guard`).
 */
export interface StoreContext {
  client: DynamoDBClient;
  TableName: string;
  now: () => Date;
  idempotencyTtlHours: number;
  extraWrites: (change: AssessmentChange) => TransactWriteItem[];
  /** Runs one SDK call, translating its errors at the store's edge (errors.ts). */
  guard<T>(call: () => Promise<T>): Promise<T>;
  /** One item by key, or `undefined`. */
  get(key: TableKey, consistent?: boolean): Promise<Item | undefined>;
  /**
   * Writes an item that must not exist yet (undefined attributes dropped); when it does, the
   * SDK's `ConditionalCheckFailedException` is thrown for the caller to name.
   */
  putNew(item: Item): Promise<void>;
  /** Every item a Query (or, for operator listings, a Scan) returns, following LastEvaluatedKey. */
  readAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>, scan?: boolean): Promise<Item[]>;
}

/**
 * @example const ctx = storeContext({ client, tableName: 'mi-assessments' });
 */
export function storeContext(options: DynamoStoreOptions): StoreContext {
  const { client, tableName: TableName, now = () => new Date(), idempotencyTtlHours = 48 } = options;
  if (idempotencyTtlHours < 24) throw new Error('idempotencyTtlHours must be at least 24.');
  const guard = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      throw translateError(error);
    }
  };
  return {
    client,
    TableName,
    now,
    idempotencyTtlHours,
    extraWrites: options.extraWrites ?? (() => []),
    guard,
    async get(key, ConsistentRead = false) {
      const { Item } = await guard(() => client.send(new GetItemCommand({ TableName, Key: marshall(key), ConsistentRead })));
      return Item && unmarshall(Item);
    },
    async putNew(item) {
      const Item = marshall(item, { removeUndefinedValues: true });
      await guard(() => client.send(new PutItemCommand({ TableName, Item, ConditionExpression: 'attribute_not_exists(PK)' })));
    },
    async readAll(input, scan = false) {
      const items: Item[] = [];
      let ExclusiveStartKey: Record<string, AttributeValue> | undefined;
      do {
        const request = { TableName, ...input, ...(ExclusiveStartKey && { ExclusiveStartKey }) };
        const page = await guard(() => (scan ? client.send(new ScanCommand(request)) : client.send(new QueryCommand(request))));
        items.push(...(page.Items ?? []).map((raw) => unmarshall(raw)));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return items;
    },
  };
}
