import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { type Attribute, AttributeType, BillingMode, type GlobalSecondaryIndexProps, ProjectionType } from 'aws-cdk-lib/aws-dynamodb';

export interface TableShape {
  billingMode: BillingMode;
  partitionKey: Attribute;
  sortKey?: Attribute;
  globalSecondaryIndexes: GlobalSecondaryIndexProps[];
}

const ATTRIBUTE_TYPES: Record<string, AttributeType> = { S: AttributeType.STRING, N: AttributeType.NUMBER, B: AttributeType.BINARY };

/**
 * Turns the app's own CreateTable input (packages/store/schema.ts `tableDefinition`) into CDK
 * table props, so the deployed table cannot drift from the one the tests create. Anything this
 * mapping does not understand fails the synth instead of being silently dropped.
 * @example const shape = tableShape(tableDefinition('ignored'));
 * new dynamodb.Table(this, 'T', { partitionKey: shape.partitionKey, sortKey: shape.sortKey, ... });
 */
export function tableShape(def: CreateTableCommandInput): TableShape {
  const unsupported = (['LocalSecondaryIndexes', 'ProvisionedThroughput', 'StreamSpecification', 'SSESpecification'] as const).filter(
    (k) => def[k] !== undefined,
  );
  if (unsupported.length > 0) throw new Error(`tableShape does not map ${unsupported.join(', ')}; extend it first.`);
  if (def.BillingMode !== 'PAY_PER_REQUEST') throw new Error('The table must be on-demand (PAY_PER_REQUEST).');

  const attribute = (name: string | undefined): Attribute => {
    const found = def.AttributeDefinitions?.find((a) => a.AttributeName === name);
    const type = found?.AttributeType && ATTRIBUTE_TYPES[found.AttributeType];
    if (!name || !type) throw new Error(`Key attribute ${String(name)} has no attribute definition.`);
    return { name, type };
  };
  const keys = (schema: CreateTableCommandInput['KeySchema']) => {
    const hash = schema?.find((k) => k.KeyType === 'HASH');
    const range = schema?.find((k) => k.KeyType === 'RANGE');
    return { partitionKey: attribute(hash?.AttributeName), ...(range ? { sortKey: attribute(range.AttributeName) } : {}) };
  };

  return {
    billingMode: BillingMode.PAY_PER_REQUEST,
    ...keys(def.KeySchema),
    globalSecondaryIndexes: (def.GlobalSecondaryIndexes ?? []).map((gsi) => {
      if (!gsi.IndexName) throw new Error('A GSI has no name.');
      const { ProjectionType: type, NonKeyAttributes: include } = gsi.Projection ?? {};
      if (type === 'ALL' && include === undefined)
        return { indexName: gsi.IndexName, ...keys(gsi.KeySchema), projectionType: ProjectionType.ALL };
      if (type === 'INCLUDE' && include && include.length > 0) {
        return { indexName: gsi.IndexName, ...keys(gsi.KeySchema), projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...include] };
      }
      throw new Error(`GSI ${gsi.IndexName} must project ALL, or INCLUDE with its attributes listed.`);
    }),
  };
}
