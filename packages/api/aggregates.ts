import { type AggregateGroup, complementMonths, hideGroup, periodsBetween, quarterOf, toGroup } from '../analytics/aggregates';
import { type LinkedCell, linkedComplement } from '../analytics/linked-suppression';
import { addCounters, type Counters, counter } from '../analytics/rollup';
import type { SuppressionPolicy } from '../analytics/suppression';
import { Forbidden, ValidationError } from '../domain/errors';
import type { ApiKeyRecord } from '../domain/records';
import { getInstrument } from '../instruments';
import type { Store } from '../store/port';
import type { AggregatesQuery } from './schemas';

/** Longest aggregate range per request: ten years of months. */
export const MAX_AGGREGATE_MONTHS = 120;
/** Clinic value that asks for the whole network (needs `analytics:network`). */
export const ALL_CLINICS = '*';

const quarterStart = (month: string) =>
  `${month.slice(0, 4)}-${String(Math.floor((Number(month.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}`;
const quarterEnd = (month: string) => shiftMonth(quarterStart(month), 2);

/** `YYYY-MM` moved by `delta` months. */
const shiftMonth = (month: string, delta: number) => {
  const i = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
};

/**
 * Which clinic a key may aggregate (or `*`, every clinic). Its own always; another, or the
 * network, only with the `analytics:network` scope, which only an operator can grant (keys CLI):
 * no route creates keys or changes scopes.
 */
function targetFor(auth: ApiKeyRecord, requested: string | undefined): string {
  if (requested === undefined || requested === auth.clinicId) return auth.clinicId;
  if (!auth.scopes.includes('analytics:network')) {
    throw new Forbidden('Other clinics’ aggregates need the `analytics:network` scope, granted by an operator.');
  }
  return requested;
}

/**
 * What a network key sees of `target` (a clinic, or `*` for the network total): every clinic's
 * months and quarters and the network's, over whole quarters, suppressed together. Each figure is
 * a cell of several published sums (a clinic's quarter is its months; a network month is its
 * clinics; a network quarter is both), so a cell hidden for one sum is treated as hidden in the
 * others (linkedComplement): a month hidden to protect a small clinic cannot be recovered from
 * the same clinic's quarter, nor that quarter from the network's.
 */
async function networkView(
  store: Store,
  instrument: string,
  target: string,
  groupBy: 'month' | 'quarter',
  from: string,
  to: string,
  policy: SuppressionPolicy,
): Promise<AggregateGroup[]> {
  const months = periodsBetween(quarterStart(from), quarterEnd(to), 'month');
  const quarters = periodsBetween(quarterStart(from), quarterEnd(to), 'quarter');
  // Every clinic that has (or had) a key is the network.
  const clinics = [...new Set([...(await store.listClinics()), ...(target === ALL_CLINICS ? [] : [target])])];
  const data = new Map<string, Map<string, Counters>>();
  await Promise.all(
    clinics.map(async (clinicId) => {
      const [byMonth, byQuarter] = await Promise.all([
        store.listAggregates(clinicId, instrument, 'month', months[0]!, months.at(-1)!),
        store.listAggregates(clinicId, instrument, 'quarter', quarters[0]!, quarters.at(-1)!),
      ]);
      data.set(clinicId, new Map([...byMonth, ...byQuarter].map((r) => [r.period, r.counters])));
    }),
  );
  const network = new Map<string, Counters>();
  for (const clinicId of clinics) {
    for (const [period, row] of data.get(clinicId)!) network.set(period, addCounters(network.get(period) ?? {}, row));
  }
  data.set(ALL_CLINICS, network);

  const owners = [...clinics, ALL_CLINICS];
  const key = (owner: string, period: string) => `${owner}\u001f${period}`;
  const groups = new Map<string, AggregateGroup>();
  const cells = new Map<string, LinkedCell>();
  for (const owner of owners) {
    for (const period of [...months, ...quarters]) {
      const counters = data.get(owner)!.get(period) ?? {};
      const group = toGroup(period, counters, policy);
      groups.set(key(owner, period), group);
      cells.set(key(owner, period), { hidden: group.subjects.suppressed, assessments: counters[counter.assessments] ?? 0 });
    }
  }
  // No sum spans two quarters, so each quarter is suppressed (and audited) on its own.
  const hidden = new Set<string>();
  for (const quarter of quarters) {
    const inQuarter = months.filter((month) => quarterOf(month) === quarter);
    const relations = [
      ...owners.map((owner) => [key(owner, quarter), ...inQuarter.map((month) => key(owner, month))]),
      ...[...inQuarter, quarter].map((period) => [key(ALL_CLINICS, period), ...clinics.map((c) => key(c, period))]),
    ];
    const local = new Map(owners.flatMap((o) => [...inQuarter, quarter].map((p) => [key(o, p), cells.get(key(o, p))!] as const)));
    for (const k of linkedComplement(local, relations)) hidden.add(k);
  }
  return (groupBy === 'month' ? months : quarters).map((period) => {
    const group = groups.get(key(target, period))!;
    return hidden.has(key(target, period)) ? hideGroup(group) : group;
  });
}

/**
 * `GET /v1/analytics/aggregates`: the published figures per period, read from the rollup
 * counters (summed across clinics for a network query: subjects are per clinic, so they add).
 * @example await aggregatesReport(store, auth, { instrument: 'urica' }, new Date(), suppressionPolicy(10))
 */
export async function aggregatesReport(store: Store, auth: ApiKeyRecord, q: AggregatesQuery, now: Date, policy: SuppressionPolicy) {
  if (!getInstrument(q.instrument)) {
    throw new ValidationError([{ path: 'instrument', message: 'Unknown instrument; see GET /v1/instruments.' }], 'unprocessable');
  }
  const groupBy = q.groupBy ?? 'month';
  const to = q.to ?? now.toISOString().slice(0, 7);
  const from = q.from ?? shiftMonth(to, -11);
  if (from > to) throw new ValidationError([{ path: 'from', message: 'Must not be after `to`.' }], 'malformed');
  if (from < shiftMonth(to, -(MAX_AGGREGATE_MONTHS - 1))) {
    throw new ValidationError([{ path: 'from', message: `At most ${MAX_AGGREGATE_MONTHS} months per request.` }], 'malformed');
  }
  const target = targetFor(auth, q.clinic);
  let published: AggregateGroup[];
  if (auth.scopes.includes('analytics:network')) {
    // A network key can read every clinic and the network total, in months and in quarters: its
    // figures are suppressed together (networkView), whichever one it asks for.
    published = await networkView(store, q.instrument, target, groupBy, from, to, policy);
  } else {
    // Months are computed for whole quarters so that complements across a quarter are the same
    // whichever months a request asks for.
    const [first, last] = groupBy === 'month' ? [quarterStart(from), quarterEnd(to)] : [from, to];
    const periods = periodsBetween(first, last, groupBy);
    const byPeriod = new Map(
      (await store.listAggregates(auth.clinicId, q.instrument, groupBy, periods[0]!, periods.at(-1)!)).map((r) => [r.period, r.counters]),
    );
    const groups = periods.map((period) => toGroup(period, byPeriod.get(period) ?? {}, policy));
    const counts = Object.fromEntries(periods.map((p) => [p, byPeriod.get(p)?.n ?? 0]));
    published = groupBy === 'month' ? complementMonths(groups, counts) : groups;
  }
  return {
    instrument: q.instrument,
    clinic: q.clinic ?? auth.clinicId,
    groupBy,
    from,
    to,
    suppression: {
      threshold: policy.threshold,
      rule: `Any figure resting on 1–${policy.threshold} subjects is suppressed (value null, suppressed true), with complementary suppression so it cannot be derived from totals or other cells. Zero is shown as 0.`,
    },
    groups: published.filter((g) => groupBy === 'quarter' || (g.period >= from && g.period <= to)),
  };
}
