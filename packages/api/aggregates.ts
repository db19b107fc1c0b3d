import { type AggregateGroup, complementMonths, complementOf, hideGroup, periodsBetween, toGroup } from '../analytics/aggregates';
import type { Counters } from '../analytics/rollup';
import type { SuppressionPolicy } from '../analytics/suppression';
import { getInstrument } from '../instruments';
import { Forbidden, ValidationError } from '../instruments/errors';
import type { ApiKeyRecord, Store } from '../store/port';
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
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

/**
 * Which clinics a key may aggregate. Its own always; another, or every clinic (`*`), only with
 * the `analytics:network` scope, which only an operator can grant (keys CLI): no route creates
 * keys or changes scopes.
 */
async function clinicsFor(store: Store, auth: ApiKeyRecord, requested: string | undefined): Promise<string[]> {
  if (requested === undefined || requested === auth.clinicId) return [auth.clinicId];
  if (!auth.scopes.includes('analytics:network')) {
    throw new Forbidden('Other clinics’ aggregates need the `analytics:network` scope, granted by an operator.');
  }
  return requested === ALL_CLINICS ? allClinics(store) : [requested];
}

/** Every clinic that has (or had) a key: the network. */
async function allClinics(store: Store): Promise<string[]> {
  return store.listClinics();
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
  const clinics = await clinicsFor(store, auth, q.clinic);
  // Months are computed for whole quarters so that complements across a quarter are the same
  // whichever months a request asks for.
  const [first, last] = groupBy === 'month' ? [quarterStart(from), quarterEnd(to)] : [from, to];
  const periods = periodsBetween(first, last, groupBy);
  const counters = async (clinicId: string) =>
    new Map((await store.listAggregates(clinicId, q.instrument, groupBy, periods[0]!, periods.at(-1)!)).map((r) => [r.period, r.counters]));
  const publish = (byPeriod: Map<string, Counters>) => {
    const groups = periods.map((period) => toGroup(period, byPeriod.get(period) ?? {}, policy));
    const counts = Object.fromEntries(periods.map((p) => [p, byPeriod.get(p)?.n ?? 0]));
    return groupBy === 'month' ? complementMonths(groups, counts) : groups;
  };

  let published: AggregateGroup[];
  if (q.clinic === ALL_CLINICS) {
    const sum = new Map<string, Counters>();
    for (const clinicId of clinics) {
      for (const [period, row] of await counters(clinicId)) {
        const acc = sum.get(period) ?? {};
        for (const [k, v] of Object.entries(row)) acc[k] = (acc[k] ?? 0) + v;
        sum.set(period, acc);
      }
    }
    published = publish(sum);
  } else if (auth.scopes.includes('analytics:network')) {
    // A network key can also ask for the network total: each clinic — its own included — is a
    // cell of it, so a clinic hidden alone in a period gets a complement among the others.
    const target = clinics[0]!;
    const everyone = await allClinics(store);
    const perClinic = new Map(await Promise.all(everyone.map(async (id) => [id, await counters(id)] as const)));
    const views = new Map([...perClinic].map(([id, byPeriod]) => [id, publish(byPeriod)]));
    published = publish(perClinic.get(target) ?? (await counters(target))).map((group, i) => {
      const cells = everyone.map((id) => ({
        key: id,
        hidden: views.get(id)![i]!.subjects.suppressed,
        assessments: perClinic.get(id)!.get(group.period)?.n ?? 0,
      }));
      return complementOf(cells).includes(target) ? hideGroup(group) : group;
    });
  } else {
    published = publish(await counters(auth.clinicId));
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
