import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../packages/api/api-keys';
import { instruments } from '../../packages/instruments';
import { type CliSession, cliSession } from '../support/cli';

/** `npm run cli -- export …` as a process, on this run's DynamoDB Local. */
describe('npm run cli -- export', () => {
  let cli: CliSession;

  beforeAll(async () => {
    cli = await cliSession('cli-export-');
    await cli.table.store.putApiKey(generateApiKey('clinic-a', ['assessments:read'], new Date('2026-11-25T12:00:00Z')).record);
    const out = (name: string) => ['--out', join(cli.dir, name)];
    await Promise.all([
      cli.run('unknown clinic', 'export', '--clinic', 'no-such-clinic', '--instrument', 'readiness-ruler', ...out('clinic.ndjson')),
      cli.run('unknown instrument', 'export', '--clinic', 'clinic-a', '--instrument', 'no-such-instrument', ...out('instrument.ndjson')),
      cli.run('known', 'export', '--clinic', 'clinic-a', '--instrument', 'readiness-ruler', ...out('known.ndjson')),
    ]);
  }, 60_000);
  afterAll(() => cli.drop());

  it('fails with a clear message for a clinic that was never given a key, writing and auditing nothing', async () => {
    const audits = await cli.table.store.listExportAudits('no-such-clinic', { limit: 10 });

    expect(cli.results['unknown clinic']!.code).toBe(2);
    expect(cli.results['unknown clinic']!.stderr).toContain(
      'No clinic "no-such-clinic": a clinic exists once it has a key (npm run cli -- keys create --clinic no-such-clinic …).',
    );
    expect(cli.results['unknown clinic']!.stdout).toBe('');
    expect(audits.items).toEqual([]);
  });

  it('fails for an unknown instrument before any file is written, naming the instruments', () => {
    expect(cli.results['unknown instrument']!.code).toBe(2);
    expect(cli.results['unknown instrument']!.stderr).toContain(
      `Unknown instrument "no-such-instrument". Instruments: ${instruments.map((i) => i.id).join(', ')}.`,
    );
  });

  it('still exports for a known clinic and instrument; only that file is written', async () => {
    expect(cli.results.known!.code).toBe(0);
    expect(cli.results.known!.stdout).toMatch(
      /^Wrote 0 rows to .*known\.ndjson \(export exp_[A-Za-z0-9_-]+, audited as cli:operator\)\.\n$/,
    );
    expect((await readdir(cli.dir)).sort()).toEqual(['data', 'known.ndjson']);
  });

  it('writes progress as plain lines, without carriage returns, when stderr is not a terminal', () => {
    expect(cli.results.known!.stderr).toContain('0 rows\n');
    expect(cli.results.known!.stderr).not.toContain('\r');
  });
});
