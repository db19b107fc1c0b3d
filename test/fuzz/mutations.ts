import fc from 'fast-check';
import { getAt, type Json, jsonText, objectPathsOf, pathsOf, updateAt, withKey } from './json-text';
import { canary, forgedCursor, idCanary, junkBodyText, junkKey, junkParam, junkValue, manyKeys } from './junk';
import type { Operation } from './valid';

/**
 * The mutations the fuzzer applies to a valid request (a draft, not yet encoded): body parts
 * replaced, added or removed, the body's text, type and encoding, the key, headers, path
 * parameters, query and method. Each one notes what it did, so a failure reads as a short list
 * of changes to a valid request.
 */

export interface Keys {
  /** Every scope of `fuzz-clinic`. */
  full: string;
  readOnly: string;
}

export type Encoding = 'utf-8' | 'utf-16le' | 'latin1' | 'invalid-utf-8' | 'gzip' | 'not-gzip';

export interface Draft {
  op: Operation;
  method: string;
  pathParams: Record<string, string>;
  query: [string, string][];
  rawQuery: string[];
  headers: [string, string][];
  body?: Json;
  bodyText?: string;
  encoding: Encoding;
  host?: string;
  suffix: string;
  notes: string[];
}

export type Mutation = (d: Draft) => Draft;
const note = (d: Draft, text: string, change: Partial<Draft>): Draft => ({ ...d, ...change, notes: [...d.notes, text] });
const show = (v: Json | string) => {
  const text = typeof v === 'string' ? JSON.stringify(v) : jsonText(v);
  return text.length > 80 ? `${text.slice(0, 60)}… (${text.length} chars)` : text;
};
const where = (path: (string | number)[]) => ['body', ...path].join('.');
const setHeader = (d: Draft, name: string, value: string | undefined) => [
  ...d.headers.filter(([n]) => n !== name),
  ...(value === undefined ? [] : ([[name, value]] as [string, string][])),
];

const bodyMutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.tuple(fc.nat(), junkValue).map(([i, value]) => (d: Draft) => {
      if (d.body === undefined) return d;
      const paths = pathsOf(d.body);
      const path = paths[i % paths.length]!;
      return note(d, `replace ${where(path)} with ${show(value)}`, { body: updateAt(d.body, path, () => value) ?? null });
    }),
  },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.nat(), junkValue).map(([i, value]) => (d: Draft) => {
      if (d.body === undefined) return d;
      const paths = pathsOf(d.body).filter((p) => typeof getAt(d.body!, p) === 'string');
      if (paths.length === 0) return d;
      const path = paths[i % paths.length]!;
      return note(d, `replace ${where(path)} with ${show(value)}`, { body: updateAt(d.body, path, () => value) ?? null });
    }),
  },
  {
    weight: 4,
    arbitrary: fc.tuple(fc.nat(), junkKey, fc.oneof(junkValue, canary)).map(([i, key, value]) => (d: Draft) => {
      if (d.body === undefined) return d;
      const paths = objectPathsOf(d.body);
      if (paths.length === 0) return d;
      const path = paths[i % paths.length]!;
      const body = updateAt(d.body, path, (o) => withKey(o as { [k: string]: Json }, key, value));
      return note(d, `add key ${show(key)} = ${show(value)} at ${where(path)}`, { body: body ?? null });
    }),
  },
  {
    weight: 2,
    arbitrary: fc.nat().map((i) => (d: Draft) => {
      if (d.body === undefined) return d;
      const paths = pathsOf(d.body).slice(1);
      if (paths.length === 0) return d;
      const path = paths[i % paths.length]!;
      return note(d, `remove ${where(path)}`, { body: updateAt(d.body, path, () => undefined) ?? null });
    }),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.nat(), fc.integer({ min: 100, max: 7_000 })).map(([i, count]) => (d: Draft) => {
      if (d.body === undefined) return d;
      const paths = objectPathsOf(d.body);
      if (paths.length === 0) return d;
      const path = paths[i % paths.length]!;
      const body = updateAt(d.body, path, (o) => ({ ...manyKeys(count, 36 ** 3), ...(o as object) }));
      return note(d, `add ${count} short unknown keys at ${where(path)}`, { body: body ?? null });
    }),
  },
  {
    weight: 1,
    arbitrary: junkBodyText.map((make) => (d: Draft) => {
      const text = make(d.body === undefined ? '' : jsonText(d.body));
      return note(d, `body text ${show(text)}`, { bodyText: text });
    }),
  },
);

const CONTENT_TYPES = [
  undefined,
  'text/plain',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=zqx000000',
  'application/problem+json',
  'application/vnd.api+json',
  'APPLICATION/JSON',
  'application/json;;;',
  'application/jsonx',
  '*/*',
  '',
];
const ENCODINGS: Encoding[] = ['utf-16le', 'latin1', 'invalid-utf-8', 'gzip', 'not-gzip'];

const formatMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc
    .constantFrom(...CONTENT_TYPES)
    .map((type) => (d: Draft) => note(d, `content-type ${type}`, { headers: setHeader(d, 'content-type', type) })),
  fc.constantFrom(...ENCODINGS).map((encoding) => (d: Draft) => note(d, `encoding ${encoding}`, { encoding })),
);

/** Header values must be Latin-1 without CR, LF or NUL, or the Request cannot be built. */
const headerJunk = fc.oneof(
  canary,
  canary.map((c) => `${c} é ÿ \t`),
  fc.tuple(canary, fc.integer({ min: 256, max: 8_000 })).map(([c, n]) => `${c}${'a'.repeat(n)}`),
  fc.constantFrom('', ' ', ','),
);

const headerMutation = (keys: Keys): fc.Arbitrary<Mutation> =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .oneof(
          fc.constant(undefined),
          fc.constant(`Bearer ${keys.readOnly}`),
          fc.constantFrom('Bearer', 'Bearer ', `bearer   ${keys.full}`, `Bearer ${keys.full} `, `Bearer ${keys.full}, Bearer ${keys.full}`),
          headerJunk.map((v) => `Bearer ${v}`),
          headerJunk.map((v) => `Basic ${v}`),
          fc.tuple(fc.stringMatching(/^[0-9a-f]{16}$/), canary).map(([id, c]) => `Bearer mia_${id}${c}${'A'.repeat(34)}`),
          fc.constant(`Bearer ${keys.full.slice(0, -4)}AAAA`),
        )
        .map((value) => (d: Draft) => note(d, `authorization ${value ?? 'absent'}`, { headers: setHeader(d, 'authorization', value) })),
    },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.constant(undefined),
          headerJunk,
          fc.tuple(canary, canary).map(([a, b]) => `${a}, ${b}`),
        )
        .map((value) => (d: Draft) => note(d, `idempotency-key ${value ?? 'absent'}`, { headers: setHeader(d, 'idempotency-key', value) })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            'accept',
            'accept-encoding',
            'x-forwarded-for',
            'x-forwarded-proto',
            'x-http-method-override',
            'origin',
            'cookie',
            'range',
          ),
          fc.oneof(headerJunk, fc.constantFrom('text/html', 'gzip, br', 'DELETE', 'https://evil.example', '1.2.3.4, ::1', 'bytes=0-1')),
        )
        .map(
          ([name, value]) =>
            (d: Draft) =>
              note(d, `${name}: ${value}`, { headers: setHeader(d, name, value) }),
        ),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom('host', 'x-forwarded-host').map(
        (name) => (d: Draft) =>
          note(d, `${name}: evil.example`, {
            headers: setHeader(d, name, 'evil.example'),
            ...(name === 'host' ? { host: 'evil.example' } : {}),
          }),
      ),
    },
  );

const paramJunk = fc.oneof(
  { weight: 4, arbitrary: junkParam },
  { weight: 1, arbitrary: forgedCursor },
  { weight: 1, arbitrary: canary.map((c) => `asm_${c}${'A'.repeat(13)}`) },
  { weight: 1, arbitrary: canary.map((c) => `sub_1_${c}${'A'.repeat(34)}`) },
  { weight: 1, arbitrary: fc.constantFrom('.', '..', '%2e%2e', '%2F', '//', '%00', '%', ';x=1', 'asm_', 'sub_') },
);

const urlMutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.tuple(fc.nat(), paramJunk).map(([i, value]) => (d: Draft) => {
      const names = Object.keys(d.pathParams);
      if (names.length === 0) return d;
      const name = names[i % names.length]!;
      return note(d, `path {${name}} = ${show(value)}`, { pathParams: { ...d.pathParams, [name]: value } });
    }),
  },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.nat(), paramJunk, fc.boolean()).map(([i, value, repeat]) => (d: Draft) => {
      const names = d.op.queryParams;
      if (names.length === 0) return d;
      const name = names[i % names.length]!;
      const query: [string, string][] = [...(repeat ? d.query : d.query.filter(([n]) => n !== name)), [name, value]];
      return note(d, `query ${repeat ? 'repeat ' : ''}${name}=${show(value)}`, { query });
    }),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.oneof(junkKey, idCanary), junkParam).map(
      ([name, value]) =>
        (d: Draft) =>
          note(d, `query unknown ${show(name)}=${show(value)}`, { query: [...d.query, [name, value]] }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.constantFrom('%zz', '%E0%A4%A', '&&&', '=x', 'a=b=c', '%2526', 'limit[]=1', 'cursor[0]=x', '__proto__[x]=1'),
        idCanary,
        canary.map((c) => `x=${c}`),
      )
      .map((raw) => (d: Draft) => note(d, `raw query ${raw}`, { rawQuery: [...d.rawQuery, raw] })),
  },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.constantFrom('/', '//', '/.', '/..', '/%2e%2e/health', ';x', '%00', '/index.html'),
        canary.map((c) => `/${c}`),
      )
      .map((suffix) => (d: Draft) => note(d, `path suffix ${suffix}`, { suffix })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'PROPFIND', 'get')
      .map((method) => (d: Draft) => note(d, `method ${method}`, { method })),
  },
);

/** One mutation of a request to `op`; body mutations only where it takes a body. */
export const mutation = (keys: Keys, op: Operation): fc.Arbitrary<Mutation> =>
  fc.oneof(
    ...(op.body
      ? [
          { weight: 6, arbitrary: bodyMutation },
          { weight: 2, arbitrary: formatMutation },
        ]
      : []),
    { weight: 3, arbitrary: headerMutation(keys) },
    { weight: 4, arbitrary: urlMutation },
  );
