import { AUTH_ERRORS } from '../problem';
import { defineRoute } from '../route';

/** The calling key itself (any valid key). */
export const keyRoutes = [
  defineRoute({
    method: 'get',
    path: '/v1/keys/current',
    operationId: 'getCurrentKey',
    summary: 'The key you call with: its clinic and scopes',
    description:
      'The calling key’s public id, clinic, scopes and creation time, so that a client can show only what the key may do without trying each operation. Any valid key may call it; the secret and its hash are never returned.',
    response: 'currentKey',
    examples: 'currentKey',
    errors: AUTH_ERRORS,
    handle(c) {
      // why: named fields, not the record: it holds the secret's hash, which never leaves the store.
      const { keyId, clinicId, scopes, createdAt } = c.get('auth');
      return c.json({ keyId, clinicId, scopes, createdAt });
    },
  }),
];
