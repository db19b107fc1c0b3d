import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/net';
import { cleanUp, ROOT, type ServerProcess, startServer as startWith, TSX } from './local-process';

/**
 * What a newcomer does: `npm start` (embedded DynamoDB Local under DATA_DIR), post with the printed
 * key, read it back, manage keys with the CLI, restart and find everything still there.
 */

let dataDir: string;
let env: NodeJS.ProcessEnv;
let base: string;

const startServer = () => startWith(env);

async function stop(server: ServerProcess) {
  server.child.kill('SIGTERM');
  await server.exited;
}

const body = {
  instrument: 'readiness-ruler',
  subject: { ref: 'e2e-ref-1' },
  administeredOn: '2026-11-20',
  responses: { importance: 7, confidence: 3, readiness: 5 },
};

describe('npm start and the keys CLI', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let devKey: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mia-e2e-'));
    const [port, dynamoPort] = [await freePort(), await freePort()];
    env = { ...process.env, PORT: String(port), DYNAMODB_LOCAL_PORT: String(dynamoPort), DATA_DIR: dataDir, TABLE_NAME: 'e2e' };
    delete env.DYNAMODB_ENDPOINT;
    base = `http://127.0.0.1:${port}`;
    server = await startServer();
    devKey = (await readFile(join(dataDir, 'dev-api-key'), 'utf8')).trim();
  }, 60_000);
  afterAll(async () => {
    await cleanUp(server, dataDir);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints the development key it wrote to DATA_DIR/dev-api-key', () => {
    expect(devKey).toMatch(/^mia_[0-9a-f]{16}[A-Za-z0-9_-]{43}$/);
    expect(server.output()).toContain(devKey);
  });

  it('stores an assessment and serves it back by id and by subject', async () => {
    const headers = { authorization: `Bearer ${devKey}`, 'content-type': 'application/json' };
    const created = await fetch(`${base}/v1/assessments`, {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': 'e2e-1' },
      body: JSON.stringify(body),
    });
    const view = (await created.json()) as { id: string; subjectId: string; scores: unknown };
    const byId = await fetch(`${base}/v1/assessments/${view.id}`, { headers });
    const search = await fetch(`${base}/v1/subjects/search`, { method: 'POST', headers, body: JSON.stringify({ ref: 'e2e-ref-1' }) });

    expect(created.status).toBe(201);
    expect(view.scores).toEqual({ importance: 7, confidence: 3, readiness: 5 });
    expect(await byId.json()).toEqual(view);
    expect(((await search.json()) as { items: unknown[] }).items).toEqual([view]);
  });

  it('creates a scoped key with the CLI (last line of stdout) that the running server accepts', async () => {
    const run = spawnSync(TSX, ['functions/local/cli.ts', 'keys', 'create', '--clinic', 'e2e-clinic', '--scopes', 'assessments:read'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    const key = run.stdout.trim().split('\n').at(-1)!;

    const read = await fetch(`${base}/v1/instruments`, { headers: { authorization: `Bearer ${key}` } });
    const write = await fetch(`${base}/v1/assessments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': 'e2e-2' },
      body: JSON.stringify(body),
    });

    expect(run.status).toBe(0);
    expect(key).toMatch(/^mia_[0-9a-f]{16}[A-Za-z0-9_-]{43}$/);
    expect(read.status).toBe(200);
    expect(write.status).toBe(403);
  });

  it('keeps data and the development key across a restart', async () => {
    await stop(server);
    server = await startServer();

    const again = await fetch(`${base}/v1/subjects/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${devKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ref: 'e2e-ref-1' }),
    });

    expect((await readFile(join(dataDir, 'dev-api-key'), 'utf8')).trim()).toBe(devKey);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { items: unknown[] }).items).toHaveLength(1);
  }, 60_000);
});
