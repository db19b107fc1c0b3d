import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import {
  assessmentCounters,
  type Counters,
  diffCounters,
  headOf,
  PERIOD_KINDS,
  type PeriodKind,
  periodMonths,
  periodOf,
  type RollupPoint,
  type SubjectPeriod,
  subjectCounters,
} from '../analytics/rollup';
import type { Outcome } from '../instruments/types';
import { aggregateKey, aggregateShard, type PeriodTag, subjectPeriodKey, subjectPointKey, subjectPointRange } from './rollup-keys';
import { ItemType, type TableKey } from './schema';

/**
 * The stored form of the rollups' per-subject state (the counters' own items are in rollup-keys.ts):
 * - a head per subject × instrument × period (`type: subjectPeriod`, `head`: the JSON of
 *   SubjectPeriod, `version`), written under its version so concurrent writers retry;
 * - a point item per assessment (`type: subjectPoint`, `point`: the JSON of its RollupPoint),
 *   written and deleted in the same transaction as the assessment and the heads.
 * Neither grows with the subject's history. Items of two older shapes keep a `record` attribute
 * instead of `head`: `{"points":[…]}` (every point) and `{count, first, latest}`; they are
 * converted on the first write that touches them (`legacy` below).
 */

const TAG: Record<PeriodKind, PeriodTag> = { month: 'M', quarter: 'Q' };

/** Whose rollup state an assessment touches. */
export interface RollupOwner {
  clinicId: string;
  subjectId: string;
  instrumentId: string;
}

/** A subject's period head as read before the write, with the version that guards it. */
export interface SubjectPeriodState {
  kind: PeriodKind;
  period: string;
  key: TableKey;
  /** The counter shard this subject's additions and removals go to (rollup-keys.ts, AGGREGATE_SHARDS). */
  shard: number;
  head?: SubjectPeriod;
  /** Set while the stored item still has a legacy `record`: every point it holds, whose point items may not exist yet. */
  legacy?: RollupPoint[];
  version: number;
}

/** The keys of the subject-period heads one assessment touches (a month and a quarter), and its counter shard. */
export function subjectPeriodSlots(clinicId: string, subjectId: string, instrumentId: string, day: string) {
  const shard = aggregateShard(subjectId);
  return PERIOD_KINDS.map((kind) => {
    const period = periodOf(day, kind);
    return { kind, period, key: subjectPeriodKey(clinicId, subjectId, instrumentId, TAG[kind], period), shard };
  });
}

/** Reads back a stored subject-period item, in the current shape or a legacy one (see the top of this file). */
export function toSubjectPeriodState(
  slot: ReturnType<typeof subjectPeriodSlots>[number],
  item?: Record<string, unknown>,
): SubjectPeriodState {
  if (!item) return { ...slot, version: 0 };
  const version = item.version as number;
  if (typeof item.head === 'string') return { ...slot, head: JSON.parse(item.head) as SubjectPeriod, version };
  const legacy = legacyPoints(item.record as string);
  return { ...slot, head: headOf(legacy), legacy, version };
}

type LegacyRecord = { points: RollupPoint[] } | { count: number; first: RollupPoint; latest: RollupPoint };

function legacyPoints(json: string): RollupPoint[] {
  const parsed = JSON.parse(json) as LegacyRecord;
  if ('points' in parsed) return parsed.points;
  // why: records written before the points were kept held only the first and latest point; read
  // them as those points so the subject, category and change counters they added still cancel out.
  return parsed.first.id === parsed.latest.id ? [parsed.first] : [parsed.first, parsed.latest];
}

/**
 * The transaction items that keep the aggregates exact when `point` is added (`sign` 1) or
 * removed (`sign` −1): per period, the subject's head (guarded by its version, so a concurrent
 * writer forces a retry instead of a lost update) and an ADD on the counters. The point's own
 * item is `pointPut` / `pointDelete`.
 * `outcome` is the instrument's (`outcomeOf`).
 * @example rollupWrites('t', 'demo', 'urica', await outcomeOf('urica'), states, point, 1, (s) => withPoint(s.head, point))
 */
export function rollupWrites(
  TableName: string,
  clinicId: string,
  instrumentId: string,
  outcome: Outcome | undefined,
  states: SubjectPeriodState[],
  point: RollupPoint,
  sign: 1 | -1,
  next: (state: SubjectPeriodState) => SubjectPeriod | undefined,
): TransactWriteItem[] {
  return states.flatMap((state): TransactWriteItem[] => {
    const after = next(state);
    const headWrite: TransactWriteItem = after
      ? {
          Put: {
            TableName,
            Item: marshall({ ...state.key, type: ItemType.subjectPeriod, head: JSON.stringify(after), version: state.version + 1 }),
            ...versionGuard(state),
          },
        }
      : { Delete: { TableName, Key: marshall(state.key), ...versionGuard(state) } };
    const delta = diffCounters(subjectCounters(outcome, state.head), subjectCounters(outcome, after), assessmentCounters(point), sign);
    return [headWrite, { Update: aggregateUpdate(TableName, clinicId, instrumentId, state, delta) }];
  });
}

/**
 * The outcome an instrument's change is judged by. The registry is imported on the first write,
 * not with the store: a cold start that only reads loads no instrument (docs/architecture.md,
 * "Cold start").
 * @example await outcomeOf('urica') // { score: 'readiness', better: 'higher' }
 */
export async function outcomeOf(instrumentId: string): Promise<Outcome | undefined> {
  return (await import('../instruments')).getInstrument(instrumentId)?.outcome;
}

function versionGuard(state: SubjectPeriodState) {
  return state.head
    ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: marshall({ ':v': state.version }) }
    : { ConditionExpression: 'attribute_not_exists(PK)' };
}

/**
 * The key of an assessment's point item.
 * @example pointKey({ clinicId: 'demo', subjectId: 'sub_1_x', instrumentId: 'urica' }, point).SK // 'urica#P#2026-11-20#…#asm_1'
 */
export function pointKey(owner: RollupOwner, point: RollupPoint): TableKey {
  return subjectPointKey(owner.clinicId, owner.subjectId, owner.instrumentId, point.administeredOn, point.createdAt, point.id);
}

/** @example pointPut('t', owner, point) // { Put: { TableName: 't', Item: { PK, SK, type: 'subjectPoint', point: '{…}' } } } */
export function pointPut(TableName: string, owner: RollupOwner, point: RollupPoint): TransactWriteItem {
  return { Put: { TableName, Item: marshall({ ...pointKey(owner, point), type: ItemType.subjectPoint, point: JSON.stringify(point) }) } };
}

/** @example pointDelete('t', owner, point) // { Delete: { TableName: 't', Key: { PK, SK } } } */
export function pointDelete(TableName: string, owner: RollupOwner, point: RollupPoint): TransactWriteItem {
  return { Delete: { TableName, Key: marshall(pointKey(owner, point)) } };
}

/** @example readPoint({ point: '{"id":"asm_1",…}' }).id // 'asm_1' */
export function readPoint(item: Record<string, unknown>): RollupPoint {
  return JSON.parse(item.point as string) as RollupPoint;
}

/** The sort-key bounds of the point items of a state's period (see `subjectPointRange`). */
export function periodPointRange(owner: RollupOwner, state: SubjectPeriodState) {
  const [from, to] = periodMonths(state.period, state.kind);
  return subjectPointRange(owner.clinicId, owner.subjectId, owner.instrumentId, from, to);
}

/**
 * The point items that converting the legacy heads among `states` writes: every point they
 * hold, each once (a month's points are also its quarter's), except the one being deleted.
 * Re-writing a point item that exists is harmless: its content follows from the assessment.
 * @example legacyPointPuts('t', owner, states, 'asm_deleted').length // 0 when no head is legacy
 */
export function legacyPointPuts(TableName: string, owner: RollupOwner, states: SubjectPeriodState[], except?: string): TransactWriteItem[] {
  const points = new Map<string, RollupPoint>();
  for (const state of states) for (const p of state.legacy ?? []) if (p.id !== except) points.set(p.id, p);
  return [...points.values()].map((p) => pointPut(TableName, owner, p));
}

/**
 * One ConditionCheck per legacy head, on the version it was read at: point items written ahead
 * of a conversion go with these, so they can only land while that legacy record still holds them.
 * @example legacyGuards('t', states) // [{ ConditionCheck: { Key, ConditionExpression: 'version = :v', … } }]
 */
export function legacyGuards(TableName: string, states: SubjectPeriodState[]): TransactWriteItem[] {
  return states
    .filter((state) => state.legacy)
    .map((state) => ({ ConditionCheck: { TableName, Key: marshall(state.key), ...versionGuard(state) } }));
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
