import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createPseudonymizer, newPseudonymKeys, type Pseudonymizer, parsePseudonymKeys } from '../../packages/api/pseudonymizer';
import { createDynamoClient } from '../../packages/store/client';
import { createDynamoStore } from '../../packages/store/dynamo';
import { ensureTable, startDynamoLocal } from '../../packages/store/local';
import type { Store } from '../../packages/store/port';
import { GSI2 } from '../../packages/store/schema';
import type { Config } from '../config';

export interface LocalRuntime {
  store: Store;
  /** Where the store points, for the start-up banner. */
  endpoint: string;
  dataDir: string;
  /** Stops the embedded DynamoDB Local if this runtime started it. */
  stop(): Promise<void>;
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    await createDynamoClient({ endpoint, maxAttempts: 1, requestTimeoutMs: 1_000 }).send(new ListTablesCommand({ Limit: 1 }));
    return true;
  } catch {
    return false;
  }
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
 * embedded DynamoDB Local already running for this data dir, or a new one (table created). With
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
  await mkdir(resolve(dataDir, 'dynamodb'), { recursive: true });
  let endpoint = cfg.DYNAMODB_ENDPOINT;
  let stop = async () => {};
  if (!endpoint) {
    endpoint = `http://127.0.0.1:${cfg.DYNAMODB_LOCAL_PORT}`;
    if (!(await answers(endpoint))) {
      const local = await startDynamoLocal({ port: cfg.DYNAMODB_LOCAL_PORT, dbPath: resolve(dataDir, 'dynamodb'), detached: true });
      stop = local.stop;
    }
  }
  const client = createDynamoClient({ endpoint });
  const added = await ensureTable(client, cfg.TABLE_NAME);
  const store = createDynamoStore({ client, tableName: cfg.TABLE_NAME });
  // A table from before the export index: index the assessments already stored.
  if (added.includes(GSI2)) await store.backfillExportIndex();
  return {
    store,
    endpoint,
    dataDir,
    stop,
  };
}
