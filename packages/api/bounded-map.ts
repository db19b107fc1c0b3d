/**
 * A Map that holds at most `max` entries, dropping the least recently used one to make room.
 * why: per-key and per-address state (auth cache, rate-limit buckets) is fed by whoever calls;
 * a flood of new keys must evict the oldest entry, not empty the map and every good key with it.
 * @example const m = new BoundedMap<string, number>(2); m.set('a', 1); m.set('b', 2); m.get('a'); m.set('c', 3); m.has('b') // false
 */
export class BoundedMap<K, V> {
  readonly #entries = new Map<K, V>();
  /** The most recently used key: when it is in the map its entry is already last, so using it again moves nothing. */
  #last: K | undefined;

  constructor(readonly max: number) {
    if (!(Number.isInteger(max) && max > 0)) throw new Error('BoundedMap needs a positive integer size.');
  }

  get size(): number {
    return this.#entries.size;
  }

  has(key: K): boolean {
    return this.#entries.has(key);
  }

  /** The value, marked as just used. */
  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined && key !== this.#last) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
      this.#last = key;
    }
    return value;
  }

  set(key: K, value: V): this {
    if (key !== this.#last) this.#entries.delete(key);
    this.#entries.set(key, value);
    this.#last = key;
    if (this.#entries.size > this.max) this.#entries.delete(this.#entries.keys().next().value as K);
    return this;
  }

  delete(key: K): boolean {
    return this.#entries.delete(key);
  }
}
