import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

/**
 * The baseline of `npm run bench:coldstart`: the least a Hono-on-Lambda API with DynamoDB can
 * be (one route, one GetItem), bundled exactly like the real function. It reads process.env
 * directly because it has no config module to share.
 */
const endpoint = process.env.DYNAMODB_ENDPOINT;
const client = new DynamoDBClient(
  endpoint ? { endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {},
);

const app = new Hono().get('/v1/assessments/:id', async (c) => {
  const key = { PK: { S: `C#bench#ASM#${c.req.param('id')}` }, SK: { S: 'ASM' } };
  const { Item } = await client.send(new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: key }));
  return Item ? c.json(Item) : c.json({ title: 'Not found' }, 404);
});

export const handler = handle(app);
