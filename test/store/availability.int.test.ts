import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Unavailable } from '../../packages/domain/errors';
import { createDynamoClient } from '../../packages/store/client';
import { createDynamoStore } from '../../packages/store/dynamo';
import { useTestTable } from '../support/dynamo';
import { createInput } from '../support/store-fixtures';

describe('createDynamoStore › availability', () => {
  const t = useTestTable();

  it('pings a reachable table', async () => {
    await expect(t.store.ping()).resolves.toBeUndefined();
    expect(await t.scanAll()).toEqual([]);
  });

  describe('with an unreachable endpoint', () => {
    const client = createDynamoClient({ endpoint: 'http://127.0.0.1:1', maxAttempts: 1 });
    const store = createDynamoStore({ client, tableName: 'anything' });
    afterAll(() => client.destroy());

    it.each([
      ['ping', () => store.ping()],
      ['getAssessment', () => store.getAssessment('clinic-a', 'asm_1')],
      ['createAssessment', () => store.createAssessment(createInput())],
      ['listSubjectAssessments', () => store.listSubjectAssessments('clinic-a', 'sub_x', { limit: 10 })],
      ['listApiKeys', () => store.listApiKeys()],
    ])('turns %s into Unavailable', async (_, call) => {
      const error = await call().then(
        () => undefined,
        (e: unknown) => e,
      );

      expect(error).toBeInstanceOf(Unavailable);
      expect(error).toMatchObject({ message: 'Storage cannot be reached.', retryAfterSeconds: 5 });
      expect((error as Error).cause).toMatchObject({ code: 'ECONNREFUSED' });
    });
  });

  describe('with an endpoint that accepts but never answers', () => {
    let server: Server;
    const sockets: Socket[] = [];
    let endpoint = '';
    beforeAll(async () => {
      server = createServer((socket) => void sockets.push(socket));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    });

    it('turns the request timeout into Unavailable', async () => {
      const client = createDynamoClient({ endpoint, maxAttempts: 1, requestTimeoutMs: 200 });
      const store = createDynamoStore({ client, tableName: 'anything' });

      const error = await store.getAssessment('clinic-a', 'asm_1').then(
        () => undefined,
        (e: unknown) => e,
      );
      client.destroy();

      expect(error).toBeInstanceOf(Unavailable);
      expect(error).toMatchObject({ message: 'Storage cannot be reached.', retryAfterSeconds: 5 });
      expect((error as Error).cause).toMatchObject({ name: 'TimeoutError' });
    });
  });

  it('turns a missing table into Unavailable', async () => {
    const store = createDynamoStore({ client: t.client, tableName: 'table_that_does_not_exist' });

    await expect(store.ping()).rejects.toMatchObject({ name: 'Unavailable', message: 'Storage is unavailable.', retryAfterSeconds: 5 });
  });
});
