import {
  type AttributeValue,
  ConditionalCheckFailedException,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { invalidLimit, NotFound, Unavailable } from '../domain/errors';
import type { ExportSource } from '../domain/records';
import type { StoreContext } from './context';
import { readPosition, toExportAudit, toExportSource } from './items';
import type { Store } from './port';
import { assessmentKey, auditPartition, exportAuditKey, GSI2, ItemType, instrumentPartition, subjectSortKey } from './schema';

type ExportMethods = Pick<Store, 'listExportSources' | 'putExportAudit' | 'addExportRows' | 'listExportAudits' | 'backfillExportIndex'>;

export const MAX_EXPORT_PAGE = 5000;
const MAX_AUDIT_PAGE = 100;
const MAX_COUNT_ATTEMPTS = 5;

/**
 * The export and audit-trail part of the DynamoDB adapter (see port.ts); `guard` translates SDK
 * errors at the edge.
 * @example const store = { ...others, ...exportMethods(client, 'mi-assessments', guard) };
 */
export function exportMethods(ctx: StoreContext): ExportMethods {
  const { client, TableName, guard } = ctx;
  return {
    async listExportSources(clinicId, instrumentId, range, page) {
      if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_EXPORT_PAGE) throw invalidLimit(MAX_EXPORT_PAGE);
      const partition = instrumentPartition(clinicId, instrumentId);
      let start: Record<string, AttributeValue> | undefined;
      if (page.after !== undefined) {
        const { id } = readPosition('export', page.after);
        start = marshall({ ...assessmentKey(clinicId, id), GSI2PK: partition, GSI2SK: page.after });
      }
      // why: '$' sorts right after '#', so `<to>$` is above every sort key of day `to` and below the next day's.
      const values = { ':pk': partition, ':from': range.from ?? '0000-00-00', ':to': `${range.to ?? '9999-99-99'}$` };
      const items: ExportSource[] = [];
      // One Query returns at most 1 MB: keep reading until the page (plus one, to know if more follow) is full.
      do {
        const out = await guard(() =>
          client.send(
            new QueryCommand({
              TableName,
              IndexName: GSI2,
              KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK BETWEEN :from AND :to',
              ExpressionAttributeValues: marshall(values),
              Limit: page.limit + 1 - items.length,
              ...(start && { ExclusiveStartKey: start }),
            }),
          ),
        );
        for (const raw of out.Items ?? []) items.push(toExportSource(unmarshall(raw)));
        start = out.LastEvaluatedKey;
      } while (start && items.length <= page.limit);
      return { items: items.slice(0, page.limit), more: items.length > page.limit };
    },

    async putExportAudit(audit, position) {
      const { filters } = audit;
      const item = {
        ...exportAuditKey(audit.clinicId, audit.at, audit.exportId),
        type: ItemType.exportAudit,
        exportId: audit.exportId,
        clinicId: audit.clinicId,
        at: audit.at,
        keyId: audit.keyId,
        instrument: filters.instrument,
        from: filters.from,
        to: filters.to,
        format: filters.format,
        rowCount: audit.rowCount,
        // The last row counted, so that a page fetched twice is counted once.
        position: position ?? '',
      };
      await ctx.putNew(item);
    },

    async addExportRows(clinicId, audit, after, positions) {
      const Key = marshall(exportAuditKey(clinicId, audit.at, audit.exportId));
      let counted = after;
      for (let attempt = 1; attempt <= MAX_COUNT_ATTEMPTS; attempt += 1) {
        const fresh = positions.filter((p) => p > counted);
        const last = fresh.at(-1);
        if (!last) return;
        try {
          await guard(() =>
            client.send(
              new UpdateItemCommand({
                TableName,
                Key,
                UpdateExpression: 'SET #position = :last ADD rowCount :n',
                ConditionExpression: 'attribute_exists(PK) AND #position = :counted',
                ExpressionAttributeNames: { '#position': 'position' },
                ExpressionAttributeValues: marshall({ ':last': last, ':n': fresh.length, ':counted': counted }),
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              }),
            ),
          );
          return;
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
          if (!error.Item) throw new NotFound('No export audit record for this cursor.');
          // Another request (a retry of this page, or of one around it) counted up to here already.
          counted = unmarshall(error.Item).position as string;
        }
      }
      throw new Unavailable('The export is being read concurrently; retry.', 1);
    },

    async listExportAudits(clinicId, page) {
      if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_AUDIT_PAGE) throw invalidLimit(MAX_AUDIT_PAGE);
      let start: Record<string, AttributeValue> | undefined;
      if (page.cursor !== undefined) {
        start = marshall({ PK: auditPartition(clinicId), SK: readPosition('audit', page.cursor).sk });
      }
      const { Items = [] } = await guard(() =>
        client.send(
          new QueryCommand({
            TableName,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: marshall({ ':pk': auditPartition(clinicId) }),
            ScanIndexForward: false,
            Limit: page.limit + 1,
            ...(start && { ExclusiveStartKey: start }),
          }),
        ),
      );
      const raw = Items.slice(0, page.limit).map((i) => unmarshall(i));
      const items = raw.map(toExportAudit);
      const last = raw.at(-1);
      return Items.length > page.limit && last ? { items, cursor: last.SK as string } : { items };
    },

    async backfillExportIndex() {
      let updated = 0;
      let ExclusiveStartKey: Record<string, AttributeValue> | undefined;
      do {
        const page = await guard(() =>
          client.send(
            new ScanCommand({
              TableName,
              FilterExpression: '#type = :type AND attribute_not_exists(GSI2PK)',
              ProjectionExpression: 'PK, SK, clinicId, instrumentId, administeredOn, createdAt, id',
              ExpressionAttributeNames: { '#type': 'type' },
              ExpressionAttributeValues: marshall({ ':type': ItemType.assessment }),
              ...(ExclusiveStartKey && { ExclusiveStartKey }),
            }),
          ),
        );
        for (const raw of page.Items ?? []) {
          const a = unmarshall(raw) as Record<string, string>;
          try {
            await guard(() =>
              client.send(
                new UpdateItemCommand({
                  TableName,
                  Key: marshall({ PK: a.PK, SK: a.SK }),
                  UpdateExpression: 'SET GSI2PK = :pk, GSI2SK = :sk',
                  ConditionExpression: 'attribute_exists(PK)',
                  ExpressionAttributeValues: marshall({
                    ':pk': instrumentPartition(a.clinicId!, a.instrumentId!),
                    ':sk': subjectSortKey(a.administeredOn!, a.createdAt!, a.id!),
                  }),
                }),
              ),
            );
            updated += 1;
          } catch (error) {
            // Deleted since the scan read it: nothing to index.
            if (!(error instanceof ConditionalCheckFailedException)) throw error;
          }
        }
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return updated;
    },
  };
}
