import { invalidCursor } from '../domain/errors';
import type { Page, StoredAssessment } from '../domain/records';
import type { Store } from '../store/port';

/** Where a search across key versions stands: the version index, and the position within it. */
export interface SearchPosition {
  at: number;
  inner?: string;
}

/**
 * A client's history by ref across pseudonym key versions: records made before a key rotation
 * carry the older id. Reads the current version's records first (newest first), then each older
 * version's; the page ends with the position to resume from (the API seals it).
 * @example await searchAcrossVersions(store, 'demo', pseudonymizer.subjectIdsAllVersions('demo', ref), 20)
 */
export async function searchAcrossVersions(
  store: Store,
  clinicId: string,
  subjectIds: string[],
  limit: number,
  from: SearchPosition = { at: 0 },
): Promise<{ items: StoredAssessment[]; next?: SearchPosition }> {
  let { at, inner } = from;
  if (!Number.isInteger(at) || at < 0 || at >= subjectIds.length || (inner !== undefined && typeof inner !== 'string'))
    throw invalidCursor();
  const items: StoredAssessment[] = [];
  while (at < subjectIds.length && items.length < limit) {
    const page: Page<StoredAssessment> = await store.listSubjectAssessments(clinicId, subjectIds[at]!, {
      limit: limit - items.length,
      ...(inner ? { cursor: inner } : {}),
    });
    items.push(...page.items);
    if (page.cursor) return { items, next: { at, inner: page.cursor } };
    at += 1;
    inner = undefined;
  }
  return at < subjectIds.length ? { items, next: { at } } : { items };
}
