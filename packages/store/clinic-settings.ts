import { ConditionalCheckFailedException, DeleteItemCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { Conflict, NotFound } from '../domain/errors';
import { DEFAULT_CLINIC_SETTINGS, FORM_MAP_LIMITS, type FormMap, type FormMapRecord } from '../domain/form-map';
import type { StoreContext } from './context';
import type { Store } from './port';
import { clinicSettingsKey, formMapKey, formMapPartition, ItemType } from './schema';

/**
 * Per-clinic settings in the DynamoDB adapter: the Part 2 flag and the clinic's form maps.
 * @example const store = { ...clinicSettingsMethods(ctx), ... };
 */
export function clinicSettingsMethods(
  ctx: StoreContext,
): Pick<Store, 'getClinicSettings' | 'setClinicPart2' | 'putFormMap' | 'getFormMap' | 'listFormMaps' | 'deleteFormMap'> {
  const { client, TableName, guard } = ctx;
  return {
    async getClinicSettings(clinicId) {
      const item = await ctx.get(clinicSettingsKey(clinicId));
      return { part2: typeof item?.part2 === 'boolean' ? item.part2 : DEFAULT_CLINIC_SETTINGS.part2 };
    },

    async setClinicPart2(clinicId, part2, at) {
      const item = { ...clinicSettingsKey(clinicId), type: ItemType.clinicSettings, clinicId, part2, updatedAt: at };
      await guard(() => client.send(new PutItemCommand({ TableName, Item: marshall(item) })));
      return { part2 };
    },

    async putFormMap(clinicId, map, at) {
      const key = formMapKey(clinicId, map.questionnaire);
      const replacing = (await ctx.get(key, true)) !== undefined;
      if (!replacing) {
        const { Count = 0 } = await guard(() =>
          client.send(
            new QueryCommand({
              TableName,
              KeyConditionExpression: 'PK = :pk',
              ExpressionAttributeValues: marshall({ ':pk': formMapPartition(clinicId) }),
              Select: 'COUNT',
              ConsistentRead: true,
            }),
          ),
        );
        if (Count >= FORM_MAP_LIMITS.perClinic) {
          throw new Conflict(`A clinic holds at most ${FORM_MAP_LIMITS.perClinic} form maps; delete one first.`);
        }
      }
      const item = {
        ...key,
        type: ItemType.formMap,
        clinicId,
        questionnaire: map.questionnaire,
        instrument: map.instrument,
        importedAt: at,
        map: JSON.stringify(map),
      };
      await guard(() => client.send(new PutItemCommand({ TableName, Item: marshall(item) })));
      return replacing ? 'replaced' : 'created';
    },

    async getFormMap(clinicId, questionnaire) {
      if (questionnaire.length === 0 || questionnaire.length > FORM_MAP_LIMITS.questionnaire) return undefined;
      const item = await ctx.get(formMapKey(clinicId, questionnaire));
      return item && (JSON.parse(item.map as string) as FormMap);
    },

    async listFormMaps(clinicId) {
      const items = await ctx.readAll({
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: marshall({ ':pk': formMapPartition(clinicId) }),
      });
      return items.map(
        (item): FormMapRecord => ({ clinicId, importedAt: item.importedAt as string, map: JSON.parse(item.map as string) as FormMap }),
      );
    },

    async deleteFormMap(clinicId, questionnaire) {
      try {
        await guard(() =>
          client.send(
            new DeleteItemCommand({
              TableName,
              Key: marshall(formMapKey(clinicId, questionnaire)),
              ConditionExpression: 'attribute_exists(PK)',
            }),
          ),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw new NotFound('No form map for this questionnaire.');
        throw error;
      }
    },
  };
}
