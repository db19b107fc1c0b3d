import type { FieldError } from '../domain/errors';
import * as z from './zod';

/** Message for unknown keys inside `responses`: how many, never the keys or their values. */
export const unknownItems = (n: number) => (n === 1 ? 'Unknown item id.' : `${n} unknown item ids.`);
/** Message for unknown keys anywhere else (set for every strict object in zod.ts). */
export const unknownFields = z.unknownFields;
/** The message of one unknown item id, and of one unknown field. */
export const UNKNOWN_ITEM = unknownItems(1);
export const UNKNOWN_FIELD = unknownFields(1);

/**
 * A closed object whose unknown keys give one `unrecognized_keys` issue at the object's path,
 * with a message that counts them (`message(n)`) and never names them: a key is submitted text.
 * zod 4 reports all unknown keys of one object in a single issue.
 * @example closedObject({ a: z.number() }, unknownItems).safeParse({ b: 1, c: 2 }) // issue { code: 'unrecognized_keys', keys: ['b', 'c'], message: '2 unknown item ids.' }
 */
export function closedObject<T extends z.core.$ZodLooseShape>(shape: T, message: (n: number) => string = unknownFields) {
  return z.strictObject(shape, {
    error: (issue: { code?: string; keys?: readonly string[] }) =>
      issue.code === 'unrecognized_keys' ? message(issue.keys?.length ?? 1) : undefined,
  });
}

const answers = new Map<string, z.ZodMiniOptional<z.ZodMiniNumber>>();

/**
 * An optional integer answer in `[min, max]`; zod's default messages name the bound, never the value.
 * One schema per range, shared by every item that uses it: zod schemas are immutable, and
 * building one per item was the largest cost of loading the instruments (Lambda cold start).
 * @example answer(1, 5).safeParse(7) // fails with 'Too big: expected number to be <=5'
 */
export function answer(min: number, max: number) {
  const key = `${min}:${max}`;
  let schema = answers.get(key);
  if (!schema) {
    schema = z.optional(z.number().check(z.int(), z.minimum(min), z.maximum(max)));
    answers.set(key, schema);
  }
  return schema;
}

/**
 * zod issues as domain field errors, one per issue. Paths are dotted; the root is `''`. A path
 * only ever holds keys the schema defines (and array indexes): unknown keys are reported at
 * their object's path, counted, never named.
 * @example toFieldErrors(schema.safeParse(body).error!.issues) // [{ path: 'responses', message: '2 unknown item ids.' }]
 */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
