import { createHash } from 'node:crypto';
import {
  type AttributeValue,
  ConditionalCheckFailedException,
  ScanCommand,
  type TransactWriteItem,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { toPoint, withPoint } from '../analytics/rollup';
import { Conflict, IdempotencyInFlight, IdempotencyMismatch, invalidCursor, NotFound } from '../domain/errors';
import type { StoredAssessment } from '../domain/records';
import type { Item, StoreContext } from './context';
import { fromAssessmentItem, toAssessmentItem } from './items';
import type { CreateAssessment, CreateOutcome, Store } from './port';
import { rollupState } from './rollup-state';
import { outcomeOf, pointDelete, pointPut, type RollupOwner, rollupWrites, type SubjectPeriodState } from './rollups';
import { assessmentKey, ItemType, idempotencyKey, type TableKey, TTL_ATTRIBUTE } from './schema';
import { cancellation, retryPause } from './transactions';

type IdempotencyItem = { requestHash: string; responseStatus: number; responseBody: string } & Record<typeof TTL_ATTRIBUTE, number>;

type AssessmentMethods = Pick<Store, 'createAssessment' | 'deleteAssessment' | 'getAssessment' | 'scanAssessments' | 'addRescore'>;

/**
 * Assessments in the DynamoDB adapter: each create and delete is one transaction holding the
 * assessment, its idempotency record (create), its rollup point, heads and counters (rollups.ts),
 * and the context's `extraWrites` — so aggregates never count a retried or half-written change.
 * @example const store = { ...assessmentMethods(ctx), ... };
 */
export function assessmentMethods(ctx: StoreContext): AssessmentMethods {
  const { client, TableName, guard } = ctx;
  const rollup = rollupState(ctx);

  /**
   * Adds what converting the write's legacy heads needs (rollup-state.ts) to `items`; `false`,
   * after a pause, when a legacy head moved meanwhile: re-read and retry.
   */
  async function withConversion(owner: RollupOwner, states: SubjectPeriodState[], items: TransactWriteItem[], id: string, attempt: number) {
    const conversion = await rollup.convert(owner, states, items.length, id);
    if (conversion) {
      items.push(...conversion);
      return true;
    }
    await retryPause(attempt);
    return false;
  }

  async function resolveExisting(input: CreateAssessment, existing: Item | undefined): Promise<CreateOutcome> {
    const nowSeconds = Math.floor(ctx.now().getTime() / 1000);
    const record = existing as IdempotencyItem | undefined;
    if (!record || record[TTL_ATTRIBUTE] < nowSeconds) {
      throw new IdempotencyInFlight('A request with this idempotency key is still in progress.');
    }
    if (record.requestHash !== input.requestHash) {
      throw new IdempotencyMismatch('This idempotency key was already used with a different request.');
    }
    return { kind: 'replayed', response: { status: record.responseStatus, body: JSON.parse(record.responseBody) } };
  }

  const getAssessment: AssessmentMethods['getAssessment'] = async (clinicId, id) => {
    const item = await ctx.get(assessmentKey(clinicId, id));
    return item && fromAssessmentItem(item);
  };

  const write = (TransactItems: TransactWriteItem[]) => guard(() => client.send(new TransactWriteItemsCommand({ TransactItems })));

  return {
    async createAssessment(input) {
      const { clinicId, assessment: a } = input;
      const at = ctx.now();
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
        [TTL_ATTRIBUTE]: nowSeconds + ctx.idempotencyTtlHours * 3600,
      };
      const idemPut = {
        TableName,
        Item: marshall(idemItem),
        ConditionExpression: 'attribute_not_exists(PK) OR #ttl < :now',
        ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
        ExpressionAttributeValues: marshall({ ':now': nowSeconds }),
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
      };
      const assessmentPut = { TableName, Item: marshall(toAssessmentItem(clinicId, a)), ConditionExpression: 'attribute_not_exists(PK)' };
      const point = toPoint(a.view, a.createdAt);
      const owner = { clinicId, subjectId: a.subjectId, instrumentId: a.instrumentId };
      const outcome = await outcomeOf(a.instrumentId);
      // A concurrent write for the same subject and period moves its heads' version: re-read and retry.
      for (let attempt = 1; ; attempt += 1) {
        const states = await rollup.read(owner, a.administeredOn);
        const items: TransactWriteItem[] = [
          { Put: idemPut },
          { Put: assessmentPut },
          pointPut(TableName, owner, point),
          ...rollupWrites(TableName, clinicId, a.instrumentId, outcome, states, point, 1, (st) => withPoint(st.head, point)),
          ...ctx.extraWrites({ kind: 'created', clinicId, assessment: a }),
        ];
        if (!(await withConversion(owner, states, items, point.id, attempt))) continue;
        try {
          await write(items);
          return { kind: 'created' };
        } catch (error) {
          // why: the idempotency record (0) and the assessment (1) decide before any race on the heads.
          const outcome = cancellation(error, (i) => i >= 2);
          if (outcome.kind === 'other') throw error;
          const [idem, asm] = outcome.reasons;
          if (idem?.Code === 'ConditionalCheckFailed') {
            return resolveExisting(input, idem.Item ? unmarshall(idem.Item) : await ctx.get(idemKey, true));
          }
          if (idem?.Code === 'TransactionConflict' || asm?.Code === 'TransactionConflict') {
            return resolveExisting(input, await ctx.get(idemKey, true));
          }
          if (asm?.Code === 'ConditionalCheckFailed') throw new Conflict('An assessment with this id already exists.', { cause: error });
          if (outcome.kind !== 'raced') throw error;
          await retryPause(attempt, error);
        }
      }
    },

    async deleteAssessment(clinicId, id) {
      for (let attempt = 1; ; attempt += 1) {
        const stored = await getAssessment(clinicId, id);
        if (!stored) throw new NotFound('No assessment with this id.');
        const point = toPoint(stored.view, stored.createdAt);
        const owner = { clinicId, subjectId: stored.subjectId, instrumentId: stored.instrumentId };
        // why: the subject's remaining points come from its heads and point items (ConsistentRead,
        // guarded by the heads' versions), never from the eventually consistent subject index.
        const states = await rollup.read(owner, stored.administeredOn);
        const next = await rollup.removal(owner, states, point);
        const items: TransactWriteItem[] = [
          { Delete: { TableName, Key: marshall(assessmentKey(clinicId, id)), ConditionExpression: 'attribute_exists(PK)' } },
          pointDelete(TableName, owner, point),
          ...rollupWrites(TableName, clinicId, stored.instrumentId, await outcomeOf(stored.instrumentId), states, point, -1, next),
          ...ctx.extraWrites({ kind: 'deleted', clinicId, assessment: stored }),
        ];
        if (!(await withConversion(owner, states, items, point.id, attempt))) continue;
        try {
          await write(items);
          return;
        } catch (error) {
          // A failed condition anywhere (the assessment gone meanwhile, a head moved) re-reads.
          const outcome = cancellation(error);
          if (outcome.kind !== 'raced') throw error;
          await retryPause(attempt, error);
        }
      }
    },

    getAssessment,

    async scanAssessments(instrumentId, page) {
      let start: Record<string, AttributeValue> | undefined;
      if (page.cursor !== undefined) {
        try {
          start = marshall(JSON.parse(page.cursor) as TableKey);
        } catch {
          throw invalidCursor();
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
      const items: StoredAssessment[] = Items.map((raw) => fromAssessmentItem(unmarshall(raw)));
      // An operator scan's position never leaves the process (the rescore CLI): plain JSON of the key.
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
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        if (!error.Item) throw new NotFound('No assessment with this id.');
        return false;
      }
    },
  };
}
