import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { ROOT } from '../e2e/local-process';
import { type TestTable, testTable } from './dynamo';

const run = promisify(execFile);

/** How one `npm run cli -- …` ended: its exit code and everything it printed. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliSession {
  /** The file's own table on this run's DynamoDB Local, which the CLI is pointed at. */
  table: TestTable;
  /** A fresh temporary folder; the CLI's `DATA_DIR` is its `data` folder. */
  dir: string;
  /** Every run so far, by the name it was given. */
  results: Record<string, CliResult>;
  /** Runs `npm run cli -- ...args` as a process, keeps its result under `name` and returns it. */
  run(name: string, ...args: string[]): Promise<CliResult>;
  /** Removes the folder and drops the table. */
  drop(): Promise<void>;
}

/**
 * The operator CLI (`functions/local/cli.ts`) as a process, the way `npm run cli` starts it, on
 * its own table and temporary folder.
 * @example const cli = await cliSession('cli-export-'); await cli.run('known', 'export', '--clinic', 'clinic-a', '--instrument', 'urica');
 */
export async function cliSession(prefix: string): Promise<CliSession> {
  const table = await testTable();
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const env = { ...process.env, DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), TABLE_NAME: table.tableName, DATA_DIR: join(dir, 'data') };
  const results: Record<string, CliResult> = {};
  return {
    table,
    dir,
    results,
    async run(name, ...args) {
      let result: CliResult;
      try {
        const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'functions/local/cli.ts', ...args], { cwd: ROOT, env });
        result = { code: 0, stdout, stderr };
      } catch (error) {
        const e = error as CliResult;
        result = { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
      results[name] = result;
      return result;
    },
    async drop() {
      await rm(dir, { recursive: true, force: true });
      await table.drop();
    },
  };
}
