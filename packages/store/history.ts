import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { addCounters, type Counters } from '../analytics/rollup';
import { invalidLimit } from '../domain/errors';
import type { Item, StoreContext } from './context';
import { fromAssessmentItem, historyPosition, readPosition } from './items';
import type { Store } from './port';
import { aggregateRange } from './rollup-keys';
import { assessmentKey, GSI1, subjectPartition } from './schema';

const MAX_PAGE = 100;

/**
 * One read of a subject's assessments on the subject index (GSI1): the one place its key
 * condition is written. `after` is a position from `readPosition('history', …)`.
 */
async function subjectIndex(
  ctx: StoreContext,
  clinicId: string,
  subjectId: string,
  read: { newestFirst: boolean; limit: number; after?: { sk: string; id: string }; projection?: string },
): Promise<Item[]> {
  const partition = subjectPartition(clinicId, subjectId);
  const { after } = read;
  const { Items = [] } = await ctx.guard(() =>
    ctx.client.send(
      new QueryCommand({
        TableName: ctx.TableName,
        IndexName: GSI1,
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: marshall({ ':pk': partition }),
        ...(read.projection && { ProjectionExpression: read.projection }),
        ScanIndexForward: !read.newestFirst,
        Limit: read.limit,
        ...(after && { ExclusiveStartKey: marshall({ ...assessmentKey(clinicId, after.id), GSI1PK: partition, GSI1SK: after.sk }) }),
      }),
    ),
  );
  return Items.map((raw) => unmarshall(raw));
}

/**
 * The read side of assessments: a subject's history (newest first, through GSI1), the day of a
 * subject's first assessment, and the aggregate counters of a clinic × instrument (one Query per
 * range, shards summed).
 * @example const store = { ...historyMethods(ctx), ... };
 */
export function historyMethods(ctx: StoreContext): Pick<Store, 'listSubjectAssessments' | 'firstAssessmentDay' | 'listAggregates'> {
  return {
    async listSubjectAssessments(clinicId, subjectId, page) {
      if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_PAGE) throw invalidLimit(MAX_PAGE);
      const after = page.cursor === undefined ? undefined : readPosition('history', page.cursor);
      const read = await subjectIndex(ctx, clinicId, subjectId, { newestFirst: true, limit: page.limit + 1, ...(after && { after }) });
      const items = read.slice(0, page.limit).map(fromAssessmentItem);
      const last = items.at(-1);
      return read.length > page.limit && last ? { items, cursor: historyPosition(last) } : { items };
    },

    async firstAssessmentDay(clinicId, subjectId) {
      const [first] = await subjectIndex(ctx, clinicId, subjectId, { newestFirst: false, limit: 1, projection: 'administeredOn' });
      return first && (first.administeredOn as string);
    },

    async listAggregates(clinicId, instrumentId, kind, from, to) {
      const range = aggregateRange(clinicId, instrumentId, kind === 'month' ? 'M' : 'Q', from, to);
      const items = await ctx.readAll({
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: marshall({ ':pk': range.PK, ':from': range.from, ':to': range.to }),
      });
      // A period's counters are spread over shards (rollup-keys.ts, AGGREGATE_SHARDS): sum them back.
      const periods = new Map<string, Counters>();
      for (const { PK: _pk, SK: _sk, type: _t, clinicId: _c, instrumentId: _i, period, ...counters } of items) {
        periods.set(period as string, addCounters(periods.get(period as string) ?? {}, counters as Counters));
      }
      return [...periods].map(([period, counters]) => ({ period, counters }));
    },
  };
}
