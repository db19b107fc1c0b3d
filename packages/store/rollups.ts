import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import {
  assessmentCounters,
  type Counters,
  diffCounters,
  PERIOD_KINDS,
  type PeriodKind,
  periodOf,
  type RollupPoint,
  type SubjectPeriod,
  subjectCounters,
} from '../analytics/rollup';
import { aggregateKey, aggregateShard, ItemType, type PeriodTag, subjectPeriodKey, type TableKey } from './schema';

const TAG: Record<PeriodKind, PeriodTag> = { month: 'M', quarter: 'Q' };

/** A subject's period record as read before the write, with the version that guards it. */
export interface SubjectPeriodState {
  kind: PeriodKind;
  period: string;
  key: TableKey;
  /** The counter shard this subject's additions and removals go to (schema.ts, AGGREGATE_SHARDS). */
  shard: number;
  record?: SubjectPeriod;
  version: number;
}

/** The keys of the subject-period records one assessment touches (a month and a quarter), and its counter shard. */
export function subjectPeriodSlots(clinicId: string, subjectId: string, instrumentId: string, day: string) {
  const shard = aggregateShard(subjectId);
  return PERIOD_KINDS.map((kind) => {
    const period = periodOf(day, kind);
    return { kind, period, key: subjectPeriodKey(clinicId, subjectId, instrumentId, TAG[kind], period), shard };
  });
}

/** Reads back a stored subject-period item (`record`: `{"points":[…]}`, see SubjectPeriod in analytics/rollup.ts). */
export function toSubjectPeriodState(
  slot: ReturnType<typeof subjectPeriodSlots>[number],
  item?: Record<string, unknown>,
): SubjectPeriodState {
  return item ? { ...slot, record: parseRecord(item.record as string), version: item.version as number } : { ...slot, version: 0 };
}

type LegacyRecord = { count: number; first: RollupPoint; latest: RollupPoint };

function parseRecord(json: string): SubjectPeriod {
  const parsed = JSON.parse(json) as SubjectPeriod | LegacyRecord;
  if ('points' in parsed) return parsed;
  // why: records written before the points were kept held only the first and latest point; read
  // them as those points so the subject, category and change counters they added still cancel out.
  return { points: parsed.first.id === parsed.latest.id ? [parsed.first] : [parsed.first, parsed.latest] };
}

/**
 * The transaction items that keep the aggregates exact when `point` is added (`sign` 1) or
 * removed (`sign` −1): per period, the subject's record (guarded by its version, so a
 * concurrent writer forces a retry instead of a lost update) and an ADD on the counters.
 * @example rollupWrites('t', 'demo', 'urica', states, point, 1, (s) => withPoint(s.record, point))
 */
export function rollupWrites(
  TableName: string,
  clinicId: string,
  instrumentId: string,
  states: SubjectPeriodState[],
  point: RollupPoint,
  sign: 1 | -1,
  next: (state: SubjectPeriodState) => SubjectPeriod | undefined,
): TransactWriteItem[] {
  return states.flatMap((state): TransactWriteItem[] => {
    const after = next(state);
    const guard = state.record
      ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: marshall({ ':v': state.version }) }
      : { ConditionExpression: 'attribute_not_exists(PK)' };
    const subjectWrite: TransactWriteItem = after
      ? {
          Put: {
            TableName,
            Item: marshall({ ...state.key, type: ItemType.subjectPeriod, record: JSON.stringify(after), version: state.version + 1 }),
            ...guard,
          },
        }
      : { Delete: { TableName, Key: marshall(state.key), ...guard } };
    const delta = diffCounters(
      subjectCounters(instrumentId, state.record),
      subjectCounters(instrumentId, after),
      assessmentCounters(point),
      sign,
    );
    return [subjectWrite, { Update: aggregateUpdate(TableName, clinicId, instrumentId, state, delta) }];
  });
}

function aggregateUpdate(TableName: string, clinicId: string, instrumentId: string, state: SubjectPeriodState, delta: Counters) {
  const names: Record<string, string> = { '#type': 'type', '#clinic': 'clinicId', '#instrument': 'instrumentId', '#period': 'period' };
  const values: Record<string, unknown> = {
    ':type': ItemType.aggregate,
    ':clinic': clinicId,
    ':instrument': instrumentId,
    ':period': state.period,
  };
  const adds = Object.entries(delta).map(([name, value], i) => {
    names[`#c${i}`] = name;
    values[`:c${i}`] = value;
    return `#c${i} :c${i}`;
  });
  return {
    TableName,
    Key: marshall(aggregateKey(clinicId, instrumentId, TAG[state.kind], state.period, state.shard)),
    UpdateExpression: `SET #type = :type, #clinic = :clinic, #instrument = :instrument, #period = :period${adds.length ? ` ADD ${adds.join(', ')}` : ''}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: marshall(values),
  };
}
