import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { generateApiKey } from '../../packages/api/api-keys';
import { parseFormMap } from '../../packages/api/form-maps';
import { newAssessmentId } from '../../packages/api/ids';
import { createPseudonymizer } from '../../packages/api/pseudonymizer';
import { rescore } from '../../packages/api/rescore';
import { Conflict, NotFound, ValidationError } from '../../packages/domain/errors';
import { EXPORT_FORMAT_IDS, type ExportFormat, OPERATOR_SCOPES, SCOPES, type Scope } from '../../packages/domain/records';
import { getInstrument, instruments } from '../../packages/instruments';
import type { Store } from '../../packages/store/port';
import { config } from '../config';
import { DEMO_BACKWARD_REF, DEMO_CLINIC, seedDemo } from './demo-seed';
import { exportToFile, progressLine } from './export-file';
import { localPseudonymizer, startLocalRuntime } from './runtime';

const USAGE = `Usage:
  npm run cli -- keys create --clinic <id> --scopes <scope,scope>   (prints the key last; shown once)
  npm run cli -- keys list [--clinic <id>]
  npm run cli -- keys revoke <keyId>
  npm run cli -- rescore --instrument <id> [--apply] [--examples <n>]
      previews what the instrument's current definition would change in stored assessments;
      --apply stores the new scores beside the old ones, with their provenance
  npm run cli -- export --clinic <id> --instrument <id> [--from YYYY-MM-DD] [--to YYYY-MM-DD]
      [--format ${EXPORT_FORMAT_IDS.join('|')}] --out <file>
      writes a de-identified export (as GET /v1/analytics/export), audited as cli:operator
  npm run cli -- demo seed
      stores a year of demo assessments for clinic "demo" (as POST /v1/assessments/batch); running it again adds nothing
  npm run cli -- clinic part2 --clinic <id> --on|--off
      whether the clinic is a 42 CFR Part 2 program (the default): its FHIR resources carry Part 2 labels
  npm run cli -- forms import --clinic <id> --file <map.json>
      validates and stores a form map (EHR questionnaire URL + linkIds + answer codes -> our instrument), replacing
      the clinic's map of the same URL; docs/fhir-store.md describes the file
  npm run cli -- forms list --clinic <id>
  npm run cli -- forms delete --clinic <id> --questionnaire <url>
  npm run cli -- backfill-export-index
      once after upgrading a deployed table (use --aws): indexes assessments stored before exports existed
Scopes: ${SCOPES.join(', ')}; operator-only: ${OPERATOR_SCOPES.join(', ')} (aggregates of other clinics and the network)
Add --aws to work on the deployed table (TABLE_NAME, AWS_REGION, your AWS credentials) instead of .data/.`;

const CLINIC_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

class UsageError extends Error {}

/**
 * Progress on stderr: redrawn in place on a terminal; on a pipe or log file, one line per update
 * (a carriage return there only garbles the file).
 */
const progress = (line: string) => process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
const endProgress = () => {
  if (process.stderr.isTTY) process.stderr.write('\n');
};
/** A well-formed command that cannot be done (printed without the usage text). */
class Refused extends Error {}

/** Throws, so that `finally` still stops an embedded DynamoDB Local this command started. */
function fail(message: string): never {
  throw new UsageError(message);
}

function exitWithUsage(message: string): never {
  console.error(`${message}\n\n${USAGE}`.trim());
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    clinic: { type: 'string' },
    scopes: { type: 'string' },
    instrument: { type: 'string' },
    apply: { type: 'boolean' },
    aws: { type: 'boolean' },
    examples: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    on: { type: 'boolean' },
    off: { type: 'boolean' },
    file: { type: 'string' },
    questionnaire: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
const [group, command, arg] = positionals;
const GROUPS = ['rescore', 'export', 'backfill-export-index'];
const COMMANDS: Record<string, readonly string[]> = {
  keys: ['create', 'list', 'revoke'],
  demo: ['seed'],
  clinic: ['part2'],
  forms: ['import', 'list', 'delete'],
};
const known = GROUPS.includes(group ?? '') || (COMMANDS[group ?? '']?.includes(command ?? '') ?? false) || (group === 'keys' && command);
if (values.help || !known) exitWithUsage(values.help ? '' : 'Unknown command.');

/** The clinic named by --clinic, which must exist (have had a key): settings for a mistyped id would never apply. */
async function existingClinic(store: Store): Promise<string> {
  const clinicId = values.clinic ?? fail('--clinic is required.');
  if (!CLINIC_ID.test(clinicId)) fail('--clinic must be 2–63 of a-z, 0-9 and -, starting with a letter or digit.');
  if (!(await store.listClinics()).includes(clinicId)) {
    throw new Refused(`No clinic "${clinicId}": a clinic exists once it has a key (npm run cli -- keys create --clinic ${clinicId} …).`);
  }
  return clinicId;
}

const runtime = await startLocalRuntime(config(), { aws: values.aws ?? false });
try {
  if (group === 'rescore') {
    const instrument = getInstrument(values.instrument ?? fail('--instrument is required.')) ?? fail('Unknown instrument.');
    const report = await rescore(runtime.store, instrument, {
      apply: values.apply ?? false,
      now: () => new Date(),
      examples: Number(values.examples ?? 5),
      onProgress: (n) => progress(`scanned ${n}`),
    });
    endProgress();
    console.log(JSON.stringify(report, null, 2));
    if (!values.apply && report.scanned > report.current + report.unscorable) {
      console.log(`Preview only. Run again with --apply to store ${report.scanned - report.current - report.unscorable} new scorings.`);
    }
  } else if (group === 'export') {
    const clinicId = values.clinic ?? fail('--clinic is required.');
    if (!CLINIC_ID.test(clinicId)) fail('--clinic must be 2–63 of a-z, 0-9 and -, starting with a letter or digit.');
    const instrument = values.instrument ?? fail('--instrument is required.');
    const out = values.out ?? fail('--out is required.');
    const format = (values.format ?? EXPORT_FORMAT_IDS[0]) as ExportFormat;
    if (!EXPORT_FORMAT_IDS.includes(format)) fail(`--format must be one of ${EXPORT_FORMAT_IDS.join(', ')}.`);
    for (const day of [values.from, values.to])
      if (day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(day)) fail('--from and --to are days, YYYY-MM-DD.');
    // why: an export of nothing would still write a file and an audit record.
    if (!getInstrument(instrument)) {
      throw new Refused(`Unknown instrument "${instrument}". Instruments: ${instruments.map((i) => i.id).join(', ')}.`);
    }
    if (!(await runtime.store.listClinics()).includes(clinicId)) {
      throw new Refused(`No clinic "${clinicId}": a clinic exists once it has a key (npm run cli -- keys create --clinic ${clinicId} …).`);
    }
    // why: the per-export key only has to be secret and server-side; on --aws the deployed key stays in
    // Secrets Manager and a fresh random one serves (the cursor never leaves this process).
    const pseudonymizer = values.aws
      ? createPseudonymizer({ current: 1, keys: { '1': randomBytes(32) } })
      : await localPseudonymizer(runtime.dataDir);
    let tick = 0;
    const done = await exportToFile(
      { store: runtime.store, pseudonymizer, now: () => new Date() },
      clinicId,
      { instrument, format, ...(values.from ? { from: values.from } : {}), ...(values.to ? { to: values.to } : {}) },
      out,
      { onProgress: (p) => progress(progressLine(p, (tick += 1))) },
    );
    endProgress();
    console.log(`Wrote ${done.rows} rows to ${out} (export ${done.exportId}, audited as cli:operator).`);
  } else if (group === 'demo') {
    // why: the deployed pseudonym key lives in Secrets Manager; demo clients belong on a local table.
    if (values.aws) throw new Refused('demo seed works on the local table only (no --aws).');
    const report = await seedDemo(
      { store: runtime.store, pseudonymizer: await localPseudonymizer(runtime.dataDir), now: () => new Date(), newId: newAssessmentId },
      new Date(),
      { onProgress: (done, total) => progress(`seeded ${done}/${total}`) },
    );
    endProgress();
    console.log(
      `Clinic "${DEMO_CLINIC}": ${report.created} assessments stored, ${report.replayed} already there${report.earlier ? `, ${report.earlier} kept from an earlier day's seed` : ''}${report.failed ? `, ${report.failed} refused (${JSON.stringify(report.refusals)})` : ''} (${(report.ms / 1000).toFixed(1)} s).`,
    );
    console.log(`A client with a backward stage move (RCQ): ref ${DEMO_BACKWARD_REF}`);
    if (report.failed > 0) process.exitCode = 1;
  } else if (group === 'clinic') {
    if (values.on === values.off) fail('clinic part2 needs exactly one of --on and --off.');
    const clinicId = await existingClinic(runtime.store);
    const settings = await runtime.store.setClinicPart2(clinicId, values.on === true, new Date().toISOString());
    console.log(
      settings.part2
        ? `Clinic ${clinicId} is a 42 CFR Part 2 program: its FHIR resources carry the Part 2 security labels.`
        : `Clinic ${clinicId} is not a 42 CFR Part 2 program: its FHIR resources carry no Part 2 security labels.`,
    );
  } else if (group === 'forms' && command === 'import') {
    const file = values.file ?? fail('--file is required.');
    const clinicId = await existingClinic(runtime.store);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      throw new Refused(`Cannot read ${file} as JSON.`);
    }
    const parsed = parseFormMap(json);
    if (!parsed.success) throw new ValidationError(parsed.errors, 'unprocessable');
    const outcome = await runtime.store.putFormMap(clinicId, parsed.map, new Date().toISOString());
    console.log(
      `${outcome === 'created' ? 'Imported' : 'Replaced'} the form map of ${parsed.map.questionnaire} for clinic ${clinicId}: ${parsed.map.items.length} items onto ${parsed.map.instrument}.`,
    );
  } else if (group === 'forms' && command === 'list') {
    const clinicId = await existingClinic(runtime.store);
    const maps = await runtime.store.listFormMaps(clinicId);
    console.log(['questionnaire'.padEnd(60), 'instrument'.padEnd(28), 'items'.padEnd(6), 'imported'].join(' '));
    for (const { map, importedAt } of maps) {
      console.log([map.questionnaire.padEnd(60), map.instrument.padEnd(28), String(map.items.length).padEnd(6), importedAt].join(' '));
    }
  } else if (group === 'forms' && command === 'delete') {
    const questionnaire = values.questionnaire ?? fail('--questionnaire is required.');
    const clinicId = await existingClinic(runtime.store);
    await runtime.store.deleteFormMap(clinicId, questionnaire);
    console.log(`Deleted the form map of ${questionnaire} for clinic ${clinicId}.`);
  } else if (group === 'backfill-export-index') {
    console.log(`Indexed ${await runtime.store.backfillExportIndex()} assessments for export.`);
  } else if (command === 'create') {
    const clinic = values.clinic ?? fail('--clinic is required.');
    if (!CLINIC_ID.test(clinic)) fail('--clinic must be 2–63 of a-z, 0-9 and -, starting with a letter or digit.');
    const scopes = (values.scopes ?? fail('--scopes is required.')).split(',').map((s) => s.trim());
    const unknown = scopes.filter((s) => ![...SCOPES, ...OPERATOR_SCOPES].includes(s as Scope));
    if (unknown.length > 0 || scopes.length === 0) fail(`Unknown scope(s): ${unknown.join(', ')}`);
    const { key, record } = generateApiKey(clinic, scopes as Scope[], new Date());
    await runtime.store.putApiKey(record);
    console.log(`Created key ${record.keyId} for clinic ${clinic} with scopes ${record.scopes.join(',')}. It is shown once:`);
    console.log(key);
  } else if (command === 'list') {
    const keys = await runtime.store.listApiKeys(values.clinic);
    console.log(['keyId'.padEnd(18), 'clinic'.padEnd(16), 'created'.padEnd(26), 'revoked'.padEnd(26), 'scopes'].join(' '));
    for (const k of keys) {
      console.log(
        [k.keyId.padEnd(18), k.clinicId.padEnd(16), k.createdAt.padEnd(26), (k.revokedAt ?? '-').padEnd(26), k.scopes.join(',')].join(' '),
      );
    }
  } else if (command === 'revoke') {
    const keyId = arg ?? fail('keys revoke needs a keyId.');
    const record = await runtime.store.revokeApiKey(keyId, new Date().toISOString());
    console.log(`Revoked key ${record.keyId} of clinic ${record.clinicId} at ${record.revokedAt}.`);
  } else {
    fail(`Unknown command keys ${command}.`);
  }
} catch (error) {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
  else if (error instanceof Refused) console.error(error.message);
  else if (error instanceof NotFound)
    console.error(group === 'forms' ? 'The clinic has no form map of this questionnaire.' : 'No key with this id.');
  else if (error instanceof Conflict) console.error(error.message);
  else if (error instanceof ValidationError) console.error(error.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  else throw error;
  process.exitCode = 2;
} finally {
  await runtime.stop();
}
