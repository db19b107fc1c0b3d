import {
  type AttributeValue,
  type ConsumedCapacity,
  type DynamoDBClient,
  GetItemCommand,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';

/**
 * Measures what each DynamoDB call of a client costs, from the outside: a middleware on the
 * client asks every read and write for its consumed capacity (`ReturnConsumedCapacity: 'INDEXES'`,
 * which is TOTAL plus the table / index split) and adds it to the current reading. No production
 * code knows about it.
 *
 * why a second figure: DynamoDB Local does report consumed capacity, but for TransactWriteItems
 * it rounds the sum of the items' sizes up to 1 KB once (three 100-byte Puts: 2 units), where
 * DynamoDB bills each item on its own: 2 × ⌈max(size before, size after) / 1 KB⌉ per transactional
 * write, ⌈size / 4 KB⌉ (at least 1) per strongly consistent read, half that for an eventually
 * consistent one. Given `sizes`, `start(true)` also computes that bill for the base table from
 * the items' sizes (read back before and after each transaction with that separate client).
 */

/** What one store call cost. */
export interface Reading {
  /** As DynamoDB Local reports it: reads (GetItem, Query) and writes (TransactWriteItems, Put, Update, Delete). */
  reported: { reads: number; writes: number; writesTable: number; writesIndexes: number };
  /** Computed from item sizes the way DynamoDB bills the base table (only when `detailed`). */
  computed: { reads: number; writes: number; largestItem: number };
  calls: Record<string, number>;
}

const READS = new Set(['GetItemCommand', 'QueryCommand']);
const WRITES = new Set(['TransactWriteItemsCommand', 'PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand']);
const KB = 1024;

const empty = (): Reading => ({
  reported: { reads: 0, writes: 0, writesTable: 0, writesIndexes: 0 },
  computed: { reads: 0, writes: 0, largestItem: 0 },
  calls: {},
});

/**
 * @example
 * const meter = meterCapacity(client, { raw: otherClient, TableName: 'bench' });
 * meter.start(true); await store.createAssessment(input); const cost = meter.stop();
 */
export function meterCapacity(client: DynamoDBClient, sizes?: { raw: DynamoDBClient; TableName: string }) {
  let current = empty();
  let detailed = false;
  const sizeOf = async (Key: Record<string, AttributeValue>) => {
    const { Item } = await sizes!.raw.send(new GetItemCommand({ TableName: sizes!.TableName, Key, ConsistentRead: true }));
    return Item ? itemBytes(Item) : 0;
  };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? '';
      if (!READS.has(name) && !WRITES.has(name)) return next(args);
      const input = args.input as Record<string, unknown>;
      const items = name === 'TransactWriteItemsCommand' && detailed ? (input.TransactItems as TransactWriteItem[]) : [];
      const before = await Promise.all(items.map((item) => sizeOf(keyOf(item))));
      const result = await next({ ...args, input: { ...input, ReturnConsumedCapacity: 'INDEXES' } });
      const output = result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[]; Item?: Record<string, AttributeValue> };
      current.calls[name] = (current.calls[name] ?? 0) + 1;
      for (const cc of [output.ConsumedCapacity ?? []].flat()) {
        if (READS.has(name)) current.reported.reads += cc.CapacityUnits ?? 0;
        else {
          current.reported.writes += cc.CapacityUnits ?? 0;
          current.reported.writesTable += cc.Table?.CapacityUnits ?? 0;
          for (const index of Object.values(cc.GlobalSecondaryIndexes ?? {})) current.reported.writesIndexes += index.CapacityUnits ?? 0;
        }
      }
      if (detailed) {
        const consistent = input.ConsistentRead === true ? 1 : 0.5;
        if (name === 'GetItemCommand')
          current.computed.reads += consistent * Math.max(1, Math.ceil(itemBytes(output.Item ?? {}) / (4 * KB)));
        if (name === 'QueryCommand') {
          const bytes = ((output as { Items?: Record<string, AttributeValue>[] }).Items ?? []).reduce((n, i) => n + itemBytes(i), 0);
          current.computed.reads += consistent * Math.max(1, Math.ceil(bytes / (4 * KB)));
        }
        const after = await Promise.all(items.map((item) => sizeOf(keyOf(item))));
        items.forEach((_, i) => {
          const largest = Math.max(before[i]!, after[i]!);
          current.computed.writes += 2 * Math.max(1, Math.ceil(largest / KB));
          current.computed.largestItem = Math.max(current.computed.largestItem, largest);
        });
      }
      return result;
    },
    { step: 'initialize', name: 'meterCapacity' },
  );
  return {
    /** Starts a new reading; `withSizes` also computes the bill from item sizes (slower: it reads every written item twice). */
    start(withSizes = false) {
      current = empty();
      detailed = withSizes && sizes !== undefined;
    },
    stop(): Reading {
      const reading = current;
      current = empty();
      return reading;
    },
  };
}

function keyOf(item: TransactWriteItem): Record<string, AttributeValue> {
  if (item.Put) {
    const { PK, SK } = item.Put.Item ?? {};
    return { PK: PK!, SK: SK! };
  }
  return (item.Update?.Key ?? item.Delete?.Key ?? item.ConditionCheck?.Key)!;
}

/**
 * An item's size as DynamoDB counts it: attribute names plus values (strings and binaries by
 * their bytes, numbers about one byte per two significant digits plus one, maps and lists 3
 * bytes plus one per element).
 * @example itemBytes({ PK: { S: 'a' }, n: { N: '12' } }) // 2 + 1 + 2 = 5
 */
export function itemBytes(item: Record<string, AttributeValue>): number {
  let bytes = 0;
  for (const [name, value] of Object.entries(item)) bytes += Buffer.byteLength(name) + valueBytes(value);
  return bytes;
}

function valueBytes(v: AttributeValue): number {
  if (v.S !== undefined) return Buffer.byteLength(v.S);
  if (v.N !== undefined) return numberBytes(v.N);
  if (v.B !== undefined) return v.B.length;
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.SS) return v.SS.reduce((n, s) => n + Buffer.byteLength(s), 0);
  if (v.NS) return v.NS.reduce((n, s) => n + numberBytes(s), 0);
  if (v.L) return 3 + v.L.reduce((n, e) => n + 1 + valueBytes(e), 0);
  if (v.M) return 3 + Object.entries(v.M).reduce((n, [k, e]) => n + 1 + Buffer.byteLength(k) + valueBytes(e), 0);
  return 0;
}

function numberBytes(n: string): number {
  const digits = n.replace(/^-/, '').replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(1, digits.length) / 2) + 1;
}
