import fc from 'fast-check';
import { type Json, RawJson, withKey } from './json-text';

/**
 * What the fuzzer sends in place of good values. Every string that could be echoed carries a
 * canary: `zqx` + 6 base36 characters in free text, `zqk` + 6 in keys that look like ids (which
 * a validation error may name as its path, errors.int.test.ts). The invariants look for exactly
 * the canaries of the request in every answer and log line.
 */

export const CANARY = /zq[xk][0-9a-z]{6}/g;
/**
 * Numbers no valid field accepts and no answer computes: seeing one means a value was echoed.
 * Only standalone ones count: the digits of a key or an id are not a number that was sent.
 */
export const NUMBER_CANARY = /(?<![\w-])97\d{6}(?!\w)/g;

const base36 = fc.integer({ min: 0, max: 36 ** 6 - 1 }).map((n) => n.toString(36).padStart(6, '0'));
/** A free-text canary: must appear nowhere in an answer or a log line. */
export const canary = base36.map((s) => `zqx${s}`);
/** An id-like canary key: may appear only as the `path` of a validation error. */
export const idCanary = base36.map((s) => `zqk${s}`);
const numberCanary = fc.integer({ min: 97_000_000, max: 97_999_999 });

/** A canary with something odd around it: unicode, NUL, bidi controls, quotes, markup, padding. */
export const junkString: fc.Arbitrary<string> = fc.oneof(
  canary,
  fc.tuple(canary, fc.string({ unit: 'grapheme', maxLength: 20 })).map(([c, s]) => `${c}${s}`),
  fc.tuple(canary, fc.string({ unit: 'binary', maxLength: 20 })).map(([c, s]) => `${s}${c}${s}`),
  canary.map((c) => `${c}\u0000\u0000`),
  canary.map((c) => `\u202e${c}\u200b\ufeff`),
  canary.map((c) => `${c} John Smith MRN 12345 <script>alert(1)</script> "'\\`),
  canary.map((c) => `${c}\r\n\tx-injected: 1`),
  fc.tuple(canary, fc.integer({ min: 129, max: 60_000 })).map(([c, n]) => `${c}${'x'.repeat(n)}`),
  fc.tuple(canary, fc.integer({ min: 1, max: 3_000 })).map(([c, n]) => `${c}${'漢🙂'.repeat(n)}`),
);

/** Numbers as JSON text: beyond double range, denormal, negative zero, unsafe integers, canaries. */
const junkNumber: fc.Arbitrary<Json> = fc
  .oneof(
    fc.constantFrom('1e308', '-1e308', '1e400', '-1e400', '-0', '0.0', '1e-320', '5e-324', '9007199254740993', '-9007199254740993'),
    fc.constantFrom('123456789012345678901234567890', '1E2', '0.1e1', '1.0', '2.5', '-1', '0', '1e2', '10.000000000000001'),
    numberCanary.map(String),
    numberCanary.map((n) => `${n}.5`),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  )
  .map((text) => new RawJson(text));

/** Lone surrogates and odd escapes inside a JSON string, written as escapes. */
const junkEscapes: fc.Arbitrary<Json> = fc
  .tuple(canary, fc.constantFrom('\\ud800', '\\udfff', '\\ud83d', '\\u0000', '\\uffff', '\\ud800\\ud800', '\\u202e', '\\/'))
  .map(([c, e]) => new RawJson(`"${c}${e}"`));

/** Arrays or objects nested 50 to 5,000 deep (as text: JSON.stringify would not get there). */
export const deepNesting = (depth: number, kind: 'array' | 'object' = 'array', core = '1') =>
  new RawJson(kind === 'array' ? `${'['.repeat(depth)}${core}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}${core}${'}'.repeat(depth)}`);
const junkNesting: fc.Arbitrary<Json> = fc
  .tuple(fc.integer({ min: 50, max: 5_000 }), fc.constantFrom('array', 'object') as fc.Arbitrary<'array' | 'object'>, canary)
  .map(([depth, kind, c]) => deepNesting(depth, kind, JSON.stringify(c)));

/**
 * An object with `count` short keys (`0`, `1`, … in base36): 7,000 of them are about 55 KB,
 * under the 64 KB body limit. Keys this short cannot carry canaries; the size bound catches echoes.
 * @example jsonText(manyKeys(3)) // '{"0":0,"1":0,"2":0}'
 */
export const manyKeys = (count: number, from = 0): { [key: string]: Json } =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [(from + i).toString(36), 0]));

/** Keys that mean something to JavaScript objects. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];

/** Keys a validation error may name as its path (packages/instruments/validation.ts). */
const ID_LIKE = /^[A-Za-z0-9_.-]{1,40}$/;

/** A key the schema does not know: id-like with a `zqk` canary, or free text with a `zqx` one. */
export const junkKey: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: idCanary, weight: 3 },
  { arbitrary: fc.constantFrom(...PROTOTYPE_KEYS), weight: 3 },
  { arbitrary: junkString.filter((s) => !ID_LIKE.test(s)), weight: 3 },
  { arbitrary: fc.constantFrom('', ' ', 'Instrument', 'responses ', 'ref\u0000'), weight: 1 },
);

const prototypePayload: fc.Arbitrary<Json> = fc
  .tuple(fc.constantFrom(...PROTOTYPE_KEYS), canary)
  .map(([key, c]) => withKey({}, key, withKey({}, 'polluted', c)));

/** A value of any kind but the right one. */
export const junkValue: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: fc.constantFrom<Json>(null, true, false, 0, 1, -1, '', [], {}, [null], [[]], { '': null }), weight: 4 },
  { arbitrary: junkString, weight: 4 },
  { arbitrary: junkNumber, weight: 4 },
  { arbitrary: junkEscapes, weight: 2 },
  { arbitrary: junkNesting, weight: 1 },
  { arbitrary: fc.integer({ min: 500, max: 7_000 }).map((n) => manyKeys(n) as Json), weight: 1 },
  { arbitrary: fc.integer({ min: 500, max: 20_000 }).map((n) => new RawJson(`[${Array(n).fill('0').join(',')}]`)), weight: 1 },
  { arbitrary: prototypePayload, weight: 2 },
  { arbitrary: fc.array(junkString, { minLength: 1, maxLength: 3 }), weight: 1 },
  { arbitrary: fc.tuple(junkKey, junkString).map(([k, v]) => withKey({}, k, v)), weight: 1 },
);

/** Whole-body text that is not the JSON it should be, made from the good body's text. */
export const junkBodyText: fc.Arbitrary<(good: string) => string> = fc.oneof(
  fc
    .constantFrom('', ' ', '\n\n', 'null', '[]', '{}', '0', 'true', '"x"', '{"a":1}{"a":2}', 'NaN', "{'a':1}", '{"a":1,}', '{"a":}')
    .map((text) => () => text),
  fc.double({ min: 0, max: 1, noNaN: true }).map((at) => (good: string) => good.slice(0, Math.floor(good.length * at))),
  canary.map((c) => (good: string) => `${good}${c}`),
  canary.map((c) => (good: string) => good.replace(/^\{/, `{/* ${c} */`)),
  canary.map((c) => (good: string) => `\ufeff${good.replace(/\}$/, `,"${c}":1,}`)}`),
  canary.map((c) => () => `ref=${c}&instrument=urica`),
  canary.map((c) => () => `{"ref":"${c}\\x41"}`),
  canary.map((c) => () => `{"ref":"${c}\n"}`),
);

/** Years of four digits, the edges of the range and of the epoch as often as the rest. */
const year = fc.oneof(fc.constantFrom(0, 1, 9, 10, 99, 100, 999, 1000, 1969, 1970, 2026, 9998, 9999), fc.integer({ min: 0, max: 9999 }));

/** Query or path values: traversal, encodings, sizes, numbers in every spelling, months and dates of any year. */
export const junkParam: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: junkString, weight: 4 },
  { arbitrary: canary.map((c) => `..%2F..%2F${c}`), weight: 1 },
  { arbitrary: canary.map((c) => `%2e%2e%2f${c}%00`), weight: 1 },
  { arbitrary: canary.map((c) => `${c}%ZZ%E0%A4%A`), weight: 1 },
  { arbitrary: fc.tuple(canary, fc.integer({ min: 1_000, max: 10_000 })).map(([c, n]) => `${c}${'a'.repeat(n)}`), weight: 1 },
  { arbitrary: fc.constantFrom('', '-1', '0', '1.5', '1e3', '0x10', 'NaN', 'Infinity', ' 1', '01', '9007199254740993', '5001'), weight: 3 },
  {
    arbitrary: fc
      .tuple(year, fc.integer({ min: 0, max: 13 }))
      .map(([y, m]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    weight: 2,
  },
  { arbitrary: fc.constantFrom('*', 'fuzz-clinic', 'other-clinic', 'quarter', 'month', 'csv', 'ndjson', 'urica', 'CSV'), weight: 1 },
);

/**
 * Cursors that decode: the shapes the API hands out, with values it never made.
 * why: a cursor becomes a DynamoDB ExclusiveStartKey; keys DynamoDB rejects must be a 400, not a 500.
 */
export const forgedCursor: fc.Arbitrary<string> = fc
  .oneof(
    fc.tuple(junkString, fc.string({ maxLength: 1_100 })).map(([id, pad]) => ({ sk: `${pad}#${id}`, id })),
    fc.tuple(fc.integer({ min: -1, max: 3 }), junkString).map(([at, inner]) => ({ at, inner })),
    fc.tuple(fc.integer({ min: 0, max: 2 }), junkString).map(([at, id]) => ({ at, inner: b64({ sk: `x#${id}`, id }) })),
    junkString.map((c) => ({ PK: `C#other#${c}`, SK: c })),
    fc.jsonValue({ maxDepth: 3 }),
  )
  .map((state) => b64(state));

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
