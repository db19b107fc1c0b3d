import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { generateApiKey, parseApiKey, secretMatches } from '../../packages/api/api-keys';
import { SCOPES } from '../../packages/domain/records';
import type { Store } from '../../packages/store/port';
import { composeApp } from '../app';
import { config } from '../config';
import { createLocalServer } from './http-server';
import { embeddedNotice, localPseudonymizer, startLocalRuntime } from './runtime';
import { localWebApp, withWeb } from './web';

const DEMO_CLINIC = 'demo';
/** How long a stop (SIGTERM, Ctrl-C) waits for the requests in flight before cutting them. */
const SHUTDOWN_GRACE_MS = 10_000;

/** Keeps the dev key across restarts; makes a new one if the file or its record is gone. */
async function devKey(store: Store, file: string): Promise<string> {
  const existing = await readFile(file, 'utf8').then(
    (t) => t.trim(),
    () => '',
  );
  const parsed = parseApiKey(existing);
  const record = parsed && (await store.getApiKey(parsed.keyId));
  if (parsed && record && !record.revokedAt && secretMatches(parsed.secret, record.secretHash)) return existing;
  const { key, record: fresh } = generateApiKey(DEMO_CLINIC, [...SCOPES], new Date());
  await store.putApiKey(fresh);
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  return key;
}

const cfg = config();
const runtime = await startLocalRuntime(cfg);

/** The dev key and the listening API; on any failure (e.g. PORT taken) DynamoDB Local is stopped, not left running in its own process group. */
async function serveApp() {
  const key = await devKey(runtime.store, resolve(runtime.dataDir, 'dev-api-key'));
  const app = composeApp({
    store: runtime.store,
    pseudonymizer: await localPseudonymizer(runtime.dataDir),
    authCacheSeconds: cfg.AUTH_CACHE_SECONDS,
    rateLimit: { perSecond: cfg.RATE_LIMIT_PER_SECOND, burst: cfg.RATE_LIMIT_BURST },
    suppressionThreshold: cfg.SUPPRESSION_THRESHOLD,
    corsOrigins: cfg.CORS_ALLOWED_ORIGINS,
  });
  // One port, as one HTTP API in the stack: the reference and other pages first, the API for the rest.
  return { key, http: await createLocalServer(withWeb(app, localWebApp()), { port: cfg.PORT, hostname: '127.0.0.1' }) };
}

const { key, http } = await serveApp().catch(async (error: unknown) => {
  await runtime.stop();
  throw error;
});
console.error(
  [
    `MI Assessments API on http://localhost:${http.port}  (reference: /docs, contract: /openapi.json)`,
    `DynamoDB: ${runtime.endpoint}, table ${cfg.TABLE_NAME}`,
    ...embeddedNotice(runtime),
    `Clinic "${DEMO_CLINIC}" development key (${SCOPES.join(', ')}), also in ${resolve(runtime.dataDir, 'dev-api-key')}:`,
    `  ${key}`,
  ].join('\n'),
);

/**
 * Stop accepting, let the requests in flight finish (bounded), and only then stop the database
 * they write to. A second signal cuts the wait short.
 */
let stopping = false;
const shutdown = async (signal: NodeJS.Signals) => {
  if (stopping) {
    console.error(`${signal} again: cutting the requests still in flight.`);
    http.server.closeAllConnections();
    return;
  }
  stopping = true;
  console.error(`${signal}: finishing the requests in flight (at most ${SHUTDOWN_GRACE_MS / 1000} s), then stopping.`);
  const { cut } = await http.close(SHUTDOWN_GRACE_MS);
  if (cut > 0) console.error(`Cut ${cut} requests still running after ${SHUTDOWN_GRACE_MS / 1000} s.`);
  await runtime.stop();
  process.exit(0);
};
process.on('SIGINT', (signal) => void shutdown(signal));
process.on('SIGTERM', (signal) => void shutdown(signal));
