import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { addCounters, type Counters } from '../analytics/rollup';
import { invalidLimit } from '../domain/errors';
import type { StoreContext } from './context';
import { fromAssessmentItem, historyPosition, readPosition } from './items';
import type { Store } from './port';
import { aggregateRange, assessmentKey, GSI1, subjectPartition } from './schema';

const MAX_PAGE = 100;

/**
 * The read side of assessments: a subject's history (newest first, through GSI1) and the
 * aggregate counters of a clinic × instrument (one Query per range, shards summed).
 * @example const store = { ...historyMethods(ctx), ... };
 */
export function historyMethods(ctx: StoreContext): Pick<Store, 'listSubjectAssessments' | 'listAggregates'> {
  const { client, TableName, guard } = ctx;
  return {
    async listSubjectAssessments(clinicId, subjectId, page) {
      if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_PAGE) throw invalidLimit(MAX_PAGE);
      const partition = subjectPartition(clinicId, subjectId);
      const start = page.cursor === undefined ? undefined : readPosition('history', page.cursor);
      const { Items = [] } = await guard(() =>
        client.send(
          new QueryCommand({
            TableName,
            IndexName: GSI1,
            KeyConditionExpression: 'GSI1PK = :pk',
            ExpressionAttributeValues: marshall({ ':pk': partition }),
            ScanIndexForward: false,
            Limit: page.limit + 1,
            ...(start && { ExclusiveStartKey: marshall({ ...assessmentKey(clinicId, start.id), GSI1PK: partition, GSI1SK: start.sk }) }),
          }),
        ),
      );
      const items = Items.slice(0, page.limit).map((raw) => fromAssessmentItem(unmarshall(raw)));
      const last = items.at(-1);
      return Items.length > page.limit && last ? { items, cursor: historyPosition(last) } : { items };
    },

    async listAggregates(clinicId, instrumentId, kind, from, to) {
      const range = aggregateRange(clinicId, instrumentId, kind === 'month' ? 'M' : 'Q', from, to);
      const items = await ctx.readAll({
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
  };
}
