import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from '../../packages/store/client';
import { startDynamoLocal } from '../../packages/store/local';

/** `<DATA_DIR>/dynamodb-local.json`: which DynamoDB Local serves this data dir (mode 600). */
export const INSTANCE_FILE = 'dynamodb-local.json';

interface InstanceRecord {
  port: number;
  /** The Java process. */
  pid: number;
  /** The `npm start` or CLI process that stops it. */
  ownerPid: number;
  loopbackOnly: boolean;
}

export interface EmbeddedDynamo {
  endpoint: string;
  port: number;
  pid: number;
  loopbackOnly: boolean;
  /** `reused`: another process owns it; `adopted`: its owner is gone, this process now stops it. */
  how: 'started' | 'reused' | 'adopted';
  /** Stops it if this process owns it. */
  stop(): Promise<void>;
}

/**
 * The one DynamoDB Local of a data dir: the running one recorded in `dynamodb-local.json` (so a
 * second `npm start` or the CLI never opens the same files in a second JVM), else a new one on
 * `port` or, without, on a free port, recorded for the next process.
 * @example const db = await embeddedDynamo(resolve('.data')); …; await db.stop();
 */
export async function embeddedDynamo(dataDir: string, port?: number): Promise<EmbeddedDynamo> {
  const file = resolve(dataDir, INSTANCE_FILE);
  const running = await readRecord(file);
  if (running && alive(running.pid) && (await answers(running.port))) {
    if (port !== undefined && port !== running.port) {
      throw new Error(
        `DynamoDB Local for ${dataDir} already runs on port ${running.port} (pid ${running.pid}): ` +
          `unset DYNAMODB_LOCAL_PORT or set it to ${running.port}.`,
      );
    }
    const { pid, loopbackOnly } = running;
    const base = { endpoint: endpointOf(running.port), port: running.port, pid, loopbackOnly };
    if (alive(running.ownerPid)) return { ...base, how: 'reused', stop: async () => {} };
    await writeRecord(file, { ...running, ownerPid: process.pid });
    return { ...base, how: 'adopted', stop: () => stopAdopted(file, pid) };
  }
  if (running) await rm(file, { force: true });
  if (port !== undefined && (await answers(port))) {
    throw new Error(
      `Port ${port} (DYNAMODB_LOCAL_PORT) answers, but not as the DynamoDB Local of ${dataDir}. ` +
        `To use that DynamoDB, set DYNAMODB_ENDPOINT=${endpointOf(port)}; else choose a free port or unset it.`,
    );
  }
  const dbPath = resolve(dataDir, 'dynamodb');
  await mkdir(dbPath, { recursive: true, mode: 0o700 });
  const local = await startDynamoLocal({ ...(port === undefined ? {} : { port }), dbPath, detached: true });
  await writeRecord(file, { port: local.port, pid: local.pid, ownerPid: process.pid, loopbackOnly: local.loopbackOnly });
  return {
    endpoint: local.endpoint,
    port: local.port,
    pid: local.pid,
    loopbackOnly: local.loopbackOnly,
    how: 'started',
    stop: async () => {
      await local.stop();
      await forget(file, local.pid);
    },
  };
}

const endpointOf = (port: number) => `http://127.0.0.1:${port}`;

async function readRecord(file: string): Promise<InstanceRecord | undefined> {
  try {
    const r = JSON.parse(await readFile(file, 'utf8')) as Partial<InstanceRecord>;
    const ints = [r.port, r.pid, r.ownerPid].every((n) => Number.isInteger(n) && (n as number) > 0);
    return ints && typeof r.loopbackOnly === 'boolean' ? (r as InstanceRecord) : undefined;
  } catch {
    return undefined;
  }
}

async function writeRecord(file: string, record: InstanceRecord): Promise<void> {
  await writeFile(file, `${JSON.stringify(record)}\n`, { mode: 0o600 });
}

/** Removes the record if it still names this Java process. */
async function forget(file: string, pid: number): Promise<void> {
  if ((await readRecord(file))?.pid === pid) await rm(file, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function answers(port: number): Promise<boolean> {
  const client = createDynamoClient({ endpoint: endpointOf(port), maxAttempts: 1, requestTimeoutMs: 1_000 });
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }));
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}

/** Not our child, so no exit event: signal it and watch for it to be gone. */
async function stopAdopted(file: string, pid: number): Promise<void> {
  const deadline = Date.now() + 5_000;
  signal(pid, 'SIGTERM');
  while (alive(pid)) {
    if (Date.now() > deadline) signal(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 100));
  }
  await forget(file, pid);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
