import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../support/api';

/** Over a real socket: what Node's HTTP parser refuses must be logged as what the client got. */
describe('a body the connection breaks off', () => {
  let api: TestApi;
  let key: string;
  let server: ReturnType<typeof serve>;
  let port: number;

  beforeAll(async () => {
    api = await testApi();
    key = await api.keyFor('clinic-chunked');
    server = serve({ fetch: api.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((done) => server.once('listening', () => done()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
    await api.table.drop();
  });

  /** Sends the head, then (once the app is reading the body) the rest; resolves with the server's answer. */
  const raw = (head: string, rest: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(head);
        setTimeout(() => socket.end(rest), 100);
      });
      let answer = '';
      socket.on('data', (d) => (answer += d));
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
    });

  it('answers a malformed chunk size with 400 and logs 400, not 500', async () => {
    const answer = await raw(
      [
        'POST /v1/score HTTP/1.1',
        'Host: 127.0.0.1',
        `Authorization: Bearer ${key}`,
        'Content-Type: application/json',
        'Transfer-Encoding: chunked',
        '',
        '5',
        '{"ins',
        '',
      ].join('\r\n'),
      ['zz', 'trument":"urica"}', '0', '', ''].join('\r\n'),
    );
    const deadline = Date.now() + 2_000;
    while (!api.logs.some((l) => l.msg === 'request') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));

    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(api.logs.filter((l) => l.msg === 'request').map((l) => [l.route, l.status])).toEqual([['/v1/score', 400]]);
    expect(api.logs.some((l) => l.level === 'error')).toBe(false);
  });
});
