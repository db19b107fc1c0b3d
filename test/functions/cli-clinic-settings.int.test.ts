import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../packages/api/api-keys';
import { type CliSession, cliSession } from '../support/cli';
import { ORACLE_QUESTIONNAIRE, oracleRulerMap } from '../support/form-maps';

/** `npm run cli -- clinic …` and `forms …` as processes, on this run's DynamoDB Local. */
describe('npm run cli -- clinic part2 | forms', () => {
  let cli: CliSession;

  beforeAll(async () => {
    cli = await cliSession('cli-settings-');
    await cli.table.store.putApiKey(generateApiKey('clinic-a', ['assessments:write'], new Date('2026-12-01T08:00:00Z')).record);
    const good = join(cli.dir, 'map.json');
    const bad = join(cli.dir, 'bad.json');
    await writeFile(good, JSON.stringify(oracleRulerMap()));
    await writeFile(
      bad,
      JSON.stringify({ ...oracleRulerMap(), items: [{ linkId: '1', item: 'secret-item-name', answers: [{ integer: 99, value: 99 }] }] }),
    );
    await cli.run('part2 off', 'clinic', 'part2', '--clinic', 'clinic-a', '--off');
    await cli.run('part2 both', 'clinic', 'part2', '--clinic', 'clinic-a', '--on', '--off');
    await cli.run('part2 unknown clinic', 'clinic', 'part2', '--clinic', 'no-such-clinic', '--on');
    await cli.run('import', 'forms', 'import', '--clinic', 'clinic-a', '--file', good);
    await cli.run('import again', 'forms', 'import', '--clinic', 'clinic-a', '--file', good);
    await cli.run('import bad', 'forms', 'import', '--clinic', 'clinic-a', '--file', bad);
    await cli.run('list', 'forms', 'list', '--clinic', 'clinic-a');
    await cli.run('delete unknown', 'forms', 'delete', '--clinic', 'clinic-a', '--questionnaire', 'https://nowhere.example/Q');
  }, 120_000);
  afterAll(() => cli.drop());

  it('turns the Part 2 flag off for a clinic and says what that means', async () => {
    expect(cli.results['part2 off']).toEqual({
      code: 0,
      stdout: 'Clinic clinic-a is not a 42 CFR Part 2 program: its FHIR resources carry no Part 2 security labels.\n',
      stderr: expect.any(String),
    });
    expect(await cli.table.store.getClinicSettings('clinic-a')).toEqual({ part2: false });
  });

  it('refuses both --on and --off, and a clinic that was never given a key, changing nothing', async () => {
    expect(cli.results['part2 both']!.code).toBe(2);
    expect(cli.results['part2 both']!.stderr).toContain('clinic part2 needs exactly one of --on and --off.');
    expect(cli.results['part2 unknown clinic']!.code).toBe(2);
    expect(cli.results['part2 unknown clinic']!.stderr).toContain('No clinic "no-such-clinic"');
    expect((await cli.table.scanAll()).filter((i) => i.type === 'clinicSettings').map((i) => i.PK)).toEqual(['C#clinic-a#SETTINGS']);
  });

  it('imports a form map, then replaces it on a second import', async () => {
    expect(cli.results.import!.code).toBe(0);
    expect(cli.results.import!.stdout).toBe(
      `Imported the form map of ${ORACLE_QUESTIONNAIRE} for clinic clinic-a: 3 items onto readiness-ruler.\n`,
    );
    expect(cli.results['import again']!.stdout).toBe(
      `Replaced the form map of ${ORACLE_QUESTIONNAIRE} for clinic clinic-a: 3 items onto readiness-ruler.\n`,
    );
    expect(await cli.table.store.getFormMap('clinic-a', ORACLE_QUESTIONNAIRE)).toEqual(oracleRulerMap());
  });

  it('refuses an invalid map with the places of its errors, never their values', () => {
    expect(cli.results['import bad']!.code).toBe(2);
    expect(cli.results['import bad']!.stderr).toContain(
      'items.0.item: Unknown item id.\nitems.0.answers.0.value: Must be an integer from 0 to 10.\n',
    );
    expect(cli.results['import bad']!.stderr).not.toContain('secret-item-name');
  });

  it("lists the clinic's maps", () => {
    const lines = cli.results.list!.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]!.split(/\s+/).slice(0, 3)).toEqual([ORACLE_QUESTIONNAIRE, 'readiness-ruler', '3']);
  });

  it('answers deleting a map the clinic does not have with a clear message', () => {
    expect(cli.results['delete unknown']!.code).toBe(2);
    expect(cli.results['delete unknown']!.stderr).toContain('The clinic has no form map of this questionnaire.');
  });
});
