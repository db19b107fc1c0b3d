/**
 * A deterministic PRNG (mulberry32) in [0, 1), so a failing run can be replayed from its seed.
 * @example const random = rng(7); random() // 0.…, the same on every run
 */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
