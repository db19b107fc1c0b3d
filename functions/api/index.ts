import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { handle } from 'hono/aws-lambda';
import { createApp } from '../../packages/api/app';
import { createPseudonymizer, parsePseudonymKeys } from '../../packages/api/pseudonymizer';
import { createDynamoClient } from '../../packages/store/client';
import { createDynamoStore } from '../../packages/store/dynamo';
import { config } from '../config';

// Everything here runs once per cold start: config, clients and the pseudonym key are reused
// by every invocation of the warm function.
const cfg = config();
if (!cfg.PSEUDONYM_KEY_SECRET_ARN) throw new Error('Invalid configuration:\n  PSEUDONYM_KEY_SECRET_ARN: required in Lambda');

const secret = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: cfg.PSEUDONYM_KEY_SECRET_ARN }));
if (!secret.SecretString) throw new Error('The pseudonym key secret has no string value.');

const client = createDynamoClient(cfg.DYNAMODB_ENDPOINT ? { endpoint: cfg.DYNAMODB_ENDPOINT } : {});

export const app = createApp({
  store: createDynamoStore({ client, tableName: cfg.TABLE_NAME }),
  pseudonymizer: createPseudonymizer(parsePseudonymKeys(secret.SecretString)),
  authCacheSeconds: cfg.AUTH_CACHE_SECONDS,
});

export const handler = handle(app);
