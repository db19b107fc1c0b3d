import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type EmbeddedDynamo, embeddedDynamo, INSTANCE_FILE } from '../../functions/local/dynamodb-instance';
import { embeddedNotice } from '../../functions/local/runtime';
import { freePort } from '../support/net';

/** The embedded DynamoDB Local of `npm start` and the CLI: what can reach it, and one JVM per data dir. */

const LIST_TABLES = {
  'x-amz-target': 'DynamoDB_20120810.ListTables',
  'content-type': 'application/x-amz-json-1.0',
  authorization: 'AWS4-HMAC-SHA256 Credential=local/20261201/local/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
};

/** One HTTP exchange on 127.0.0.1 with exactly these headers (Host and Origin included). */
function send(port: number, method: string, headers: Record<string, string>, body = '') {
  return new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: '/', headers, setHost: !headers.host }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Whether something accepts TCP on `host:port`. why 127.0.0.2: Linux routes all of 127/8 to lo, but a socket bound to 127.0.0.1 takes only that address, one bound to every interface takes all. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const preflight = (port: number, origin: string) =>
  send(port, 'OPTIONS', {
    origin,
    'access-control-request-method': 'POST',
    'access-control-request-headers': 'authorization,content-type,x-amz-target',
  });

describe('embeddedDynamo', () => {
  let dir: string;
  let db: EmbeddedDynamo;
  let port: number;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mia-ddb-'));
    port = await freePort();
    db = await embeddedDynamo(dir, port);
  }, 60_000);
  afterAll(async () => {
    await db.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only, on the port asked for', async () => {
    expect(await accepts('127.0.0.1', port)).toBe(true);
    expect(await accepts('127.0.0.2', port)).toBe(false);
    expect(db).toMatchObject({ endpoint: `http://127.0.0.1:${port}`, port, loopbackOnly: true, how: 'started' });
  });

  it('creates its database file private to this user (0600), and its directory 0700', async () => {
    expect((await stat(join(dir, 'dynamodb'))).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, 'dynamodb', 'shared-local-instance.db'))).mode & 0o777).toBe(0o600);
  });

  it.each(['http://evil.example', 'null', 'http://localhost:3000'])('lets no web page call it: preflight from %s', async (origin) => {
    const answer = await preflight(port, origin);
    const call = await send(port, 'POST', { ...LIST_TABLES, origin }, '{}');

    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    expect(call.status).toBe(200);
    expect(call.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers 421 to a request for another host name (a web page rebinding its name to 127.0.0.1)', async () => {
    const rebound = await send(port, 'POST', { ...LIST_TABLES, host: `evil.example:${port}` }, '{}');
    const local = await send(port, 'POST', { ...LIST_TABLES, host: `localhost:${port}` }, '{}');

    expect(rebound.status).toBe(421);
    expect(local.status).toBe(200);
  });

  it('records itself in the data dir (mode 600), so a second process reuses it and a different port is refused', async () => {
    const record = JSON.parse(await readFile(join(dir, INSTANCE_FILE), 'utf8'));
    const second = await embeddedDynamo(dir);
    const wrongPort = embeddedDynamo(dir, port + 1);

    expect(record).toEqual({ port, pid: db.pid, ownerPid: process.pid, loopbackOnly: true });
    expect((await stat(join(dir, INSTANCE_FILE))).mode & 0o777).toBe(0o600);
    expect(second).toMatchObject({ port, pid: db.pid, how: 'reused' });
    await expect(wrongPort).rejects.toThrow(
      `already runs on port ${port} (pid ${db.pid}): unset DYNAMODB_LOCAL_PORT or set it to ${port}.`,
    );
  });

  it('refuses a DYNAMODB_LOCAL_PORT where another DynamoDB answers, pointing to DYNAMODB_ENDPOINT', async () => {
    const other = Number(new URL(inject('dynamoEndpoint')).port);
    const elsewhere = await mkdtemp(join(tmpdir(), 'mia-ddb-other-'));

    await expect(embeddedDynamo(elsewhere, other)).rejects.toThrow(`set DYNAMODB_ENDPOINT=http://127.0.0.1:${other}`);
    await rm(elsewhere, { recursive: true, force: true });
  });

  it('is adopted when the process that started it is gone, and stopped by its adopter', async () => {
    const record = JSON.parse(await readFile(join(dir, INSTANCE_FILE), 'utf8'));
    await writeFile(join(dir, INSTANCE_FILE), JSON.stringify({ ...record, ownerPid: 2 ** 22 + 1 }));

    const adopter = await embeddedDynamo(dir);
    const recorded = JSON.parse(await readFile(join(dir, INSTANCE_FILE), 'utf8'));
    await adopter.stop();

    expect(adopter).toMatchObject({ port, pid: db.pid, how: 'adopted' });
    expect(recorded.ownerPid).toBe(process.pid);
    expect(await accepts('127.0.0.1', port)).toBe(false);
    await expect(readFile(join(dir, INSTANCE_FILE))).rejects.toThrow('ENOENT');
  });
});

describe('embeddedDynamo on a Java that cannot compile the loopback launcher', () => {
  it('falls back to the jar on every interface and says so prominently', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mia-ddb-jre-'));
    // why: a JRE lacks jdk.compiler, which Java's single-file source launcher needs.
    process.env.JDK_JAVA_OPTIONS = '--limit-modules java.se,jdk.unsupported';
    let db: EmbeddedDynamo | undefined;
    try {
      db = await embeddedDynamo(dir);
    } finally {
      delete process.env.JDK_JAVA_OPTIONS;
    }
    const notice = embeddedNotice({ embedded: db });
    const exposed = await accepts('127.0.0.2', db.port);
    const answer = await preflight(db.port, 'http://evil.example');
    await db.stop();
    await rm(dir, { recursive: true, force: true });

    expect(db).toMatchObject({ loopbackOnly: false, how: 'started' });
    expect(db.port).not.toBe(8000);
    expect(exposed).toBe(true);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    expect(notice).toEqual([
      `DynamoDB Local: pid ${db.pid}, started, EVERY network interface`,
      `WARNING: DynamoDB Local listens on port ${db.port} of every network interface, without authentication: anyone who can reach this machine can read and change this data (this Java could not run the loopback launcher; install a full JDK 17+ with javac).`,
    ]);
  }, 60_000);
});
