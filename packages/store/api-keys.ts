import { ConditionalCheckFailedException, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { Conflict, NotFound } from '../domain/errors';
import type { StoreContext } from './context';
import { fromApiKeyItem } from './items';
import type { Store } from './port';
import { apiKeyIndexKey, apiKeyKey, CLINICS_PARTITION, clinicKey, clinicKeysPartition, GSI1, ItemType, PING_KEY } from './schema';

const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * API keys and the clinic registry in the DynamoDB adapter, and the readiness ping.
 * @example const store = { ...apiKeyMethods(ctx), ... };
 */
export function apiKeyMethods(
  ctx: StoreContext,
): Pick<Store, 'putApiKey' | 'listClinics' | 'getApiKey' | 'listApiKeys' | 'revokeApiKey' | 'ping'> {
  const { client, TableName, guard } = ctx;
  return {
    async putApiKey(record) {
      const item = {
        ...apiKeyKey(record.keyId),
        ...apiKeyIndexKey(record.clinicId, record.createdAt, record.keyId),
        type: ItemType.apiKey,
        ...record,
      };
      try {
        await ctx.putNew(item);
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw new Conflict('An API key with this id already exists.');
        throw error;
      }
      // Idempotent: the clinic registry that network analytics reads (listClinics).
      const clinic = { ...clinicKey(record.clinicId), type: ItemType.clinic, clinicId: record.clinicId };
      await guard(() => client.send(new PutItemCommand({ TableName, Item: marshall(clinic) })));
    },

    async listClinics() {
      const items = await ctx.readAll({
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: marshall({ ':pk': CLINICS_PARTITION }),
        ProjectionExpression: 'SK',
      });
      return items.map((item) => String(item.SK));
    },

    async getApiKey(keyId) {
      const item = await ctx.get(apiKeyKey(keyId), true);
      return item && fromApiKeyItem(item);
    },

    async listApiKeys(clinicId) {
      const items =
        clinicId === undefined
          ? await ctx.readAll(
              {
                FilterExpression: '#type = :type',
                ExpressionAttributeNames: { '#type': 'type' },
                ExpressionAttributeValues: marshall({ ':type': ItemType.apiKey }),
              },
              true,
            )
          : await ctx.readAll({
              IndexName: GSI1,
              KeyConditionExpression: 'GSI1PK = :pk',
              ExpressionAttributeValues: marshall({ ':pk': clinicKeysPartition(clinicId) }),
            });
      return items
        .map(fromApiKeyItem)
        .sort((x, y) => compare(x.clinicId, y.clinicId) || compare(x.createdAt, y.createdAt) || compare(x.keyId, y.keyId));
    },

    async revokeApiKey(keyId, at) {
      try {
        const { Attributes } = await guard(() =>
          client.send(
            new UpdateItemCommand({
              TableName,
              Key: marshall(apiKeyKey(keyId)),
              UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :at)',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeValues: marshall({ ':at': at }),
              ReturnValues: 'ALL_NEW',
            }),
          ),
        );
        return fromApiKeyItem(unmarshall(Attributes ?? {}));
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw new NotFound('No such API key.');
        throw error;
      }
    },

    async ping() {
      await ctx.get(PING_KEY);
    },
  };
}
