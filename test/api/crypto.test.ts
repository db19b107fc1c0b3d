import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateApiKey, hashSecret, parseApiKey, secretMatches } from '../../packages/api/api-keys';
import { createPseudonymizer, newPseudonymKeys, parsePseudonymKeys, SUBJECT_ID_PATTERN } from '../../packages/api/pseudonymizer';
import { canonicalJson } from '../../packages/instruments';

const NOW = new Date('2026-11-25T12:00:00Z');

describe('API keys', () => {
  it('makes a 256-bit secret that is stored only as its hash', () => {
    const { key, record } = generateApiKey('demo', ['assessments:read'], NOW);
    const parsed = parseApiKey(key)!;

    expect(key).toMatch(/^mia_[0-9a-f]{16}[A-Za-z0-9_-]{43}$/);
    expect(parsed.keyId).toBe(record.keyId);
    expect(Buffer.from(parsed.secret, 'base64url')).toHaveLength(32);
    expect(record).toEqual({
      keyId: parsed.keyId,
      clinicId: 'demo',
      scopes: ['assessments:read'],
      secretHash: hashSecret(parsed.secret),
      createdAt: '2026-11-25T12:00:00.000Z',
    });
    expect(JSON.stringify(record)).not.toContain(parsed.secret);
  });

  it('matches only the right secret', () => {
    const { key, record } = generateApiKey('demo', [], NOW);
    const { secret } = parseApiKey(key)!;

    expect(secretMatches(secret, record.secretHash)).toBe(true);
    expect(secretMatches(secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A'), record.secretHash)).toBe(false);
    expect(secretMatches(secret, 'sha256:short')).toBe(false);
  });

  it.each(['', 'mia_', 'Bearer x', `mia_0123456789abcdeg${'A'.repeat(43)}`, `mia_0123456789abcdef${'A'.repeat(42)}`])(
    'refuses %j as a key',
    (presented) => expect(parseApiKey(presented)).toBeUndefined(),
  );
});

describe('pseudonymizer', () => {
  const p = createPseudonymizer({ current: 1, keys: { '1': Buffer.alloc(32, 1) } });

  it('gives a stable, versioned id per clinic and ref', () => {
    const id = p.subjectId('demo', 'ref-1');

    expect(id).toMatch(SUBJECT_ID_PATTERN);
    expect(id.startsWith('sub_1_')).toBe(true);
    expect(p.subjectId('demo', 'ref-1')).toBe(id);
    expect(p.subjectId('other', 'ref-1')).not.toBe(id);
    expect(p.subjectId('dem', 'oref-1')).not.toBe(p.subjectId('demo', 'ref-1'));
  });

  it('depends on the key: another key gives unrelated ids', () => {
    const q = createPseudonymizer({ current: 1, keys: { '1': Buffer.alloc(32, 2) } });
    expect(q.subjectId('demo', 'ref-1')).not.toBe(p.subjectId('demo', 'ref-1'));
    expect(q.fingerprint('x')).not.toBe(p.fingerprint('x'));
  });

  it('reads its stored form and refuses short or missing keys', () => {
    const stored = newPseudonymKeys();
    expect(parsePseudonymKeys(JSON.stringify(stored)).keys['1']).toHaveLength(32);
    expect(() => createPseudonymizer({ current: 2, keys: { '1': Buffer.alloc(32) } })).toThrow('version 2 is missing');
    expect(() => createPseudonymizer({ current: 1, keys: { '1': Buffer.alloc(16) } })).toThrow('shorter than 32 bytes');
    expect(() => parsePseudonymKeys('{"keys":{}}')).toThrow('Pseudonym keys must look like');
    expect(() => parsePseudonymKeys('{"current":1}')).toThrow('Pseudonym keys must look like');
  });

  it('reads the shape the stack generates in Secrets Manager: key = sha256 of key_<n>', () => {
    const secret = 'Q7'.repeat(32);
    const keys = parsePseudonymKeys(JSON.stringify({ current: 1, key_1: secret }));

    expect(keys.keys['1']).toEqual(createHash('sha256').update(secret).digest());
    expect(() => parsePseudonymKeys(JSON.stringify({ current: 1, key_1: 'short' }))).toThrow('at least 43 characters');
    expect(() => parsePseudonymKeys(JSON.stringify({ current: 1, key_1: secret, keys: { '1': 'AAAA' } }))).toThrow('defined twice');
  });
});

describe('canonicalJson', () => {
  it('orders keys so equal bodies fingerprint alike', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, e: null }] })).toBe('{"a":[{"d":2,"e":null}],"b":1}');
  });
});

describe('pseudonymizer for exports', () => {
  const p = createPseudonymizer({ current: 1, keys: { '1': Buffer.alloc(32, 1) } });
  const subject = p.subjectId('demo', 'ref-1');

  it('re-keys a subject per export: stable within one, unrelated across exports and keys', () => {
    const q = createPseudonymizer({ current: 1, keys: { '1': Buffer.alloc(32, 2) } });
    const x = p.exportKeyed('exp_a', subject);

    expect(x).toMatch(/^xs_[A-Za-z0-9_-]{22}$/);
    expect(p.exportKeyed('exp_a', subject)).toBe(x);
    expect(p.exportKeyed('exp_b', subject)).not.toBe(x);
    expect(p.exportKeyed('exp_a', p.subjectId('demo', 'ref-2'))).not.toBe(x);
    expect(q.exportKeyed('exp_a', subject)).not.toBe(x);
    expect(x).not.toContain(subject.slice(6, 20));
  });

  it('seals text that only the same keys and purpose can open, and refuses tampering', () => {
    const token = p.seal('cursor', '{"p":"2026-11-20#x#asm_1"}');
    const flipped = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');

    expect(token).toMatch(/^1\.[A-Za-z0-9_-]+$/);
    expect(token).not.toContain('asm_1');
    expect(p.unseal('cursor', token)).toBe('{"p":"2026-11-20#x#asm_1"}');
    expect(p.seal('cursor', 'same')).not.toBe(p.seal('cursor', 'same'));
    expect(p.unseal('other', token)).toBeUndefined();
    expect(p.unseal('cursor', flipped)).toBeUndefined();
    expect(p.unseal('cursor', `2${token.slice(1)}`)).toBeUndefined();
    expect(createPseudonymizer({ current: 1, keys: { '1': Buffer.alloc(32, 2) } }).unseal('cursor', token)).toBeUndefined();
    expect(p.unseal('cursor', 'garbage')).toBeUndefined();
  });
});

describe('fingerprint across a key rotation', () => {
  it('stays the same, so a retry spanning the rotation still replays', () => {
    const before = createPseudonymizer({ current: 1, keys: { '1': Buffer.alloc(32, 1) } });
    const after = createPseudonymizer({ current: 2, keys: { '1': Buffer.alloc(32, 1), '2': Buffer.alloc(32, 2) } });

    expect(after.fingerprint('body')).toBe(before.fingerprint('body'));
    expect(after.subjectId('demo', 'r')).not.toBe(before.subjectId('demo', 'r'));
  });
});
