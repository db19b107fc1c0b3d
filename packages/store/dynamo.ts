import { createHash } from 'node:crypto';
import {
  type AttributeValue,
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  TransactionCanceledException,
  type TransactWriteItem,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { addCounters, type Counters, toPoint, withPoint } from '../analytics/rollup';
import { Conflict, IdempotencyInFlight, IdempotencyMismatch, NotFound, Unavailable, ValidationError } from '../domain/errors';
import type { ApiKeyRecord, Rescore, StoredAssessment } from '../domain/records';
import { retryAfterFor, translateError } from './errors';
import { exportMethods } from './exports';
import type { CreateAssessment, CreateOutcome, Store } from './port';
import { rollupState } from './rollup-state';
import { pointDelete, pointPut, type RollupOwner, rollupWrites, type SubjectPeriodState } from './rollups';
import {
  aggregateRange,
  apiKeyIndexKey,
  apiKeyKey,
  assessmentKey,
  CLINICS_PARTITION,
  clinicKey,
  clinicKeysPartition,
  GSI1,
  ItemType,
  idempotencyKey,
  instrumentPartition,
  PING_KEY,
  subjectPartition,
  subjectSortKey,
  type TableKey,
} from './schema';

export interface DynamoStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  now?: () => Date;
  /** How long a replay answers the original response; at least 24 (product.md §4). */
  idempotencyTtlHours?: number;
}

type Item = Record<string, unknown>;
type IdempotencyItem = { requestHash: string; responseStatus: number; responseBody: string; expiresAt: number };

const MAX_PAGE = 100;
const MAX_ROLLUP_ATTEMPTS = 8;
/** Jittered, growing pause before retrying a write that lost a race for a subject's record. */
const backoff = (attempt: number) => new Promise<void>((done) => setTimeout(done, Math.random() * 15 * 2 ** Math.min(attempt, 5)));
const badCursor = () => new ValidationError([{ path: 'cursor', message: 'The cursor is not valid.' }], 'malformed');

/**
 * The DynamoDB adapter of the storage port (single table, see schema.ts).
 * @example
 * const store = createDynamoStore({ client: createDynamoClient(), tableName: 'mi-assessments' });
 * const outcome = await store.createAssessment(input);
 */
export function createDynamoStore(options: DynamoStoreOptions): Store {
  const { client, tableName: TableName, now = () => new Date(), idempotencyTtlHours = 48 } = options;
  if (idempotencyTtlHours < 24) throw new Error('idempotencyTtlHours must be at least 24.');

  async function guard<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw translateError(error);
    }
  }

  /** Every item a Query (or, for operator listings, a Scan) returns, following LastEvaluatedKey. */
  async function readAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>, scan = false): Promise<Item[]> {
    const items: Item[] = [];
    let ExclusiveStartKey: Record<string, AttributeValue> | undefined;
    do {
      const request = { TableName, ...input, ...(ExclusiveStartKey && { ExclusiveStartKey }) };
      const page = await guard(() => (scan ? client.send(new ScanCommand(request)) : client.send(new QueryCommand(request))));
      items.push(...(page.Items ?? []).map((raw) => unmarshall(raw)));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }

  const get = async (Key: TableKey, ConsistentRead = false): Promise<Item | undefined> => {
    const { Item } = await guard(() => client.send(new GetItemCommand({ TableName, Key: marshall(Key), ConsistentRead })));
    return Item && unmarshall(Item);
  };

  const rollup = rollupState(client, TableName, guard);

  /**
   * Adds to a write's `items` what converting its legacy heads needs (rollup-state.ts); `false`,
   * after a pause, when a legacy head moved meanwhile: re-read and retry.
   */
  async function withConversion(owner: RollupOwner, states: SubjectPeriodState[], items: TransactWriteItem[], id: string, attempt: number) {
    const conversion = await rollup.convert(owner, states, items.length, id);
    if (conversion) {
      items.push(...conversion);
      return true;
    }
    if (attempt >= MAX_ROLLUP_ATTEMPTS) throw new Unavailable('Too many concurrent writes for this subject; retry.', 1);
    await backoff(attempt);
    return false;
  }

  async function resolveExisting(input: CreateAssessment, existing: Item | undefined): Promise<CreateOutcome> {
    const nowSeconds = Math.floor(now().getTime() / 1000);
    const record = existing as IdempotencyItem | undefined;
    if (!record || record.expiresAt < nowSeconds) {
      throw new IdempotencyInFlight('A request with this idempotency key is still in progress.');
    }
    if (record.requestHash !== input.requestHash) {
      throw new IdempotencyMismatch('This idempotency key was already used with a different request.');
    }
    return { kind: 'replayed', response: { status: record.responseStatus, body: JSON.parse(record.responseBody) } };
  }

  const store: Store = {
    async createAssessment(input) {
      const { clinicId, assessment: a } = input;
      const at = now();
      const nowSeconds = Math.floor(at.getTime() / 1000);
      const idemKey = idempotencyKey(clinicId, createHash('sha256').update(input.idempotencyKey).digest('hex'));
      const idemItem = {
        ...idemKey,
        type: ItemType.idempotency,
        requestHash: input.requestHash,
        assessmentId: a.id,
        responseStatus: input.response.status,
        responseBody: JSON.stringify(input.response.body),
        createdAt: at.toISOString(),
        expiresAt: nowSeconds + idempotencyTtlHours * 3600,
      };
      const idemPut = {
        TableName,
        Item: marshall(idemItem),
        ConditionExpression: 'attribute_not_exists(PK) OR expiresAt < :now',
        ExpressionAttributeValues: marshall({ ':now': nowSeconds }),
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
      };
      const assessmentPut = {
        TableName,
        Item: marshall(toAssessmentItem(clinicId, a)),
        ConditionExpression: 'attribute_not_exists(PK)',
      };
      const point = toPoint(a.view, a.createdAt);
      const owner = { clinicId, subjectId: a.subjectId, instrumentId: a.instrumentId };
      // A concurrent write for the same subject and period moves its heads' version: re-read and retry.
      for (let attempt = 1; ; attempt += 1) {
        const states = await rollup.read(owner, a.administeredOn);
        const TransactItems: TransactWriteItem[] = [
          { Put: idemPut },
          { Put: assessmentPut },
          pointPut(TableName, owner, point),
          ...rollupWrites(TableName, clinicId, a.instrumentId, states, point, 1, (st) => withPoint(st.head, point)),
        ];
        if (!(await withConversion(owner, states, TransactItems, point.id, attempt))) continue;
        try {
          await guard(() => client.send(new TransactWriteItemsCommand({ TransactItems })));
          return { kind: 'created' };
        } catch (error) {
          if (!(error instanceof TransactionCanceledException)) throw error;
          const [idem, asm, ...rest] = error.CancellationReasons ?? [];
          const retryAfter = [idem, asm, ...rest].map((r) => retryAfterFor(r?.Code)).find((x) => x !== undefined);
          if (retryAfter !== undefined) throw new Unavailable('Storage is throttling requests.', retryAfter, { cause: error });
          if (idem?.Code === 'ConditionalCheckFailed') {
            return resolveExisting(input, idem.Item ? unmarshall(idem.Item) : await get(idemKey, true));
          }
          if (idem?.Code === 'TransactionConflict' || asm?.Code === 'TransactionConflict') {
            return resolveExisting(input, await get(idemKey, true));
          }
          if (asm?.Code === 'ConditionalCheckFailed') {
            throw new Conflict('An assessment with this id already exists.', { cause: error });
          }
          const raced = rest.some((r) => r?.Code === 'ConditionalCheckFailed' || r?.Code === 'TransactionConflict');
          if (raced && attempt < MAX_ROLLUP_ATTEMPTS) {
            await backoff(attempt);
            continue;
          }
          if (raced) throw new Unavailable('Too many concurrent writes for this subject; retry.', 1, { cause: error });
          throw error;
        }
      }
    },

    async deleteAssessment(clinicId, id) {
      for (let attempt = 1; ; attempt += 1) {
        const stored = await this.getAssessment(clinicId, id);
        if (!stored) throw new NotFound('No assessment with this id.');
        const point = toPoint(stored.view, stored.createdAt);
        const owner = { clinicId, subjectId: stored.subjectId, instrumentId: stored.instrumentId };
        // why: the subject's remaining points come from its heads and point items (ConsistentRead,
        // guarded by the heads' versions), never from the eventually consistent subject index.
        const states = await rollup.read(owner, stored.administeredOn);
        const next = await rollup.removal(owner, states, point);
        const TransactItems: TransactWriteItem[] = [
          { Delete: { TableName, Key: marshall(assessmentKey(clinicId, id)), ConditionExpression: 'attribute_exists(PK)' } },
          pointDelete(TableName, owner, point),
          ...rollupWrites(TableName, clinicId, stored.instrumentId, states, point, -1, next),
        ];
        if (!(await withConversion(owner, states, TransactItems, point.id, attempt))) continue;
        try {
          await guard(() => client.send(new TransactWriteItemsCommand({ TransactItems })));
          return;
        } catch (error) {
          if (!(error instanceof TransactionCanceledException)) throw error;
          const reasons = error.CancellationReasons ?? [];
          const retryAfter = reasons.map((r) => retryAfterFor(r?.Code)).find((x) => x !== undefined);
          if (retryAfter !== undefined) throw new Unavailable('Storage is throttling requests.', retryAfter, { cause: error });
          const raced = reasons.some((r) => r?.Code === 'ConditionalCheckFailed' || r?.Code === 'TransactionConflict');
          if (raced && attempt < MAX_ROLLUP_ATTEMPTS) continue;
          if (raced) throw new Unavailable('Too many concurrent writes for this subject; retry.', 1, { cause: error });
          throw error;
        }
      }
    },

    async listAggregates(clinicId, instrumentId, kind, from, to) {
      const range = aggregateRange(clinicId, instrumentId, kind === 'month' ? 'M' : 'Q', from, to);
      const items = await readAll({
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: marshall({ ':pk': range.PK, ':from': range.from, ':to': range.to }),
      });
      // A period's counters are spread over shards (schema.ts, AGGREGATE_SHARDS): sum them back.
      const periods = new Map<string, Counters>();
      for (const { PK: _pk, SK: _sk, type: _t, clinicId: _c, instrumentId: _i, period, ...counters } of items) {
        periods.set(period as string, addCounters(periods.get(period as string) ?? {}, counters as Counters));
      }
      return [...periods].map(([period, counters]) => ({ period, counters }));
    },

    async getAssessment(clinicId, id) {
      const item = await get(assessmentKey(clinicId, id));
      return item && fromAssessmentItem(item);
    },

    async listSubjectAssessments(clinicId, subjectId, page) {
      if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_PAGE) {
        const message = `The limit must be an integer from 1 to ${MAX_PAGE}.`;
        throw new ValidationError([{ path: 'limit', message }], 'malformed');
      }
      const partition = subjectPartition(clinicId, subjectId);
      const start = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
      const query = new QueryCommand({
        TableName,
        IndexName: GSI1,
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: marshall({ ':pk': partition }),
        ScanIndexForward: false,
        Limit: page.limit + 1,
        ...(start && {
          ExclusiveStartKey: marshall({ ...assessmentKey(clinicId, start.id), GSI1PK: partition, GSI1SK: start.sk }),
        }),
      });
      const { Items = [] } = await guard(() => client.send(query));
      const items = Items.slice(0, page.limit).map((raw) => fromAssessmentItem(unmarshall(raw)));
      const last = items.at(-1);
      return Items.length > page.limit && last ? { items, cursor: positionOf(last) } : { items };
    },

    async scanAssessments(instrumentId, page) {
      let start: Record<string, AttributeValue> | undefined;
      if (page.cursor !== undefined) {
        try {
          start = marshall(JSON.parse(page.cursor) as TableKey);
        } catch {
          throw badCursor();
        }
      }
      const { Items = [], LastEvaluatedKey } = await guard(() =>
        client.send(
          new ScanCommand({
            TableName,
            FilterExpression: '#type = :type AND instrumentId = :instrument',
            ExpressionAttributeNames: { '#type': 'type' },
            ExpressionAttributeValues: marshall({ ':type': ItemType.assessment, ':instrument': instrumentId }),
            Limit: page.limit,
            ...(start && { ExclusiveStartKey: start }),
          }),
        ),
      );
      const items = Items.map((raw) => fromAssessmentItem(unmarshall(raw)));
      const cursor = LastEvaluatedKey && JSON.stringify(unmarshall(LastEvaluatedKey));
      return cursor ? { items, cursor } : { items };
    },

    async addRescore(clinicId, id, rescore) {
      const hash = rescore.provenance.definitionHash;
      try {
        await guard(() =>
          client.send(
            new UpdateItemCommand({
              TableName,
              Key: marshall(assessmentKey(clinicId, id)),
              UpdateExpression: 'SET rescores = list_append(if_not_exists(rescores, :empty), :entry) ADD rescoreHashes :hashes',
              ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(rescoreHashes) OR NOT contains(rescoreHashes, :hash))',
              ExpressionAttributeValues: marshall({
                ':empty': [],
                ':entry': [JSON.stringify(rescore)],
                ':hashes': new Set([hash]),
                ':hash': hash,
              }),
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            }),
          ),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          if (!error.Item) throw new NotFound('No assessment with this id.');
          return false;
        }
        throw error;
      }
    },

    async putApiKey(record) {
      const item = {
        ...apiKeyKey(record.keyId),
        ...apiKeyIndexKey(record.clinicId, record.createdAt, record.keyId),
        type: ItemType.apiKey,
        ...record,
      };
      const put = new PutItemCommand({
        TableName,
        Item: marshall(item, { removeUndefinedValues: true }),
        ConditionExpression: 'attribute_not_exists(PK)',
      });
      try {
        await guard(() => client.send(put));
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw new Conflict('An API key with this id already exists.');
        throw error;
      }
      // Idempotent: the clinic registry that network analytics reads (listClinics).
      const clinic = { ...clinicKey(record.clinicId), type: ItemType.clinic, clinicId: record.clinicId };
      await guard(() => client.send(new PutItemCommand({ TableName, Item: marshall(clinic) })));
    },

    async listClinics() {
      const items = await readAll({
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: marshall({ ':pk': CLINICS_PARTITION }),
        ProjectionExpression: 'SK',
      });
      return items.map((item) => String(item.SK));
    },

    async getApiKey(keyId) {
      const item = await get(apiKeyKey(keyId), true);
      return item && fromApiKeyItem(item);
    },

    async listApiKeys(clinicId) {
      const items =
        clinicId === undefined
          ? await readAll(
              {
                FilterExpression: '#type = :type',
                ExpressionAttributeNames: { '#type': 'type' },
                ExpressionAttributeValues: marshall({ ':type': ItemType.apiKey }),
              },
              true,
            )
          : await readAll({
              IndexName: GSI1,
              KeyConditionExpression: 'GSI1PK = :pk',
              ExpressionAttributeValues: marshall({ ':pk': clinicKeysPartition(clinicId) }),
            });
      return items
        .map(fromApiKeyItem)
        .sort((x, y) => compare(x.clinicId, y.clinicId) || compare(x.createdAt, y.createdAt) || compare(x.keyId, y.keyId));
    },

    async revokeApiKey(keyId, at) {
      try {
        const update = new UpdateItemCommand({
          TableName,
          Key: marshall(apiKeyKey(keyId)),
          UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :at)',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: marshall({ ':at': at }),
          ReturnValues: 'ALL_NEW',
        });
        const { Attributes } = await guard(() => client.send(update));
        return fromApiKeyItem(unmarshall(Attributes ?? {}));
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw new NotFound('No such API key.');
        throw error;
      }
    },

    async ping() {
      await get(PING_KEY);
    },

    ...exportMethods(client, TableName, guard),
  };
  return store;
}

const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

function toAssessmentItem(clinicId: string, a: StoredAssessment): Item {
  return {
    ...assessmentKey(clinicId, a.id),
    GSI1PK: subjectPartition(clinicId, a.subjectId),
    GSI1SK: subjectSortKey(a.administeredOn, a.createdAt, a.id),
    GSI2PK: instrumentPartition(clinicId, a.instrumentId),
    GSI2SK: subjectSortKey(a.administeredOn, a.createdAt, a.id),
    type: ItemType.assessment,
    clinicId,
    id: a.id,
    subjectId: a.subjectId,
    keyVersion: a.keyVersion,
    instrumentId: a.instrumentId,
    instrumentVersion: a.instrumentVersion,
    administeredOn: a.administeredOn,
    createdAt: a.createdAt,
    answers: JSON.stringify(a.answers),
    view: JSON.stringify(a.view),
  };
}

function fromAssessmentItem(item: Item): StoredAssessment {
  return {
    id: item.id as string,
    clinicId: item.clinicId as string,
    subjectId: item.subjectId as string,
    keyVersion: item.keyVersion as string,
    instrumentId: item.instrumentId as string,
    instrumentVersion: item.instrumentVersion as string,
    administeredOn: item.administeredOn as string,
    createdAt: item.createdAt as string,
    answers: JSON.parse(item.answers as string) as StoredAssessment['answers'],
    view: JSON.parse(item.view as string) as StoredAssessment['view'],
    ...(Array.isArray(item.rescores) && { rescores: item.rescores.map((r) => JSON.parse(r as string) as Rescore) }),
  };
}

function fromApiKeyItem(item: Item): ApiKeyRecord {
  const record: ApiKeyRecord = {
    keyId: item.keyId as string,
    clinicId: item.clinicId as string,
    scopes: item.scopes as ApiKeyRecord['scopes'],
    secretHash: item.secretHash as string,
    createdAt: item.createdAt as string,
  };
  if (typeof item.revokedAt === 'string') record.revokedAt = item.revokedAt;
  return record;
}

/** A history position: the GSI1 sort key of the last row read (`<day>#<createdAt>#<id>`). */
const HISTORY_POSITION = /^\d{4}-\d{2}-\d{2}#[^#]{1,64}#(asm_[A-Za-z0-9_-]{1,64})$/;

const positionOf = (last: StoredAssessment) => subjectSortKey(last.administeredOn, last.createdAt, last.id);

function decodeCursor(cursor: string): { sk: string; id: string } {
  const id = HISTORY_POSITION.exec(cursor)?.[1];
  if (!id) throw badCursor();
  return { sk: cursor, id };
}
