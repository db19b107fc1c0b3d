import { createHash } from 'node:crypto';
import type { Json } from './definition';

/**
 * JSON with object keys sorted at every depth, so equal data always gives equal text.
 * `undefined` properties are dropped, as `JSON.stringify` does.
 * @example canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: Json | undefined): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

/**
 * `sha256:<hex>` of the canonical JSON of definition data.
 * @example definitionHash({ id: 'x', version: '1.0.0' }) // 'sha256:…' (64 hex digits)
 */
export function definitionHash(data: Json): string {
  return `sha256:${createHash('sha256').update(canonicalJson(data)).digest('hex')}`;
}
