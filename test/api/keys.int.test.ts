import { describe, expect, it } from 'vitest';
import { parseApiKey } from '../../packages/api/api-keys';
import { OPERATOR_SCOPES, SCOPES, type Scope } from '../../packages/domain/records';
import { NOW, useTestApi } from '../support/api';

// why: no auth cache, so the revoked key is refused at once rather than after the cache window.
const api = useTestApi({ deps: { authCacheSeconds: 0 } });

const scopeSets: Scope[][] = [[...SCOPES], ['analytics:read'], ['assessments:read'], ['assessments:write'], [...OPERATOR_SCOPES], []];
const cases = scopeSets.map((scopes) => [scopes.join(' ') || 'none', scopes] as const);

describe('GET /v1/keys/current', () => {
  it.each(cases)('answers the calling key’s id, clinic, scopes and creation time (scopes: %s)', async (_, scopes) => {
    const key = await api.keyFor('clinic-keys', scopes);
    const { keyId, secret } = parseApiKey(key)!;
    const stored = await api.table.store.getApiKey(keyId);

    const res = await api.call('GET', '/v1/keys/current', { key });

    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toEqual({ keyId, clinicId: 'clinic-keys', scopes, createdAt: NOW.toISOString() });
    // Neither the secret nor its hash, in any form.
    expect(res.text).not.toContain(secret);
    expect(res.text).not.toContain(stored!.secretHash.slice('sha256:'.length));
    expect(res.text).not.toContain('sha256');
  });

  it('answers each key about itself, not about another key of the same clinic', async () => {
    const analyst = await api.keyFor('clinic-two', ['analytics:read']);
    const clinician = await api.keyFor('clinic-two', ['assessments:read']);

    const [a, c] = await Promise.all([
      api.call('GET', '/v1/keys/current', { key: analyst }),
      api.call('GET', '/v1/keys/current', { key: clinician }),
    ]);

    expect([a.body.keyId, a.body.scopes]).toEqual([parseApiKey(analyst)!.keyId, ['analytics:read']]);
    expect([c.body.keyId, c.body.scopes]).toEqual([parseApiKey(clinician)!.keyId, ['assessments:read']]);
  });

  it('stores nothing', async () => {
    const key = await api.keyFor('clinic-still', ['analytics:read']);
    const before = await api.table.scanAll();

    await api.call('GET', '/v1/keys/current', { key });

    expect(await api.table.scanAll()).toEqual(before);
  });

  it('answers 401 without a key, with a key that is not ours and with a revoked key', async () => {
    const revoked = await api.keyFor('clinic-keys', ['analytics:read']);
    await api.table.store.revokeApiKey(parseApiKey(revoked)!.keyId, NOW.toISOString());

    const none = await api.call('GET', '/v1/keys/current');
    const wrong = await api.call('GET', '/v1/keys/current', { key: `mia_0123456789abcdef${'A'.repeat(43)}` });
    const gone = await api.call('GET', '/v1/keys/current', { key: revoked });

    expect([none.status, wrong.status, gone.status]).toEqual([401, 401, 401]);
    expect(gone.body).toMatchObject({
      type: '/problems/unauthenticated',
      detail: 'An API key was sent, but it is not valid or has been revoked.',
    });
    expect(gone.text).not.toContain(parseApiKey(revoked)!.keyId);
  });

  it('answers 405 with Allow to another method', async () => {
    const key = await api.keyFor('clinic-keys', ['analytics:read']);

    const res = await api.call('POST', '/v1/keys/current', { key, body: {} });

    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });
});
