import { createMiddleware } from 'hono/factory';
import { Forbidden, Unauthenticated } from '../instruments/errors';
import type { ApiKeyRecord, Scope, Store } from '../store/port';
import { parseApiKey, secretMatches } from './api-keys';

export type AuthEnv = { Variables: { auth: ApiKeyRecord } };

/**
 * Bearer-key authentication. Lookups are cached for `cacheSeconds` (a revoked key stops working
 * within that time) so that a warm Lambda does not pay a DynamoDB read per request; the secret is
 * still compared, in constant time, on every request. Unknown key ids are cached as unknown for
 * the same time: an integration retrying with a mistyped or deleted key costs one read per
 * window, not one per request.
 * @example app.use('/v1/*', authenticate(store, () => new Date(), 30))
 */
export function authenticate(store: Store, now: () => Date, cacheSeconds: number) {
  const cache = new Map<string, { record: ApiKeyRecord | undefined; until: number }>();
  const lookup = async (keyId: string): Promise<ApiKeyRecord | undefined> => {
    const t = now().getTime();
    const hit = cache.get(keyId);
    if (hit && hit.until > t) return hit.record;
    const record = await store.getApiKey(keyId);
    if (cacheSeconds > 0) {
      if (cache.size > 10_000) cache.clear();
      cache.set(keyId, { record, until: t + cacheSeconds * 1000 });
    }
    return record;
  };
  return createMiddleware<AuthEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const parsed = match ? parseApiKey(match[1]!) : undefined;
    if (!parsed) throw new Unauthenticated('Send `Authorization: Bearer <api key>`.');
    const record = await lookup(parsed.keyId);
    if (!record || record.revokedAt || !secretMatches(parsed.secret, record.secretHash)) {
      throw new Unauthenticated('The API key is not valid or has been revoked.');
    }
    c.set('auth', record);
    await next();
  });
}

/** Rejects with 403 unless the authenticated key holds `scope`. */
export function requireScope(scope: Scope) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    if (!c.get('auth').scopes.includes(scope)) throw new Forbidden(`This operation needs the \`${scope}\` scope.`);
    await next();
  });
}
