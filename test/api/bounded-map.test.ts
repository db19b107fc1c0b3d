import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedMap } from '../../packages/api/bounded-map';

/** The model: keys in use order, least recently used first. */
function model(max: number) {
  const order: string[] = [];
  const values = new Map<string, number>();
  const touch = (key: string) => {
    order.splice(order.indexOf(key), 1);
    order.push(key);
  };
  return {
    get(key: string) {
      if (values.has(key)) touch(key);
      return values.get(key);
    },
    set(key: string, value: number) {
      if (values.has(key)) touch(key);
      else order.push(key);
      values.set(key, value);
      if (order.length > max) values.delete(order.shift()!);
    },
    delete(key: string) {
      if (values.has(key)) order.splice(order.indexOf(key), 1);
      return values.delete(key);
    },
    entries: () => order.map((k) => [k, values.get(k)]),
  };
}

const op = fc.record({ kind: fc.constantFrom('get', 'set', 'delete'), key: fc.constantFrom('a', 'b', 'c', 'd'), value: fc.integer() });

describe('BoundedMap', () => {
  it('keeps exactly the most recently used entries, for any sequence of gets, sets and deletes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.array(op, { maxLength: 40 }), (max, ops) => {
        const m = new BoundedMap<string, number>(max);
        const ref = model(max);
        for (const { kind, key, value } of ops) {
          if (kind === 'get') expect(m.get(key)).toBe(ref.get(key));
          else if (kind === 'set') {
            m.set(key, value);
            ref.set(key, value);
          } else expect(m.delete(key)).toBe(ref.delete(key));
        }
        // The eviction order shows through the entries left after filling the map with new keys one by one.
        const left = ref.entries();
        expect(m.size).toBe(left.length);
        for (const [k, v] of left) expect(m.has(k as string) && m.get(k as string)).toBe(v);
        for (let i = 0; i < max; i++) {
          m.set(`new${i}`, i);
          ref.set(`new${i}`, i);
          expect(['a', 'b', 'c', 'd'].map((k) => m.has(k))).toEqual(['a', 'b', 'c', 'd'].map((k) => ref.entries().some(([e]) => e === k)));
        }
      }),
      { numRuns: 500 },
    );
  });
});
