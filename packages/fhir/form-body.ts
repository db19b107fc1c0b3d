import type { Context } from 'hono';
import { isUtf8Body, readBody } from '../api/json-body';
import { problem, problemResponse } from '../api/problem';

/** A search form holds a handful of short parameters; 8 KiB is far above any honest one. */
export const MAX_FORM_BYTES = 8 * 1024;

const FORM_TYPE = /^application\/x-www-form-urlencoded$/i;
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads an `application/x-www-form-urlencoded` body (FHIR's POST search, docs/fhir-store.md):
 * UTF-8 without a content coding (else 415), at most `maxBytes` (413), well-formed UTF-8 (400).
 * Its answer is the form, or the problem response to send as it is (outcomes() renders it as
 * an OperationOutcome). Nothing of the body is ever echoed.
 * @example const form = await readForm(c); if (form instanceof Response) return form;
 */
export async function readForm(c: Context, maxBytes = MAX_FORM_BYTES): Promise<URLSearchParams | Response> {
  if (!isUtf8Body(c, FORM_TYPE)) {
    return problemResponse(
      c,
      problem('unsupported-media-type', 'Send the search as application/x-www-form-urlencoded in UTF-8, without a content encoding.'),
    );
  }
  const bytes = await readBody(c, maxBytes);
  if (!(bytes instanceof Uint8Array)) return problemResponse(c, problem(bytes.type, bytes.detail));
  try {
    return new URLSearchParams(decoder.decode(bytes));
  } catch {
    return problemResponse(c, problem('malformed-request', 'The request body is not valid UTF-8.'));
  }
}
