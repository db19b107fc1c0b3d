import { type AttributeValue, type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';

export { freePort } from '../support/net';

/**
 * Counts the table's items by clinic and kind (`C#<clinic>#ASM#…`, `C#<clinic>#IDEM#…`) with a
 * consistent parallel scan that fetches keys only.
 * @example await countByClinic(client, 'bench') // { 'bench-api': { assessments: 10, idempotency: 10 } }
 */
export async function countByClinic(
  client: DynamoDBClient,
  tableName: string,
): Promise<Record<string, { assessments: number; idempotency: number }>> {
  const counts: Record<string, { assessments: number; idempotency: number }> = {};
  const segments = 4;
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let ExclusiveStartKey: Record<string, AttributeValue> | undefined;
      do {
        const page = await client.send(
          new ScanCommand({
            TableName: tableName,
            ProjectionExpression: 'PK',
            ConsistentRead: true,
            Segment: segment,
            TotalSegments: segments,
            ExclusiveStartKey,
          }),
        );
        for (const item of page.Items ?? []) {
          const match = /^C#([^#]+)#(ASM|IDEM)#/.exec(item.PK?.S ?? '');
          if (!match) continue;
          const entry = (counts[match[1]!] ??= { assessments: 0, idempotency: 0 });
          if (match[2] === 'ASM') entry.assessments++;
          else entry.idempotency++;
        }
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
    }),
  );
  return counts;
}
