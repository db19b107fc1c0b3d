import { describe, expect, it } from 'vitest';
import { nestedDeeperThan } from '../../packages/api/json-body';

/** `depth` levels of arrays, or of objects under key `k`, around a number. */
const arrays = (depth: number): unknown => (depth === 0 ? 1 : [arrays(depth - 1)]);
const objects = (depth: number, k = 'a'): unknown => (depth === 0 ? 1 : { [k]: objects(depth - 1, k) });

describe('nestedDeeperThan', () => {
  it('counts each array and object as one level, scalars as none', () => {
    expect([nestedDeeperThan(1, 0), nestedDeeperThan('x', 0), nestedDeeperThan(null, 0)]).toEqual([false, false, false]);
    expect([nestedDeeperThan(arrays(3), 3), nestedDeeperThan(arrays(4), 3)]).toEqual([false, true]);
    expect([nestedDeeperThan(objects(3), 3), nestedDeeperThan(objects(4), 3)]).toEqual([false, true]);
    expect([nestedDeeperThan({ a: [{ b: [] }] }, 4), nestedDeeperThan({ a: [{ b: [[]] }] }, 4)]).toEqual([false, true]);
  });

  it('finds the deep branch wherever it is: after shallow siblings, under any key', () => {
    const wide = { x: 1, y: [1, 2, 3], z: [{}, {}, { deep: arrays(29) }] };
    expect([nestedDeeperThan(wide, 32), nestedDeeperThan(wide, 31)]).toEqual([false, true]);
    const proto = JSON.parse(`{"__proto__": ${JSON.stringify(arrays(5))}}`);
    expect([nestedDeeperThan(proto, 6), nestedDeeperThan(proto, 5)]).toEqual([false, true]);
  });

  it('answers for a body nested 100 000 deep without exhausting the stack', () => {
    const hostile = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(nestedDeeperThan(hostile, 32)).toBe(true);
    expect(nestedDeeperThan(objects(33), 32)).toBe(true);
  });
});
