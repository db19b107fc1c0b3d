import { ValidationError } from '../instruments/errors';
import type { Page, Store, StoredAssessment } from '../store/port';

const badCursor = () => new ValidationError([{ path: 'cursor', message: 'The cursor is not valid.' }], 'malformed');

function decode(cursor: string | undefined, versions: number): { at: number; inner?: string } {
  if (cursor === undefined) return { at: 0 };
  try {
    const { at, inner } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { at?: unknown; inner?: unknown };
    if (Number.isInteger(at) && (at as number) >= 0 && (at as number) < versions && (inner === undefined || typeof inner === 'string')) {
      return { at: at as number, ...(inner ? { inner } : {}) };
    }
  } catch {
    // fall through
  }
  throw badCursor();
}

const encode = (at: number, inner?: string) => Buffer.from(JSON.stringify({ at, ...(inner ? { inner } : {}) })).toString('base64url');

/**
 * A client's history by ref across pseudonym key versions: records made before a key rotation
 * carry the older id. Reads the current version's records first (newest first), then each older
 * version's, under one opaque cursor.
 * @example await searchAcrossVersions(store, 'demo', pseudonymizer.subjectIdsAllVersions('demo', ref), 20)
 */
export async function searchAcrossVersions(
  store: Store,
  clinicId: string,
  subjectIds: string[],
  limit: number,
  cursor?: string,
): Promise<Page<StoredAssessment>> {
  let { at, inner } = decode(cursor, subjectIds.length);
  const items: StoredAssessment[] = [];
  while (at < subjectIds.length && items.length < limit) {
    const page = await store.listSubjectAssessments(clinicId, subjectIds[at]!, {
      limit: limit - items.length,
      ...(inner ? { cursor: inner } : {}),
    });
    items.push(...page.items);
    if (page.cursor) return { items, cursor: encode(at, page.cursor) };
    at += 1;
    inner = undefined;
  }
  return at < subjectIds.length ? { items, cursor: encode(at) } : { items };
}
