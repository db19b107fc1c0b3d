import { describe, expect, it } from 'vitest';
import { PART2_CACHE_SECONDS, part2Lookup } from '../../packages/fhir/part2';

/** A settings store whose flag a test flips, counting the reads it serves. */
function settings(initial: Record<string, boolean>) {
  const flags = { ...initial };
  const reads: string[] = [];
  const store = {
    async getClinicSettings(clinicId: string) {
      reads.push(clinicId);
      return { part2: flags[clinicId] ?? true };
    },
  };
  return { flags, reads, store };
}

describe('part2Lookup', () => {
  it('remembers "Part 2: on" for PART2_CACHE_SECONDS, then reads again', async () => {
    const s = settings({ a: true });
    let t = Date.parse('2026-12-01T00:00:00Z');
    const part2 = part2Lookup(s.store, () => new Date(t));

    expect(await part2('a')).toBe(true);
    s.flags.a = false;
    t += PART2_CACHE_SECONDS * 1000 - 1;
    expect(await part2('a')).toBe(true);
    expect(s.reads).toEqual(['a']);
    t += 1;
    expect(await part2('a')).toBe(false);
    expect(s.reads).toEqual(['a', 'a']);
  });

  it('never remembers "off": switching a clinic on takes effect on the next request', async () => {
    const s = settings({ b: false });
    const part2 = part2Lookup(s.store, () => new Date('2026-12-01T00:00:00Z'));

    expect(await part2('b')).toBe(false);
    expect(await part2('b')).toBe(false);
    s.flags.b = true;
    expect(await part2('b')).toBe(true);
    expect(s.reads).toEqual(['b', 'b', 'b']);
  });

  it('keeps clinics apart', async () => {
    const s = settings({ a: true, b: false });
    const part2 = part2Lookup(s.store, () => new Date('2026-12-01T00:00:00Z'));

    expect([await part2('a'), await part2('b'), await part2('a'), await part2('b')]).toEqual([true, false, true, false]);
    expect(s.reads).toEqual(['a', 'b', 'b']);
  });
});
