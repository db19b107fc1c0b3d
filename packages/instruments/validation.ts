import type { FieldError } from './errors';
import * as z from './zod';

/** Message for an unknown key inside `responses`; never names the key or its value. */
export const UNKNOWN_ITEM = 'Unknown item id.';
/** Message for any other unknown key. */
export const UNKNOWN_FIELD = 'Unknown field.';

const SAFE_KEY = /^[A-Za-z0-9_.-]{1,40}$/;

const unrecognised = (message: string) => (issue: { code?: string }) => (issue.code === 'unrecognized_keys' ? message : undefined);

/**
 * A closed object whose unknown keys give one `unrecognized_keys` issue (listing them in `keys`)
 * with a fixed message. zod 4 reports all unknown keys of one object in a single issue.
 * @example closedObject({ a: z.number() }, UNKNOWN_ITEM).safeParse({ b: 1 }) // issue { code: 'unrecognized_keys', keys: ['b'] }
 */
export function closedObject<T extends z.core.$ZodLooseShape>(shape: T, unknownMessage: string = UNKNOWN_FIELD) {
  return z.strictObject(shape, { error: unrecognised(unknownMessage) });
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
 * zod issues as domain field errors, one per problem: an `unrecognized_keys` issue becomes one
 * error per unknown key, addressed `responses.<key>`. Paths are dotted; the root is `''`.
 * @example toFieldErrors(schema.safeParse(body).error!.issues) // [{ path: 'responses.21', message: 'Unknown item id.' }]
 */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      // why: a key is submitted text; name it only when it looks like an id, never free text.
      return issue.keys.map((key) => ({ path: (SAFE_KEY.test(key) ? [...path, key] : path).join('.'), message: issue.message }));
    }
    return [{ path: path.join('.'), message: issue.message }];
  });
}
