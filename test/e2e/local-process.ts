import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const TSX = join(ROOT, 'node_modules/.bin/tsx');

export interface ServerProcess {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output: () => string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/**
 * `npm start` (node --import tsx functions/local/server.ts) with `env`, resolved once it printed
 * its banner. In its own process group, as in a terminal: `process.kill(-child.pid, 'SIGINT')` is Ctrl-C.
 * @example const server = await startServer({ ...process.env, PORT: '3100', DATA_DIR: dir });
 */
export async function startServer(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/local/server.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  await until(
    () => out.includes('development key'),
    45_000,
    () => child.exitCode !== null && `server exited:\n${out}`,
  );
  return { child, output: () => out, exited };
}

/**
 * Polls `done` every 20 ms; throws after `timeoutMs`, or early with what `failed` returns.
 * @example await until(() => server.output().includes('SIGTERM'), 2_000);
 */
export async function until(done: () => boolean, timeoutMs: number, failed: () => string | false = () => false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    const why = failed();
    if (why) throw new Error(why);
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Whether a process with this pid exists.
 * @example expect(alive(pid)).toBe(false);
 */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * For afterAll: stops a server a failed test left running with SIGTERM (it stops its own DynamoDB
 * Local), else SIGKILL; then kills the DynamoDB Local still recorded in `dataDir`, which runs in
 * its own process group and would outlive a killed server.
 * @example afterAll(() => cleanUp(server, dataDir));
 */
export async function cleanUp(server: ServerProcess, dataDir: string): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill('SIGTERM');
    const stopped = await Promise.race([server.exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 15_000))]);
    if (!stopped) {
      process.kill(-server.child.pid!, 'SIGKILL');
      await server.exited;
    }
  }
  await killRecordedDynamo(dataDir);
}

/**
 * Kills the DynamoDB Local recorded in `dataDir/dynamodb-local.json`, if it still runs.
 * @example await killRecordedDynamo(dataDir);
 */
export async function killRecordedDynamo(dataDir: string): Promise<void> {
  const record = await readFile(join(dataDir, 'dynamodb-local.json'), 'utf8').then(
    (text) => JSON.parse(text) as { pid: number },
    () => undefined,
  );
  if (record && alive(record.pid)) process.kill(record.pid, 'SIGKILL');
}
