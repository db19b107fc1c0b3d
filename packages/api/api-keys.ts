import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiKeyRecord, Scope } from '../domain/records';

const PREFIX = 'mia_';
const KEY_ID_HEX = 16; // 64-bit public id, used to find the record
const SECRET_BYTES = 32; // 256-bit secret; our floor for a bearer secret is 160 bits
const SECRET_CHARS = 43; // base64url length of 32 bytes
const KEY_PATTERN = new RegExp(`^${PREFIX}([0-9a-f]{${KEY_ID_HEX}})([A-Za-z0-9_-]{${SECRET_CHARS}})$`);

/** sha256 of a secret, as stored: the secret itself is shown once and never kept. */
export function hashSecret(secret: string): string {
  // why crypto.hash (Node ≥ 20.12): one call, no Hash object; it runs on every authenticated request.
  return `sha256:${hash('sha256', secret, 'hex')}`;
}

/**
 * Makes a new API key for one clinic: the full key (shown once) and the record to store.
 * @example
 * const { key, record } = generateApiKey('demo', ['assessments:read'], new Date());
 * // key = 'mia_3f9c…' ; record.secretHash = 'sha256:…'
 */
export function generateApiKey(clinicId: string, scopes: Scope[], now: Date): { key: string; record: ApiKeyRecord } {
  const keyId = randomBytes(KEY_ID_HEX / 2).toString('hex');
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return {
    key: `${PREFIX}${keyId}${secret}`,
    record: { keyId, clinicId, scopes: [...scopes], secretHash: hashSecret(secret), createdAt: now.toISOString() },
  };
}

/**
 * Splits a presented key into its public id and secret; `undefined` when it cannot be one of ours.
 * @example parseApiKey('mia_0123456789abcdef' + 'x'.repeat(43)) // → { keyId: '0123456789abcdef', secret: 'xxx…' }
 */
export function parseApiKey(presented: string): { keyId: string; secret: string } | undefined {
  const match = KEY_PATTERN.exec(presented);
  return match ? { keyId: match[1]!, secret: match[2]! } : undefined;
}

/** Constant-time comparison of a presented secret against the stored hash. */
export function secretMatches(secret: string, secretHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret));
  const stored = Buffer.from(secretHash);
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
