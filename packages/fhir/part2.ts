import { BoundedMap } from '../api/bounded-map';
import type { Store } from '../store/port';

/** How long a clinic's "is a Part 2 program" is remembered. A "not Part 2" is never remembered. */
export const PART2_CACHE_SECONDS = 30;
const MAX_CLINICS = 1000;

/**
 * Whether a clinic is a 42 CFR Part 2 program, from its settings. why: every FHIR answer needs
 * it, and a table read per request cost `$extract` most of its throughput. Only a "yes" is
 * remembered: a stale yes labels a few seconds longer than asked (safe); a stale no would send a
 * Part 2 client's results unlabelled, so a "no" is read again on every request and an operator's
 * `--on` takes effect at once (docs/fhir-store.md, "Clinic settings").
 * @example const part2 = part2Lookup(store, () => new Date()); await part2('clinic-a') // true
 */
export function part2Lookup(store: Pick<Store, 'getClinicSettings'>, now: () => Date) {
  const yes = new BoundedMap<string, number>(MAX_CLINICS);
  return async (clinicId: string): Promise<boolean> => {
    const until = yes.get(clinicId);
    const t = now().getTime();
    if (until !== undefined && t < until) return true;
    const { part2 } = await store.getClinicSettings(clinicId);
    if (part2) yes.set(clinicId, t + PART2_CACHE_SECONDS * 1000);
    else yes.delete(clinicId);
    return part2;
  };
}
