import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateApiKey } from '../../packages/api/api-keys';
import { instruments } from '../../packages/instruments';
import { ROOT } from '../e2e/local-process';
import { type TestTable, testTable } from '../support/dynamo';

const run = promisify(execFile);

/** `npm run cli -- export …` as a process, on this run's DynamoDB Local. */
describe('npm run cli -- export', () => {
  let table: TestTable;
  let dir: string;
  const results: Record<string, { code: number; stdout: string; stderr: string }> = {};

  const cli = async (name: string, ...args: string[]) => {
    const env = { ...process.env, DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), TABLE_NAME: table.tableName, DATA_DIR: join(dir, 'data') };
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'functions/local/cli.ts', 'export', ...args], {
        cwd: ROOT,
        env,
      });
      results[name] = { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      results[name] = { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  beforeAll(async () => {
    table = await testTable();
    dir = await mkdtemp(join(tmpdir(), 'cli-export-'));
    await table.store.putApiKey(generateApiKey('clinic-a', ['assessments:read'], new Date('2026-11-25T12:00:00Z')).record);
    const out = (name: string) => ['--out', join(dir, name)];
    await Promise.all([
      cli('unknown clinic', '--clinic', 'no-such-clinic', '--instrument', 'readiness-ruler', ...out('clinic.ndjson')),
      cli('unknown instrument', '--clinic', 'clinic-a', '--instrument', 'no-such-instrument', ...out('instrument.ndjson')),
      cli('known', '--clinic', 'clinic-a', '--instrument', 'readiness-ruler', ...out('known.ndjson')),
    ]);
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await table.drop();
  });

  it('fails with a clear message for a clinic that was never given a key, writing and auditing nothing', async () => {
    const audits = await table.store.listExportAudits('no-such-clinic', { limit: 10 });

    expect(results['unknown clinic']!.code).toBe(2);
    expect(results['unknown clinic']!.stderr).toContain(
      'No clinic "no-such-clinic": a clinic exists once it has a key (npm run cli -- keys create --clinic no-such-clinic …).',
    );
    expect(results['unknown clinic']!.stdout).toBe('');
    expect(audits.items).toEqual([]);
  });

  it('fails for an unknown instrument before any file is written, naming the instruments', () => {
    expect(results['unknown instrument']!.code).toBe(2);
    expect(results['unknown instrument']!.stderr).toContain(
      `Unknown instrument "no-such-instrument". Instruments: ${instruments.map((i) => i.id).join(', ')}.`,
    );
  });

  it('still exports for a known clinic and instrument; only that file is written', async () => {
    expect(results.known!.code).toBe(0);
    expect(results.known!.stdout).toMatch(/^Wrote 0 rows to .*known\.ndjson \(export exp_[A-Za-z0-9_-]+, audited as cli:operator\)\.\n$/);
    expect((await readdir(dir)).sort()).toEqual(['data', 'known.ndjson']);
  });

  it('writes progress as plain lines, without carriage returns, when stderr is not a terminal', () => {
    expect(results.known!.stderr).toContain('0 rows\n');
    expect(results.known!.stderr).not.toContain('\r');
  });
});
