import { OPERATOR_SCOPES, SCOPES } from '../domain/records';
import * as z from '../instruments/zod';
import { doc } from './schemas';

/**
 * What `GET /v1/keys/current` answers (`CurrentKey`): the calling key's public facts, never its
 * secret or the secret's hash (docs/privacy.md).
 * @example keySchemas().currentKey
 */
export function keySchemas() {
  const currentKey = doc(
    z.object({
      keyId: doc(z.string().check(z.regex(/^[0-9a-f]{16}$/)), {
        description: 'The key’s public id (the 16 hex digits after `mia_`), as `keys list` and `keys revoke` name it.',
      }),
      clinicId: doc(z.string(), { description: 'The clinic the key belongs to; it sees that clinic’s data only.' }),
      scopes: doc(z.array(z.enum([...SCOPES, ...OPERATOR_SCOPES])), { description: 'What the key may do.' }),
      createdAt: doc(z.iso.datetime(), { description: 'When the key was made.' }),
    }),
    { id: 'CurrentKey' },
  );
  return { currentKey };
}
