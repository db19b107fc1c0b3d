import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalServer, JSON_API_TIMEOUTS, type LocalServer } from '../../functions/local/http-server';

/** The Node server of `npm start` on loopback with short timeouts; no DynamoDB needed. */

/** `/slow` answers once the test opens the gate; `entered` resolves when a request is inside. */
function gate() {
  let open = () => {};
  let enter = () => {};
  const opened = new Promise<void>((r) => (open = r));
  const entered = new Promise<void>((r) => (enter = r));
  return { open, enter, opened, entered };
}
let slowGate = gate();
const app = new Hono()
  .get('/ping', (c) => c.json({ ok: true }))
  .post('/echo', async (c) => c.json(await c.req.json()))
  .get('/slow', async (c) => {
    slowGate.enter();
    await slowGate.opened;
    return c.json({ slow: true });
  })
  // why: a body cut off by the request timeout rejects c.req.json(); Hono would log it.
  .onError((_, c) => c.text('', 500));

const SHORT = { headersMs: 300, requestMs: 600, keepAliveMs: 300, checkIntervalMs: 50 };
let http: LocalServer | undefined;
beforeEach(() => {
  slowGate = gate();
});
afterEach(async () => {
  slowGate.open();
  await http?.close(0);
  http = undefined;
});

/** A raw connection that records what the server sends and when it closes. */
async function rawClient(port: number): Promise<{ socket: Socket; received: () => string; closed: Promise<number> }> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let text = '';
  socket.on('data', (d) => (text += d));
  socket.on('error', () => {});
  const opened = Date.now();
  const closed = once(socket, 'close').then(() => Date.now() - opened);
  return { socket, received: () => text, closed };
}

describe('createLocalServer', () => {
  it('uses timeouts for a small JSON API, checked every second, on 127.0.0.1', async () => {
    http = await createLocalServer(app, { port: 0 });

    expect(JSON_API_TIMEOUTS).toEqual({ headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000, checkIntervalMs: 1_000 });
    expect([http.server.headersTimeout, http.server.requestTimeout, http.server.keepAliveTimeout]).toEqual([10_000, 30_000, 5_000]);
    expect(http.server.address()).toMatchObject({ address: '127.0.0.1', port: http.port });
  });

  it('answers 408 and disconnects a client that stalls halfway through its headers, while serving others', async () => {
    http = await createLocalServer(app, { port: 0, timeouts: SHORT });
    const slow = await rawClient(http.port);

    slow.socket.write('GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slo');
    const normal = await fetch(`http://127.0.0.1:${http.port}/ping`);
    const closedAfter = await slow.closed;

    expect(normal.status).toBe(200);
    expect(await normal.json()).toEqual({ ok: true });
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(closedAfter).toBeGreaterThanOrEqual(SHORT.headersMs - 50);
    expect(closedAfter).toBeLessThan(SHORT.headersMs + 500);
  });

  it('disconnects a client that sends its headers but stalls in the body', async () => {
    http = await createLocalServer(app, { port: 0, timeouts: SHORT });
    const slow = await rawClient(http.port);

    slow.socket.write('POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":');
    const closedAfter = await slow.closed;

    expect(closedAfter).toBeGreaterThanOrEqual(SHORT.requestMs - 50);
    expect(closedAfter).toBeLessThan(SHORT.requestMs + 500);
  });

  it('closes an idle keep-alive connection after the keep-alive timeout (Node adds a second)', async () => {
    http = await createLocalServer(app, { port: 0, timeouts: SHORT });
    const client = await rawClient(http.port);

    client.socket.write('GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const closedAfter = await client.closed;

    expect(client.received()).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*\{"ok":true\}$/);
    expect(closedAfter).toBeGreaterThanOrEqual(SHORT.keepAliveMs + 1_000 - 50);
    expect(closedAfter).toBeLessThan(SHORT.keepAliveMs + 1_000 + 500);
  });
});

describe('LocalServer.close', () => {
  it('stops accepting, finishes the request in flight with Connection: close, closes idle keep-alive connections', async () => {
    http = await createLocalServer(app, { port: 0 });
    const idle = await rawClient(http.port);
    idle.socket.write('GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    while (!idle.received().endsWith('{"ok":true}')) await new Promise((r) => setTimeout(r, 10));
    const slow = fetch(`http://127.0.0.1:${http.port}/slow`);
    await slowGate.entered;

    const closing = http.close(5_000);
    const idleClosedAfter = await idle.closed;
    const refused = await fetch(`http://127.0.0.1:${http.port}/ping`).then(
      () => 'answered',
      (error: Error) => (error.cause as NodeJS.ErrnoException).code,
    );
    slowGate.open();
    const res = await slow;

    expect(idleClosedAfter).toBeLessThan(JSON_API_TIMEOUTS.keepAliveMs);
    expect(refused).toBe('ECONNREFUSED');
    expect(res.status).toBe(200);
    expect(res.headers.get('connection')).toBe('close');
    expect(await res.json()).toEqual({ slow: true });
    expect(await closing).toEqual({ cut: 0 });
  });

  it('cuts the requests still running after the grace period', async () => {
    http = await createLocalServer(app, { port: 0 });
    const slow = fetch(`http://127.0.0.1:${http.port}/slow`).then(
      () => 'answered',
      () => 'cut',
    );
    await slowGate.entered;
    const started = Date.now();

    const result = await http.close(200);

    expect(result).toEqual({ cut: 1 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await slow).toBe('cut');
  });
});
