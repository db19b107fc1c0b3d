import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { problem, problemResponse } from './problem';

/** Deepest nesting of arrays and objects a body may have; our bodies need 7 (a batch of worksheets). */
export const MAX_JSON_DEPTH = 32;

const JSON_TYPE = /^application\/([\w.+-]+\+)?json$/i;
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Whether `value` nests arrays/objects deeper than `max`. It descends at most `max + 1` levels,
 * so a hostile body nested thousands deep cannot exhaust the stack here (nor, refused, in any
 * code that later walks it). why recursive: the walk allocates nothing, which made the check a
 * third of its former cost on a 5 KB QuestionnaireResponse.
 * @example nestedDeeperThan([[[]]], 2) // true
 */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  return value !== null && typeof value === 'object' && deeper(value, 1, max);
}

function deeper(node: object, depth: number, max: number): boolean {
  if (depth > max) return true;
  if (Array.isArray(node)) {
    for (const child of node) if (child !== null && typeof child === 'object' && deeper(child, depth + 1, max)) return true;
    return false;
  }
  for (const key in node) {
    const child = (node as Record<string, unknown>)[key];
    if (child !== null && typeof child === 'object' && deeper(child, depth + 1, max)) return true;
  }
  return false;
}

export type Refusal = { type: Parameters<typeof problem>[0]; detail: string };

/**
 * The body's bytes, at most `maxBytes`; a refusal for a body too large or one the connection broke off.
 * Shared by the JSON reader and the FHIR form reader, so both bound and refuse bodies alike.
 * @example const bytes = await readBody(c, 8 * 1024); if (!(bytes instanceof Uint8Array)) return problemResponse(c, problem(bytes.type, bytes.detail));
 */
export async function readBody(c: Context, maxBytes: number): Promise<Uint8Array | Refusal> {
  const tooLarge: Refusal = { type: 'payload-too-large', detail: `The body exceeds ${maxBytes} bytes.` };
  const unreadable: Refusal = { type: 'malformed-request', detail: 'The request body could not be read.' };
  const declared = c.req.header('content-length');
  if (declared !== undefined && Number(declared) > maxBytes) return tooLarge;
  const stream = c.req.raw.body;
  if (!stream) return new Uint8Array();
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      // why: without a content-length (chunked) the length is known only while reading.
      if (size > maxBytes) {
        void reader.cancel().catch(() => {});
        return tooLarge;
      }
      chunks.push(value);
    }
  } catch {
    // why: a broken chunked encoding or a dropped connection is the client's fault: Node has
    // already answered 400, and the log must say what the client got, not 500.
    return unreadable;
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * Whether the request's body is of a media type `type` matches, in UTF-8 (or no charset named),
 * without a content coding: what every body reader accepts before reading a byte.
 * @example isUtf8Body(c, /^application\/x-www-form-urlencoded$/i)
 */
export function isUtf8Body(c: Context, type: RegExp): boolean {
  const coding = c.req.header('content-encoding');
  if (coding && !/^identity$/i.test(coding)) return false;
  const header = c.req.header('content-type') ?? '';
  // why: the usual header is a bare media type; it needs no splitting into parameters.
  if (!header.includes(';')) return type.test(header.trim());
  const [mediaType = '', ...params] = header.split(';').map((p) => p.trim());
  const charset = params
    .find((p) => /^charset=/i.test(p))
    ?.slice(8)
    .replace(/"/g, '');
  return type.test(mediaType) && !(charset && !/^utf-8$/i.test(charset));
}

/**
 * Reads a JSON request body once, for every route that takes one, before any validator sees it:
 * `application/json` (or `+json`) in UTF-8 without a content coding (else 415), at most
 * `maxBytes` (413), well-formed UTF-8 JSON (400) nested at most MAX_JSON_DEPTH deep (400). The
 * text is handed on through Hono's body cache, so the validator parses exactly these bytes.
 * @example app.post('/v1/score', jsonBody(64 * 1024), valid('json', scoreRequest), handler)
 */
export function jsonBody(maxBytes: number) {
  return createMiddleware(async (c, next) => {
    if (!isUtf8Body(c, JSON_TYPE)) {
      return problemResponse(
        c,
        problem('unsupported-media-type', 'Send the body as application/json in UTF-8, without a content encoding.'),
      );
    }
    const bytes = await readBody(c, maxBytes);
    if (!(bytes instanceof Uint8Array)) return problemResponse(c, problem(bytes.type, bytes.detail));
    let text: string;
    let value: unknown;
    try {
      text = decoder.decode(bytes);
      value = JSON.parse(text);
    } catch {
      return problemResponse(c, problem('malformed-request', 'The request body is not valid JSON in UTF-8.'));
    }
    if (nestedDeeperThan(value, MAX_JSON_DEPTH)) {
      return problemResponse(c, problem('malformed-request', `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`));
    }
    // why: Hono keeps the body's promise here (typed as its value), for any reader of the text.
    (c.req.bodyCache as Record<string, unknown>).text = Promise.resolve(text);
    // why: the validator and the FHIR handlers read `json()`, which would parse the text a second
    // time (a tenth of a FHIR request's CPU); they get the value parsed and depth-checked here.
    const parsed = Promise.resolve(value);
    (c.req as { json: () => Promise<unknown> }).json = () => parsed;
    await next();
  });
}
