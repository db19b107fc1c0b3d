import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { jsonText } from './json-text';
import { type Draft, type Encoding, type Keys, mutation } from './mutations';
import { type Fixtures, goodParams, type OpenApi, type Operation, validBody } from './valid';

/**
 * The request generator: for one operation of the document, a valid request (valid.ts) with up
 * to four mutations applied (mutations.ts), encoded as `app.request` takes it.
 */

export type { Keys };

export interface FuzzRequest {
  operation: string;
  method: string;
  url: string;
  headers: [string, string][];
  body?: string | Uint8Array;
  /** The body's text before encoding: where the canaries are read from. */
  text: string;
  notes: string[];
}

/**
 * Seeded requests for `op`: valid ones, and valid ones with up to four mutations.
 * @example fc.sample(requests(op, doc, fixtures, keys), 3)
 */
export function requests(op: Operation, doc: OpenApi, fixtures: Fixtures, keys: Keys): fc.Arbitrary<FuzzRequest> {
  const params = goodParams(fixtures)[op.key];
  if (!params) throw new Error(`No good parameters for ${op.key}: add it to goodParams (valid.ts)`);
  const body = validBody(op, doc, fixtures) ?? fc.constant(undefined);
  const draft = fc.tuple(fc.record(params), body).map(
    ([values, b]): Draft => ({
      op,
      method: op.method,
      pathParams: Object.fromEntries(op.pathParams.map((n) => [n, values[n]!])),
      query: op.queryParams.filter((n) => values[n] !== undefined).map((n) => [n, values[n]!]),
      rawQuery: [],
      headers: [
        ...(op.secured ? ([['authorization', `Bearer ${keys.full}`]] as [string, string][]) : []),
        ...op.headerParams.filter((n) => values[n] !== undefined).map((n) => [n.toLowerCase(), values[n]!] as [string, string]),
        ...(b === undefined ? [] : ([['content-type', 'application/json']] as [string, string][])),
      ],
      ...(b === undefined ? {} : { body: b }),
      encoding: 'utf-8',
      suffix: '',
      notes: [],
    }),
  );
  const count = fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 6, arbitrary: fc.integer({ min: 1, max: 4 }) });
  const mutations = count.chain((n) => fc.array(mutation(keys, op), { minLength: n, maxLength: n }));
  return fc.tuple(draft, mutations).map(([d, ms]) =>
    build(
      ms.reduce((acc, m) => m(acc), d),
      keys,
    ),
  );
}

/** Percent-encodes all but unreserved characters and `keep`; lone surrogates become U+FFFD. */
function encode(value: string, keep: RegExp): string {
  return [...value]
    .map((ch) => (keep.test(ch) ? ch : [...Buffer.from(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')))
    .join('');
}
const PATH_KEEP = /^[A-Za-z0-9\-._~%!$'()*,;:@]$/;
const QUERY_KEEP = /^[A-Za-z0-9\-._~%!$'()*,;:@/?]$/;

function bytes(text: string, encoding: Encoding): string | Uint8Array {
  switch (encoding) {
    case 'utf-16le':
    case 'latin1':
      return Buffer.from(text, encoding);
    case 'invalid-utf-8': {
      const cut = Math.max(0, text.indexOf('"') + 1);
      return Buffer.concat([
        Buffer.from(text.slice(0, cut)),
        Buffer.from([0xff, 0xc0, 0x80, 0xed, 0xa0, 0x80]),
        Buffer.from(text.slice(cut)),
      ]);
    }
    case 'gzip':
      return gzipSync(text);
    default:
      return text;
  }
}

function build(d: Draft, keys: Keys): FuzzRequest {
  const path = d.op.path.replace(/\{(\w+)\}/g, (_, name: string) => encode(d.pathParams[name] ?? '', PATH_KEEP));
  const query = [...d.query.map(([n, v]) => `${encode(n, QUERY_KEEP)}=${encode(v, QUERY_KEEP)}`), ...d.rawQuery].join('&');
  const url = `http://${d.host ?? 'localhost'}${path}${d.suffix}${query ? `?${query}` : ''}`;
  const canSend = d.method.toUpperCase() !== 'GET' && d.method.toUpperCase() !== 'HEAD';
  const text = d.bodyText ?? (d.body === undefined ? '' : jsonText(d.body));
  const hasBody = canSend && (d.body !== undefined || d.bodyText !== undefined);
  const encodingHeader = d.encoding === 'gzip' || d.encoding === 'not-gzip' ? 'gzip' : undefined;
  const headers = hasBody && encodingHeader ? [...d.headers, ['content-encoding', encodingHeader] as [string, string]] : d.headers;
  const request: FuzzRequest = {
    operation: d.op.key,
    method: d.method,
    url,
    headers,
    ...(hasBody ? { body: bytes(text, d.encoding) } : {}),
    text: hasBody ? text : '',
    notes: d.notes,
  };
  return Object.assign(request, { [fc.toStringMethod]: () => describe(request, keys) });
}

/**
 * A failing request as a reader needs it: the keys by role, a long body cut short.
 * @example describe(request, keys) // 'POST http://localhost/v1/subjects/search …'
 */
export function describe(r: FuzzRequest, keys: Keys): string {
  const role = (v: string) => v.replaceAll(keys.full, '<fuzz-clinic key, all scopes>').replaceAll(keys.readOnly, '<read-only key>');
  const size = r.body === undefined ? 0 : typeof r.body === 'string' ? Buffer.byteLength(r.body) : r.body.length;
  return [
    `${r.method} ${role(r.url.length > 300 ? `${r.url.slice(0, 300)}… (${r.url.length} chars)` : r.url)}`,
    ...r.headers.map(([n, v]) => `  ${n}: ${role(v.length > 120 ? `${v.slice(0, 100)}… (${v.length} chars)` : v)}`),
    ...(r.body === undefined ? [] : [`  body (${size} bytes): ${r.text.length > 300 ? `${r.text.slice(0, 300)}…` : r.text}`]),
    `  mutations: ${r.notes.length ? r.notes.join('; ') : 'none (a valid request)'}`,
  ].join('\n');
}
