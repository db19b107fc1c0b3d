import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/** Versioned pseudonym keys; `current` signs new subject ids, older versions stay readable. */
export interface PseudonymKeys {
  current: number;
  keys: Record<string, Buffer>;
}

export interface Pseudonymizer {
  /** The current key version, stored with every record. */
  readonly keyVersion: string;
  /** `sub_<version>_<base64url HMAC-SHA-256(key, clinicId \u001f ref)>`; the raw ref is never kept. */
  subjectId(clinicId: string, ref: string): string;
  /** The subject's id under every key version held, current first: records made before a rotation keep their old id. */
  subjectIdsAllVersions(clinicId: string, ref: string): string[];
  /**
   * Keyed fingerprint (idempotency keys and request bodies): a plain hash of a short `ref` or of
   * an MRN-based key could be reversed by guessing, a keyed one cannot. It uses the oldest key
   * version held, never the current one, so a key rotation inside the idempotency window does
   * not turn a retry into a "different request".
   */
  fingerprint(text: string): string;
  /**
   * `xs_<base64url>`: the subject's pseudonym within one export only — an HMAC of `subjectId`
   * under a key derived from the pseudonym key and `exportId`. Rows of one export agree; two
   * exports (two random ids) cannot be joined, and neither leads back to `subjectId`.
   */
  exportKeyed(exportId: string, subjectId: string): string;
  /** Encrypts and authenticates `text` (AES-256-GCM, key derived for `purpose`): clients can neither read nor forge it. */
  seal(purpose: string, text: string): string;
  /** The text `seal` was given, or `undefined` for anything tampered, truncated or sealed for another purpose. */
  unseal(purpose: string, token: string): string | undefined;
}

export const SUBJECT_ID_PATTERN = /^sub_\d{1,6}_[A-Za-z0-9_-]{43}$/;

/**
 * HMAC pseudonyms of clinic-issued subject refs (docs/privacy.md, "Pseudonyms"). The clinic id is part of the
 * message, so the same ref at two clinics gives unrelated ids; a unit separator keeps
 * `("ab","c")` and `("a","bc")` apart.
 * @example
 * const p = createPseudonymizer({ current: 1, keys: { '1': randomBytes(32) } });
 * p.subjectId('demo', 'clinic-opaque-ref-8f3a'); // 'sub_1_Xy…'
 */
export function createPseudonymizer(keys: PseudonymKeys): Pseudonymizer {
  const version = String(keys.current);
  const key = keys.keys[version];
  if (!key || key.length < 32) throw new Error(`Pseudonym key version ${version} is missing or shorter than 32 bytes.`);
  const idUnder = (v: string, k: Buffer, clinicId: string, ref: string) =>
    `sub_${v}_${createHmac('sha256', k).update(`${clinicId}\u001f${ref}`).digest('base64url')}`;
  const older = Object.keys(keys.keys)
    .filter((v) => v !== version)
    .sort((a, b) => Number(b) - Number(a));
  // why: rotation keeps old versions (docs/privacy.md), so the lowest one is stable for the key set's life.
  const stableKey = keys.keys[Object.keys(keys.keys).sort((a, b) => Number(a) - Number(b))[0]!]!;
  return {
    keyVersion: version,
    subjectId(clinicId, ref) {
      return idUnder(version, key, clinicId, ref);
    },
    subjectIdsAllVersions(clinicId, ref) {
      return [idUnder(version, key, clinicId, ref), ...older.map((v) => idUnder(v, keys.keys[v]!, clinicId, ref))];
    },
    fingerprint(text) {
      return `hmac-sha256:${createHmac('sha256', stableKey).update('request\u001f').update(text).digest('base64url')}`;
    },
    exportKeyed(exportId, subjectId) {
      const exportKey = createHmac('sha256', key).update(`export\u001f${exportId}`).digest();
      // why: 128 bits is far beyond any collision risk for one clinic's subjects and keeps rows short.
      return `xs_${createHmac('sha256', exportKey).update(subjectId).digest().subarray(0, 16).toString('base64url')}`;
    },
    seal(purpose, text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', sealKey(key, purpose), iv).setAAD(Buffer.from(purpose));
      const body = Buffer.concat([iv, cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${version}.${body.toString('base64url')}`;
    },
    unseal(purpose, token) {
      const match = /^(\d{1,6})\.([A-Za-z0-9_-]{38,})$/.exec(token);
      const versionKey = match && keys.keys[match[1]!];
      if (!match || !versionKey) return undefined;
      const body = Buffer.from(match[2]!, 'base64url');
      try {
        const decipher = createDecipheriv('aes-256-gcm', sealKey(versionKey, purpose), body.subarray(0, 12)).setAAD(Buffer.from(purpose));
        decipher.setAuthTag(body.subarray(-16));
        return Buffer.concat([decipher.update(body.subarray(12, -16)), decipher.final()]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}

/** A key per purpose, so a sealed value can never be opened as another kind of value. */
const sealKey = (key: Buffer, purpose: string) => createHmac('sha256', key).update(`seal\u001f${purpose}`).digest();

const SHAPE =
  'Pseudonym keys must look like {"current": 1, "keys": {"1": "<base64 of ≥ 32 bytes>"}} or {"current": 1, "key_1": "<random ≥ 43 chars>"}.';

/**
 * Reads the stored form of the keys. Two shapes, mixable for rotation:
 * - local `.data/pseudonym-keys.json`: `{ "current": 1, "keys": { "1": "<base64 of ≥ 32 bytes>" } }`;
 * - the Secrets Manager secret the stack generates (it can only add a top-level random string):
 *   `{ "current": 1, "key_1": "<≥ 43 random characters>" }`, the key being sha256 of that string.
 * @example parsePseudonymKeys(JSON.stringify(newPseudonymKeys())).current // 1
 */
export function parsePseudonymKeys(text: string): PseudonymKeys {
  const data = JSON.parse(text) as { current?: unknown; keys?: unknown } & Record<string, unknown>;
  const nested = data.keys;
  if (typeof data.current !== 'number' || (nested !== undefined && (typeof nested !== 'object' || nested === null))) {
    throw new Error(SHAPE);
  }
  const keys: Record<string, Buffer> = {};
  for (const [version, value] of Object.entries((nested ?? {}) as Record<string, unknown>)) {
    if (typeof value !== 'string') throw new Error(`Pseudonym key version ${version} is not a base64 string.`);
    keys[version] = Buffer.from(value, 'base64');
  }
  for (const [field, value] of Object.entries(data)) {
    const version = /^key_(\d{1,6})$/.exec(field)?.[1];
    if (version === undefined) continue;
    if (typeof value !== 'string' || value.length < 43)
      throw new Error(`Pseudonym key ${field} must be a string of at least 43 characters.`);
    if (keys[version]) throw new Error(`Pseudonym key version ${version} is defined twice.`);
    keys[version] = createHash('sha256').update(value, 'utf8').digest();
  }
  if (Object.keys(keys).length === 0) throw new Error(SHAPE);
  return { current: data.current, keys };
}

/** A fresh key set (version 1, 256 bits) in its stored JSON form. */
export function newPseudonymKeys(): { current: number; keys: Record<string, string> } {
  return { current: 1, keys: { '1': randomBytes(32).toString('base64') } };
}
