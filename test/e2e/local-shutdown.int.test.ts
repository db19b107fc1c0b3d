import { once } from 'node:events';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/net';
import { alive, cleanUp, killRecordedDynamo, type ServerProcess, startServer, until } from './local-process';

/**
 * `npm start` stopped with SIGTERM or Ctrl-C while clients are mid-request, on a data dir left
 * readable by an older version, with DynamoDB Local on its default (free) port.
 */

let dataDir: string;
let env: NodeJS.ProcessEnv;
let base: string;
let server: ServerProcess;
let devKey: string;
const IN_FLIGHT = 12;
const REF = 'shutdown-ref-1';

/**
 * Bodies go out only once the server has begun to stop (the version before this one printed
 * nothing then: after 2 s the test goes on anyway).
 */
const begunToStop = (signal: string) => until(() => server.output().includes(`${signal}: finishing`), 2_000).catch(() => {});

const BODY = JSON.stringify({
  instrument: 'readiness-ruler',
  subject: { ref: REF },
  administeredOn: '2026-11-20',
  responses: { importance: 7, confidence: 3, readiness: 5 },
});

/**
 * A POST whose headers the server has read (it answered `100 Continue`, so the request is in
 * flight) and whose body waits for `send()`. Resolves the status and body once answered.
 */
async function heldPost(agent: Agent, idempotencyKey: string) {
  const req = request({
    host: '127.0.0.1',
    port: Number(env.PORT),
    agent,
    method: 'POST',
    path: '/v1/assessments',
    headers: {
      authorization: `Bearer ${devKey}`,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(BODY),
      'idempotency-key': idempotencyKey,
      expect: '100-continue',
    },
  });
  const answered = new Promise<{ status: number; text: string }>((resolve) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
      res.on('error', (e) => resolve({ status: 0, text: String(e) }));
    });
    req.on('error', (e) => resolve({ status: 0, text: String(e) }));
  });
  req.flushHeaders();
  await once(req, 'continue');
  return { send: () => req.end(BODY), answered };
}

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('npm start: shutdown and the data dir', () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mia-shutdown-'));
    // What an older version left: a readable data dir and database file.
    await mkdir(join(dataDir, 'dynamodb'), { mode: 0o755 });
    await writeFile(join(dataDir, 'dynamodb', 'shared-local-instance.db'), '', { mode: 0o644 });
    await writeFile(join(dataDir, 'notes.txt'), 'left by hand\n', { mode: 0o644 });
    await chmod(dataDir, 0o755);
    const port = await freePort();
    env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, TABLE_NAME: 'shutdown', RATE_LIMIT_BURST: '1000' };
    delete env.DYNAMODB_ENDPOINT;
    delete env.DYNAMODB_LOCAL_PORT;
    base = `http://127.0.0.1:${port}`;
    server = await startServer(env);
    devKey = (await readFile(join(dataDir, 'dev-api-key'), 'utf8')).trim();
  }, 60_000);
  afterAll(async () => {
    await cleanUp(server, dataDir);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('makes the data dir 0700 and every file in it 0600, the database file included', async () => {
    const files = ['dev-api-key', 'dynamodb-local.json', 'notes.txt', 'pseudonym-keys.json', join('dynamodb', 'shared-local-instance.db')];

    expect(await readdir(dataDir)).toEqual(['dev-api-key', 'dynamodb', 'dynamodb-local.json', 'notes.txt', 'pseudonym-keys.json']);
    expect(await modeOf(dataDir)).toBe(0o700);
    expect(await modeOf(join(dataDir, 'dynamodb'))).toBe(0o700);
    expect(Object.fromEntries(await Promise.all(files.map(async (f) => [f, await modeOf(join(dataDir, f))])))).toEqual(
      Object.fromEntries(files.map((f) => [f, 0o600])),
    );
  });

  it('runs DynamoDB Local on a free port, not 8000, recorded for the CLI, and on 127.0.0.1 only', async () => {
    const record = JSON.parse(await readFile(join(dataDir, 'dynamodb-local.json'), 'utf8'));

    expect(record).toEqual({ port: expect.any(Number), pid: expect.any(Number), ownerPid: expect.any(Number), loopbackOnly: true });
    expect(record.port).not.toBe(8000);
    expect(alive(record.pid)).toBe(true);
    expect(server.output()).toContain(`DynamoDB: http://127.0.0.1:${record.port}, table shutdown`);
    expect(server.output()).toContain(`DynamoDB Local: pid ${record.pid}, started, 127.0.0.1 only`);
    expect(server.output()).not.toContain('WARNING');
  });

  it('on SIGTERM answers every request in flight, then stops DynamoDB Local and exits 0', async () => {
    const { pid: dynamoPid } = JSON.parse(await readFile(join(dataDir, 'dynamodb-local.json'), 'utf8'));
    const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
    const held = await Promise.all(Array.from({ length: IN_FLIGHT }, (_, i) => heldPost(agent, `term-${i}`)));

    server.child.kill('SIGTERM');
    await begunToStop('SIGTERM');
    for (const h of held) h.send();
    const answers = await Promise.all(held.map((h) => h.answered));
    const code = await server.exited;
    agent.destroy();

    expect(answers.map((a) => a.status)).toEqual(Array(IN_FLIGHT).fill(201));
    expect(code).toBe(0);
    expect(alive(dynamoPid)).toBe(false);
    expect(await readdir(dataDir)).not.toContain('dynamodb-local.json');
  }, 30_000);

  it('has stored them (seen after a restart); Ctrl-C in the terminal also lets the requests in flight finish', async () => {
    server = await startServer(env);
    const search = await fetch(`${base}/v1/subjects/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${devKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ref: REF, limit: 100 }),
    });
    const found = (await search.json()) as { items: unknown[] };
    const idle = connect(Number(env.PORT), '127.0.0.1');
    await once(idle, 'connect');
    idle.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await once(idle, 'data');
    const idleClosedAt = once(idle, 'close').then(() => Date.now());
    const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
    const held = await Promise.all(Array.from({ length: IN_FLIGHT }, (_, i) => heldPost(agent, `int-${i}`)));

    // A terminal sends Ctrl-C's SIGINT to the whole foreground process group, DynamoDB Local included unless it has its own.
    process.kill(-server.child.pid!, 'SIGINT');
    await begunToStop('SIGINT');
    const stopping = Date.now();
    for (const h of held) h.send();
    const answers = await Promise.all(held.map((h) => h.answered));
    const code = await server.exited;
    agent.destroy();

    expect(search.status).toBe(200);
    expect(found.items).toHaveLength(IN_FLIGHT);
    expect(answers.map((a) => a.status)).toEqual(Array(IN_FLIGHT).fill(201));
    expect(code).toBe(0);
    // The idle keep-alive connection is closed at once, not after its 5 s timeout, and holds nothing up.
    expect((await idleClosedAt) - stopping).toBeLessThan(3_000);
    expect(server.output()).not.toContain('still running after');
  }, 60_000);

  it('stops the DynamoDB Local it started when PORT is taken, instead of leaving it running', async () => {
    const holder = createServer().listen(0, '127.0.0.1');
    await once(holder, 'listening');
    const taken = (holder.address() as { port: number }).port;

    const fresh = await mkdtemp(join(tmpdir(), 'mia-taken-'));

    const start = startServer({ ...env, PORT: String(taken), DATA_DIR: fresh });
    await expect(start).rejects.toThrow(`EADDRINUSE: address already in use 127.0.0.1:${taken}`);
    holder.close();
    const left = await readdir(fresh);
    await killRecordedDynamo(fresh);
    await rm(fresh, { recursive: true, force: true });

    expect(left).toEqual(['dev-api-key', 'dynamodb', 'pseudonym-keys.json']);
  }, 60_000);
});
