import { invalidCursor } from '../domain/errors';
import type { Pseudonymizer } from './pseudonymizer';

/** The kinds of cursor the API hands out; each is sealed under its own purpose. */
export type CursorKind = 'history' | 'search' | 'audit' | 'export';

/**
 * The one cursor codec of the API. Every cursor a client sees is the page state sealed
 * (AES-256-GCM through the pseudonymizer, a key per kind) together with its scope (the clinic,
 * and the subject for a history): a cursor reveals nothing (no ids, no times) and cannot be
 * forged, edited or replayed on another clinic, subject or kind of list.
 */
export interface CursorCodec {
  /** @example cursors.seal('history', `${clinicId}/${subjectId}`, storePosition) */
  seal<T>(kind: CursorKind, scope: string, state: T): string;
  /** The state sealed for this kind and scope; throws the 400 `cursor` validation error for anything else. */
  open<T>(kind: CursorKind, scope: string, token: string): T;
}

/**
 * @example const cursors = cursorCodec(pseudonymizer); const next = cursors.seal('audit', 'demo', 'SK…');
 */
export function cursorCodec(pseudonymizer: Pseudonymizer): CursorCodec {
  const purpose = (kind: CursorKind) => `cursor:${kind}`;
  return {
    seal(kind, scope, state) {
      return pseudonymizer.seal(purpose(kind), JSON.stringify({ s: scope, v: state }));
    },
    open(kind, scope, token) {
      const text = pseudonymizer.unseal(purpose(kind), token);
      let parsed: { s?: unknown; v?: unknown } | undefined;
      try {
        parsed = text === undefined ? undefined : (JSON.parse(text) as { s?: unknown; v?: unknown });
      } catch {
        parsed = undefined;
      }
      if (!parsed || parsed.s !== scope || parsed.v === undefined) throw invalidCursor();
      return parsed.v as never;
    },
  };
}
