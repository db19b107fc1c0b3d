import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateApiKey } from '../../packages/api/api-keys';
import { ROOT } from '../e2e/local-process';
import { type TestTable, testTable } from '../support/dynamo';
import { ORACLE_QUESTIONNAIRE, oracleRulerMap } from '../support/form-maps';

const run = promisify(execFile);

/** `npm run cli -- clinic …` and `forms …` as processes, on this run's DynamoDB Local. */
describe('npm run cli -- clinic part2 | forms', () => {
  let table: TestTable;
  let dir: string;
  const results: Record<string, { code: number; stdout: string; stderr: string }> = {};

  const cli = async (name: string, ...args: string[]) => {
    const env = { ...process.env, DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), TABLE_NAME: table.tableName, DATA_DIR: join(dir, 'data') };
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'functions/local/cli.ts', ...args], { cwd: ROOT, env });
      results[name] = { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      results[name] = { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  beforeAll(async () => {
    table = await testTable();
    dir = await mkdtemp(join(tmpdir(), 'cli-settings-'));
    await table.store.putApiKey(generateApiKey('clinic-a', ['assessments:write'], new Date('2026-12-01T08:00:00Z')).record);
    const good = join(dir, 'map.json');
    const bad = join(dir, 'bad.json');
    await writeFile(good, JSON.stringify(oracleRulerMap()));
    await writeFile(
      bad,
      JSON.stringify({ ...oracleRulerMap(), items: [{ linkId: '1', item: 'secret-item-name', answers: [{ integer: 99, value: 99 }] }] }),
    );
    await cli('part2 off', 'clinic', 'part2', '--clinic', 'clinic-a', '--off');
    await cli('part2 both', 'clinic', 'part2', '--clinic', 'clinic-a', '--on', '--off');
    await cli('part2 unknown clinic', 'clinic', 'part2', '--clinic', 'no-such-clinic', '--on');
    await cli('import', 'forms', 'import', '--clinic', 'clinic-a', '--file', good);
    await cli('import again', 'forms', 'import', '--clinic', 'clinic-a', '--file', good);
    await cli('import bad', 'forms', 'import', '--clinic', 'clinic-a', '--file', bad);
    await cli('list', 'forms', 'list', '--clinic', 'clinic-a');
    await cli('delete unknown', 'forms', 'delete', '--clinic', 'clinic-a', '--questionnaire', 'https://nowhere.example/Q');
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await table.drop();
  });

  it('turns the Part 2 flag off for a clinic and says what that means', async () => {
    expect(results['part2 off']).toEqual({
      code: 0,
      stdout: 'Clinic clinic-a is not a 42 CFR Part 2 program: its FHIR resources carry no Part 2 security labels.\n',
      stderr: expect.any(String),
    });
    expect(await table.store.getClinicSettings('clinic-a')).toEqual({ part2: false });
  });

  it('refuses both --on and --off, and a clinic that was never given a key, changing nothing', async () => {
    expect(results['part2 both']!.code).toBe(2);
    expect(results['part2 both']!.stderr).toContain('clinic part2 needs exactly one of --on and --off.');
    expect(results['part2 unknown clinic']!.code).toBe(2);
    expect(results['part2 unknown clinic']!.stderr).toContain('No clinic "no-such-clinic"');
    expect((await table.scanAll()).filter((i) => i.type === 'clinicSettings').map((i) => i.PK)).toEqual(['C#clinic-a#SETTINGS']);
  });

  it('imports a form map, then replaces it on a second import', async () => {
    expect(results.import!.code).toBe(0);
    expect(results.import!.stdout).toBe(
      `Imported the form map of ${ORACLE_QUESTIONNAIRE} for clinic clinic-a: 3 items onto readiness-ruler.\n`,
    );
    expect(results['import again']!.stdout).toBe(
      `Replaced the form map of ${ORACLE_QUESTIONNAIRE} for clinic clinic-a: 3 items onto readiness-ruler.\n`,
    );
    expect(await table.store.getFormMap('clinic-a', ORACLE_QUESTIONNAIRE)).toEqual(oracleRulerMap());
  });

  it('refuses an invalid map with the places of its errors, never their values', () => {
    expect(results['import bad']!.code).toBe(2);
    expect(results['import bad']!.stderr).toContain(
      'items.0.item: Unknown item id.\nitems.0.answers.0.value: Must be an integer from 0 to 10.\n',
    );
    expect(results['import bad']!.stderr).not.toContain('secret-item-name');
  });

  it("lists the clinic's maps", () => {
    const lines = results.list!.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]!.split(/\s+/).slice(0, 3)).toEqual([ORACLE_QUESTIONNAIRE, 'readiness-ruler', '3']);
  });

  it('answers deleting a map the clinic does not have with a clear message', () => {
    expect(results['delete unknown']!.code).toBe(2);
    expect(results['delete unknown']!.stderr).toContain('The clinic has no form map of this questionnaire.');
  });
});
