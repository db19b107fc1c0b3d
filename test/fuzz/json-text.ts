/**
 * JSON bodies as the fuzzer builds them: plain values plus fragments of JSON text written as is
 * (numbers `JSON.stringify` cannot write, lone surrogate escapes, nesting deeper than the
 * stringifier's stack), addressed by paths so that mutations can replace, add or remove one part.
 */

/** JSON text inserted verbatim, e.g. `1e-320`, `"\ud800"`, 5,000 nested arrays. */
export class RawJson {
  constructor(readonly text: string) {}
}

export type Json = null | boolean | number | string | RawJson | Json[] | { [key: string]: Json };
export type JsonPath = (string | number)[];

const isObject = (value: Json): value is { [key: string]: Json } =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof RawJson);

/**
 * The JSON text of a value; raw fragments are copied as they are.
 * @example jsonText({ a: new RawJson('1e-320') }) // '{"a":1e-320}'
 */
export function jsonText(value: Json): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (isObject(value))
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/**
 * A copy of `object` with `key` set as an own property, even `__proto__` (which a plain
 * assignment or object literal would take as the prototype).
 * @example Object.keys(withKey({}, '__proto__', 1)) // ['__proto__']
 */
export function withKey(object: { [key: string]: Json }, key: string, value: Json): { [key: string]: Json } {
  const copy = { ...object };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/**
 * Every path into `value`, the root (`[]`) first, depth first.
 * @example pathsOf({ a: [1] }) // [[], ['a'], ['a', 0]]
 */
export function pathsOf(value: Json, at: JsonPath = []): JsonPath[] {
  const children = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : isObject(value) ? Object.entries(value) : [];
  return [at, ...children.flatMap(([k, v]) => pathsOf(v, [...at, k]))];
}

/** The paths of `value` that hold objects: where a key can be added. */
export const objectPathsOf = (value: Json): JsonPath[] => pathsOf(value).filter((path) => isObject(getAt(value, path)));

export function getAt(value: Json, path: JsonPath): Json {
  return path.reduce<Json>((node, key) => (Array.isArray(node) ? node[key as number]! : isObject(node) ? node[key]! : node), value);
}

/**
 * A copy of `value` with the part at `path` replaced by `replace(old)`; `undefined` removes it.
 * @example updateAt({ a: 1, b: 2 }, ['a'], () => undefined) // { b: 2 }
 */
export function updateAt(value: Json, path: JsonPath, replace: (old: Json) => Json | undefined): Json | undefined {
  if (path.length === 0) return replace(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const next = updateAt(value[head as number]!, rest, replace);
    return next === undefined ? value.filter((_, i) => i !== head) : value.map((v, i) => (i === head ? next : v));
  }
  if (isObject(value)) {
    const next = updateAt(value[head as string]!, rest, replace);
    const { [head as string]: _, ...others } = value;
    return next === undefined ? others : withKey(value, head as string, next);
  }
  return value;
}
