import { GetItemCommand, QueryCommand, type TransactWriteItem, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { headOf, type PeriodKind, type RollupPoint, type SubjectPeriod, withoutPoint } from '../analytics/rollup';
import type { StoreContext } from './context';
import {
  legacyGuards,
  legacyPointPuts,
  periodPointRange,
  pointKey,
  type RollupOwner,
  readPoint,
  type SubjectPeriodState,
  subjectPeriodSlots,
  toSubjectPeriodState,
} from './rollups';
import type { TableKey } from './schema';
import { cancellation } from './transactions';

/** DynamoDB's limit on the items of one TransactWriteItems. */
export const MAX_TRANSACTION_ITEMS = 100;

/**
 * The reads a rollup write needs, all strongly consistent, and the conversion of legacy heads.
 * why consistent, and heads first: every change to a subject's point items moves the version of
 * the heads of its periods in the same transaction, and the write is guarded on the versions read
 * here; point items read after the heads are therefore exactly those the guarded heads count.
 * @example
 * const rollup = rollupState(ctx);
 * const states = await rollup.read(owner, '2026-11-20');
 */
export function rollupState(ctx: StoreContext) {
  const { client, TableName, guard } = ctx;
  const get = async (key: TableKey) => {
    const { Item } = await guard(() => client.send(new GetItemCommand({ TableName, Key: marshall(key), ConsistentRead: true })));
    return Item && unmarshall(Item);
  };

  /** The point after (`forward`) or before `point` in the state's period: the head's next first or latest. */
  async function neighbour(owner: RollupOwner, state: SubjectPeriodState, point: RollupPoint, forward: boolean) {
    const range = periodPointRange(owner, state);
    const { Items = [] } = await guard(() =>
      client.send(
        new QueryCommand({
          TableName,
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
          ExpressionAttributeValues: marshall({ ':pk': range.PK, ':from': range.from, ':to': range.to }),
          ConsistentRead: true,
          ScanIndexForward: forward,
          // why 2: the first item is the point being deleted (it is the period's end), the second its neighbour.
          Limit: 2,
        }),
      ),
    );
    return Items.map((raw) => readPoint(unmarshall(raw))).find((p) => p.id !== point.id);
  }

  return {
    /** Both heads (month and quarter) of the day, with ConsistentRead. */
    read(owner: RollupOwner, day: string): Promise<SubjectPeriodState[]> {
      const slots = subjectPeriodSlots(owner.clinicId, owner.subjectId, owner.instrumentId, day);
      return Promise.all(slots.map(async (slot) => toSubjectPeriodState(slot, await get(slot.key))));
    },

    /**
     * What each head becomes without `point`. A converted head counts the point when its point
     * item exists (an assessment older than the rollups, or between the two points a head of the
     * oldest shape knew, has none and changes no head); a legacy head when its record lists it.
     * Reads the next first or latest only when the point is one.
     */
    async removal(owner: RollupOwner, states: SubjectPeriodState[], point: RollupPoint) {
      const counted = (await get(pointKey(owner, point))) !== undefined;
      const ends = new Map<PeriodKind, { first?: RollupPoint; latest?: RollupPoint }>();
      await Promise.all(
        states.map(async ({ head, legacy, kind }, i) => {
          if (legacy || !head || !counted || head.count < 2) return;
          const [first, latest] = await Promise.all([
            head.first.id === point.id ? neighbour(owner, states[i]!, point, true) : undefined,
            head.latest.id === point.id ? neighbour(owner, states[i]!, point, false) : undefined,
          ]);
          ends.set(kind, { ...(first && { first }), ...(latest && { latest }) });
        }),
      );
      return (state: SubjectPeriodState): SubjectPeriod | undefined => {
        if (state.legacy) return headOf(state.legacy.filter((p) => p.id !== point.id));
        return counted ? withoutPoint(state.head, point, ends.get(state.kind)) : state.head;
      };
    },

    /**
     * The point items that converting legacy heads needs, to add to the write's transaction
     * (`others` items long) when they fit in it. When they do not (a `{"points":[…]}` record of
     * more than about 90 points), they are written first, in transactions that each also check
     * every legacy head's version, and `[]` is returned: the heads then convert in the write's own
     * transaction, guarded as always. `undefined` when a legacy head moved meanwhile: re-read and retry.
     * why checked: a point item written without the check could land after a concurrent write
     * converted the head and deleted that very assessment, leaving a point no head counts.
     */
    async convert(owner: RollupOwner, states: SubjectPeriodState[], others: number, except: string) {
      const puts = legacyPointPuts(TableName, owner, states, except);
      if (others + puts.length <= MAX_TRANSACTION_ITEMS) return puts;
      const guards = legacyGuards(TableName, states);
      const size = MAX_TRANSACTION_ITEMS - guards.length;
      for (let i = 0; i < puts.length; i += size) {
        const TransactItems: TransactWriteItem[] = [...guards, ...puts.slice(i, i + size)];
        try {
          await guard(() => client.send(new TransactWriteItemsCommand({ TransactItems })));
        } catch (error) {
          if (cancellation(error).kind === 'raced') return undefined;
          throw error;
        }
      }
      return [];
    },
  };
}
