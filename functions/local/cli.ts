import { parseArgs } from 'node:util';
import { generateApiKey } from '../../packages/api/api-keys';
import { rescore } from '../../packages/api/rescore';
import { getInstrument } from '../../packages/instruments';
import { NotFound } from '../../packages/instruments/errors';
import { SCOPES, type Scope } from '../../packages/store/port';
import { config } from '../config';
import { startLocalRuntime } from './runtime';

const USAGE = `Usage:
  npm run cli -- keys create --clinic <id> --scopes <scope,scope>   (prints the key last; shown once)
  npm run cli -- keys list [--clinic <id>]
  npm run cli -- keys revoke <keyId>
  npm run cli -- rescore --instrument <id> [--apply] [--examples <n>]
      previews what the instrument's current definition would change in stored assessments;
      --apply stores the new scores beside the old ones, with their provenance
Scopes: ${SCOPES.join(', ')}
Add --aws to work on the deployed table (TABLE_NAME, AWS_REGION, your AWS credentials) instead of .data/.`;

const CLINIC_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

class UsageError extends Error {}

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
    help: { type: 'boolean', short: 'h' },
  },
});
const [group, command, arg] = positionals;
if (values.help || !(group === 'rescore' || (group === 'keys' && command))) exitWithUsage(values.help ? '' : 'Unknown command.');

const runtime = await startLocalRuntime(config(), { aws: values.aws ?? false });
try {
  if (group === 'rescore') {
    const instrument = getInstrument(values.instrument ?? fail('--instrument is required.')) ?? fail('Unknown instrument.');
    const report = await rescore(runtime.store, instrument, {
      apply: values.apply ?? false,
      now: () => new Date(),
      examples: Number(values.examples ?? 5),
      onProgress: (n) => process.stderr.write(`\rscanned ${n}`),
    });
    process.stderr.write('\n');
    console.log(JSON.stringify(report, null, 2));
    if (!values.apply && report.scanned > report.current + report.unscorable) {
      console.log(`Preview only. Run again with --apply to store ${report.scanned - report.current - report.unscorable} new scorings.`);
    }
  } else if (command === 'create') {
    const clinic = values.clinic ?? fail('--clinic is required.');
    if (!CLINIC_ID.test(clinic)) fail('--clinic must be 2–63 of a-z, 0-9 and -, starting with a letter or digit.');
    const scopes = (values.scopes ?? fail('--scopes is required.')).split(',').map((s) => s.trim());
    const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
    if (unknown.length > 0 || scopes.length === 0) fail(`Unknown scope(s): ${unknown.join(', ')}`);
    const { key, record } = generateApiKey(clinic, scopes as Scope[], new Date());
    await runtime.store.putApiKey(record);
    console.log(`Created key ${record.keyId} for clinic ${clinic} with scopes ${record.scopes.join(',')}. It is shown once:`);
    console.log(key);
  } else if (command === 'list') {
    const keys = await runtime.store.listApiKeys(values.clinic);
    console.log(['keyId'.padEnd(18), 'clinic'.padEnd(16), 'created'.padEnd(26), 'revoked'.padEnd(26), 'scopes'].join(' '));
    for (const k of keys) {
      console.log([k.keyId.padEnd(18), k.clinicId.padEnd(16), k.createdAt.padEnd(26), (k.revokedAt ?? '-').padEnd(26), k.scopes.join(',')].join(' '));
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
  else if (error instanceof NotFound) console.error('No key with this id.');
  else throw error;
  process.exitCode = 2;
} finally {
  await runtime.stop();
}
