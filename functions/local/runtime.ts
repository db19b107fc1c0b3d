import { chmod, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createPseudonymizer, newPseudonymKeys, type Pseudonymizer, parsePseudonymKeys } from '../../packages/api/pseudonymizer';
import { createDynamoClient } from '../../packages/store/client';
import { createDynamoStore } from '../../packages/store/dynamo';
import { ensureTable } from '../../packages/store/local';
import type { Store } from '../../packages/store/port';
import { GSI2 } from '../../packages/store/schema';
import type { Config } from '../config';
import { makePrivate } from './data-dir';
import { type EmbeddedDynamo, embeddedDynamo } from './dynamodb-instance';

export interface LocalRuntime {
  store: Store;
  /** Where the store points, for the start-up banner. */
  endpoint: string;
  dataDir: string;
  /** The embedded DynamoDB Local, when the store is on it. */
  embedded?: Omit<EmbeddedDynamo, 'stop'>;
  /** Stops the embedded DynamoDB Local if this runtime owns it. */
  stop(): Promise<void>;
}

/**
 * The start-up lines about the embedded DynamoDB Local: where it is and, prominently, when it is
 * reachable from the network.
 * @example for (const line of embeddedNotice(rt)) console.error(line);
 */
export function embeddedNotice(rt: Pick<LocalRuntime, 'embedded'>): string[] {
  const db = rt.embedded;
  if (!db) return [];
  const how = { started: 'started', reused: 'already running', adopted: 'already running, adopted' }[db.how];
  const lines = [`DynamoDB Local: pid ${db.pid}, ${how}, ${db.loopbackOnly ? '127.0.0.1 only' : 'EVERY network interface'}`];
  if (!db.loopbackOnly) {
    lines.push(
      `WARNING: DynamoDB Local listens on port ${db.port} of every network interface, without authentication: anyone who can reach this machine can read and change this data (this Java could not run the loopback launcher; install a full JDK 17+ with javac).`,
    );
  }
  return lines;
}

/**
 * The local pseudonymizer: `.data/pseudonym-keys.json`, created (mode 600) on first run.
 * @example const p = await localPseudonymizer(resolve('.data'));
 */
export async function localPseudonymizer(dataDir: string): Promise<Pseudonymizer> {
  return createPseudonymizer(await loadOrCreateKeys(dataDir));
}

async function loadOrCreateKeys(dataDir: string) {
  const file = resolve(dataDir, 'pseudonym-keys.json');
  try {
    return parsePseudonymKeys(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const text = JSON.stringify(newPseudonymKeys(), null, 2);
    await writeFile(file, text, { mode: 0o600, flag: 'wx' });
    await chmod(file, 0o600);
    return parsePseudonymKeys(text);
  }
}

/**
 * What `npm start` and the CLI share: the store on DynamoDB — the configured endpoint, an
 * embedded DynamoDB Local already running for this data dir, or a new one (table created). The
 * data dir is made private (0700, files 0600) first. With
 * `aws`, the deployed table in `AWS_REGION` with the operator's AWS credentials (the CLI's
 * `--aws`); the table is the stack's and is never created here.
 * @example const rt = await startLocalRuntime(config()); …; await rt.stop();
 */
export async function startLocalRuntime(cfg: Config, options: { aws?: boolean } = {}): Promise<LocalRuntime> {
  const dataDir = resolve(cfg.DATA_DIR);
  if (options.aws) {
    const client = createDynamoClient({ region: cfg.AWS_REGION });
    return {
      store: createDynamoStore({ client, tableName: cfg.TABLE_NAME }),
      endpoint: `aws:${cfg.AWS_REGION}`,
      dataDir,
      stop: async () => {},
    };
  }
  await makePrivate(dataDir);
  const db = cfg.DYNAMODB_ENDPOINT ? undefined : await embeddedDynamo(dataDir, cfg.DYNAMODB_LOCAL_PORT);
  const endpoint = cfg.DYNAMODB_ENDPOINT ?? db!.endpoint;
  const client = createDynamoClient({ endpoint });
  const stop = async () => {
    client.destroy();
    await db?.stop();
  };
  const store = createDynamoStore({ client, tableName: cfg.TABLE_NAME });
  try {
    // A table from before the export index: index the assessments already stored.
    if ((await ensureTable(client, cfg.TABLE_NAME)).includes(GSI2)) await store.backfillExportIndex();
  } catch (error) {
    await stop();
    throw error;
  }
  if (!db) return { store, endpoint, dataDir, stop };
  const { stop: _, ...embedded } = db;
  return { store, endpoint, dataDir, embedded, stop };
}
