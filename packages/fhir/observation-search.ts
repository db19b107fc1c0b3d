import type { CursorCodec } from '../api/cursor';
import type { Pseudonymizer } from '../api/pseudonymizer';
import { type SearchPosition, searchAcrossVersions } from '../api/subject-search';
import { type FieldError, ValidationError } from '../domain/errors';
import type { AssessmentView } from '../domain/records';
import type { Store } from '../store/port';

/** What `POST /fhir/r4/Observation/_search` reads from its form body. */
export interface ObservationSearch {
  /** `system|value` of `subject:identifier`: the client's ref, pseudonymized as `subject.ref` is. */
  ref: string;
  /** Instrument ids (`code`, with or without our code system in front); empty: every instrument. */
  instruments: string[];
  /** Inclusive day bounds from `date` (`ge`, `le`, `eq` or no prefix). */
  from?: string;
  to?: string;
  count: number;
  cursor?: string;
}

const MAX_COUNT = 100;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PARAMETERS = new Set(['subject:identifier', 'code', 'date', '_count', '_cursor']);

/**
 * Reads the search's form parameters (repeated keys allowed). Errors name the parameter, never its value.
 * @example parseObservationSearch(new URLSearchParams('subject:identifier=urn:ehr|8f3a&date=ge2026-01-01')) // { ref: 'urn:ehr|8f3a', from: '2026-01-01', … }
 */
export function parseObservationSearch(form: URLSearchParams): ObservationSearch {
  const errors: FieldError[] = [];
  const unknown = [...new Set(form.keys())].filter((k) => !PARAMETERS.has(k)).length;
  if (unknown > 0)
    errors.push({ path: '', message: unknown === 1 ? 'Unknown search parameter.' : `${unknown} unknown search parameters.` });
  const refs = form.getAll('subject:identifier');
  const ref = refs[0] ?? '';
  if (refs.length !== 1 || !/^[^|]{1,256}\|[^|]{1,128}$/.test(ref)) {
    errors.push({ path: 'subject:identifier', message: 'Exactly one subject identifier is required, as system|value.' });
  }
  const instruments = form.getAll('code').flatMap((c) => c.split(',').map((one) => one.split('|').at(-1) ?? ''));
  if (instruments.some((i) => !/^[a-z0-9-]{1,64}$/.test(i))) errors.push({ path: 'code', message: 'Not an instrument code.' });
  let from: string | undefined;
  let to: string | undefined;
  for (const date of form.getAll('date')) {
    const match = /^(ge|le|eq)?(.*)$/.exec(date);
    const [prefix, day] = [match?.[1] ?? 'eq', match?.[2] ?? ''];
    if (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
      errors.push({ path: 'date', message: 'A day (YYYY-MM-DD) with an optional ge, le or eq prefix.' });
      continue;
    }
    if (prefix !== 'le' && (from === undefined || day > from)) from = day;
    if (prefix !== 'ge' && (to === undefined || day < to)) to = day;
  }
  const countText = form.get('_count') ?? '20';
  const count = /^\d{1,3}$/.test(countText) ? Number(countText) : Number.NaN;
  if (!(count >= 1 && count <= MAX_COUNT)) errors.push({ path: '_count', message: `An integer from 1 to ${MAX_COUNT}.` });
  if (errors.length > 0) throw new ValidationError(errors, 'malformed');
  const cursor = form.get('_cursor') ?? undefined;
  return { ref, instruments, ...(from ? { from } : {}), ...(to ? { to } : {}), count, ...(cursor ? { cursor } : {}) };
}

/** Reads per request at most, so a filter that matches little still answers quickly (with a next page). */
const MAX_READS = 10;

/** The sealed state of a next page: where the history read stands, and how many matches the earlier pages gave. */
interface ObservationPosition extends SearchPosition {
  /** Absent in a cursor sealed before totals were kept: that search then ends without a total. */
  matched?: number;
}

/**
 * The matching assessments of one client, newest first, `count` at most, and the sealed cursor
 * of the next page (scoped to the clinic and the client, so it works only for the same search).
 * `total` (every match of the search, all pages) is given by the page that ends the search: the
 * cursor carries the matches of the pages before it, so it costs no read. While pages follow, no
 * total: DynamoDB counts only by reading, and counting the whole history would cost every page
 * what the whole search costs (docs/fhir-store.md).
 * @example await searchObservations({ store, pseudonymizer, cursors }, 'demo', parseObservationSearch(form)) // { items: [view, …], next: '…' }
 */
export async function searchObservations(
  deps: { store: Store; pseudonymizer: Pseudonymizer; cursors: CursorCodec },
  clinicId: string,
  search: ObservationSearch,
): Promise<{ items: AssessmentView[]; next?: string; total?: number }> {
  const subjectIds = deps.pseudonymizer.subjectIdsAllVersions(clinicId, search.ref);
  const scope = `${clinicId}/${subjectIds[0]}/${search.instruments.join(',')}/${search.from ?? ''}/${search.to ?? ''}`;
  const opened: ObservationPosition = search.cursor
    ? deps.cursors.open<ObservationPosition>('search', `fhir/${scope}`, search.cursor)
    : { at: 0, matched: 0 };
  const { matched, ...start } = opened;
  // why: sealed by us, so only a cursor from before totals lacks it; never trust a shape we did not write.
  const before = Number.isInteger(matched) && (matched as number) >= 0 ? (matched as number) : undefined;
  let position: SearchPosition | undefined = start;
  const items: AssessmentView[] = [];
  for (let reads = 0; position && items.length < search.count && reads < MAX_READS; reads += 1) {
    const page: Awaited<ReturnType<typeof searchAcrossVersions>> = await searchAcrossVersions(
      deps.store,
      clinicId,
      subjectIds,
      search.count - items.length,
      position,
    );
    items.push(
      ...page.items
        .map((a) => a.view)
        .filter(
          (v) =>
            (search.instruments.length === 0 || search.instruments.includes(v.instrument.id)) &&
            (search.from === undefined || v.administeredOn >= search.from) &&
            (search.to === undefined || v.administeredOn <= search.to),
        ),
    );
    position = page.next;
  }
  const seen = before === undefined ? undefined : before + items.length;
  if (!position) return seen === undefined ? { items } : { items, total: seen };
  const next: ObservationPosition = seen === undefined ? position : { ...position, matched: seen };
  return { items, next: deps.cursors.seal('search', `fhir/${scope}`, next) };
}
