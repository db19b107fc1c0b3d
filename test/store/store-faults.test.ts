import { createHash } from 'node:crypto';
import {
  type AttributeValue,
  type CancellationReason,
  DynamoDBClient,
  GetItemCommand,
  InternalServerError,
  ProvisionedThroughputExceededException,
  RequestLimitExceeded,
  TransactionCanceledException,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { IdempotencyInFlight, IdempotencyMismatch, Unavailable } from '../../packages/domain/errors';
import { createDynamoStore } from '../../packages/store/dynamo';
import { idempotencyKey } from '../../packages/store/schema';
import { createInput } from '../support/store-fixtures';

const NOW = new Date('2026-11-20T10:00:00.000Z');
const client = new DynamoDBClient({ region: 'local', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
const mock = mockClient(client);
const store = createDynamoStore({ client, tableName: 'mocked', now: () => NOW });
const meta = (httpStatusCode?: number) => ({ $metadata: httpStatusCode === undefined ? { attempts: 1 } : { httpStatusCode } });
const serviceError = (name: string, httpStatusCode: number) =>
  Object.assign(new Error(`${name} happened`), { name, ...meta(httpStatusCode) });
const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    CancellationReasons: codes.map((Code): CancellationReason => ({ Code })),
    ...meta(400),
  });
/** Answers reads of the idempotency record with `output`; every other read (subject-period records) finds nothing. */
const onIdempotencyRead = (input: ReturnType<typeof createInput>, output: { Item?: Record<string, AttributeValue> }) => {
  const keyHash = createHash('sha256').update(input.idempotencyKey).digest('hex');
  mock.on(GetItemCommand).resolves({});
  mock.on(GetItemCommand, { Key: marshall(idempotencyKey(input.clinicId, keyHash)) }).resolves(output);
};
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('createDynamoStore › faults DynamoDB Local cannot produce', () => {
  beforeEach(() => {
    mock.reset();
  });

  it.each([
    ['ProvisionedThroughputExceededException', new ProvisionedThroughputExceededException({ message: 'slow down', ...meta(400) }), 1],
    ['ThrottlingException', serviceError('ThrottlingException', 400), 1],
    ['RequestLimitExceeded', new RequestLimitExceeded({ message: 'account limit', ...meta(400) }), 1],
    ['ServiceUnavailable', serviceError('ServiceUnavailable', 503), 5],
    ['InternalServerError', new InternalServerError({ message: 'oops', ...meta(500) }), 5],
    ['an unnamed 502', serviceError('UnknownError', 502), 5],
    ['TimeoutError', Object.assign(new Error('socket hang up'), { name: 'TimeoutError', ...meta() }), 5],
    ['ECONNRESET', Object.assign(new Error('reset'), { code: 'ECONNRESET', ...meta() }), 5],
  ])('turns %s into Unavailable with a retry hint', async (_, error, retryAfterSeconds) => {
    mock.on(GetItemCommand).rejects(error);

    const thrown = await failure(store.getAssessment('clinic-a', 'asm_1'));

    expect(thrown).toBeInstanceOf(Unavailable);
    expect(thrown).toMatchObject({ retryAfterSeconds, cause: error });
    expect((thrown as Error).message).not.toContain('asm_1');
  });

  it('rethrows an unknown error unchanged', async () => {
    const error = serviceError('ValidationException', 400);
    mock.on(GetItemCommand).rejects(error);

    expect(await failure(store.getAssessment('clinic-a', 'asm_1'))).toBe(error);
  });

  it('rethrows an error without a network code unchanged', async () => {
    const error = Object.assign(new Error('bug'), meta());
    mock.on(GetItemCommand).rejects(error);

    expect(await failure(store.ping())).toBe(error);
  });

  it('turns a throttled transaction into Unavailable', async () => {
    mock.on(GetItemCommand).resolves({});
    mock.on(TransactWriteItemsCommand).rejects(cancelled('ThrottlingError', 'None'));

    expect(await failure(store.createAssessment(createInput()))).toMatchObject({ name: 'Unavailable', retryAfterSeconds: 1 });
  });

  describe('when a concurrent writer conflicts', () => {
    const input = createInput({ idempotencyKey: 'conflict-key' });
    const record = (requestHash: string, expiresAt = NOW.getTime() / 1000 + 3600) =>
      marshall({ requestHash, responseStatus: 201, responseBody: JSON.stringify({ id: 'asm_first' }), expiresAt });
    beforeEach(() => {
      mock.on(TransactWriteItemsCommand).rejects(cancelled('TransactionConflict', 'None'));
    });

    it('answers IdempotencyInFlight while the record is not visible, reading consistently', async () => {
      mock.on(GetItemCommand).resolves({});

      expect(await failure(store.createAssessment(input))).toBeInstanceOf(IdempotencyInFlight);
      expect(mock.commandCalls(GetItemCommand)[0]?.args[0].input.ConsistentRead).toBe(true);
    });

    it('replays the committed response when the hash matches', async () => {
      onIdempotencyRead(input, { Item: record(input.requestHash) });

      expect(await store.createAssessment(input)).toEqual({ kind: 'replayed', response: { status: 201, body: { id: 'asm_first' } } });
    });

    it('answers IdempotencyMismatch when the hash differs', async () => {
      onIdempotencyRead(input, { Item: record('sha256:other') });

      expect(await failure(store.createAssessment(input))).toBeInstanceOf(IdempotencyMismatch);
    });

    it('treats an expired record as not yet visible', async () => {
      onIdempotencyRead(input, { Item: record(input.requestHash, NOW.getTime() / 1000 - 1) });

      expect(await failure(store.createAssessment(input))).toBeInstanceOf(IdempotencyInFlight);
    });
  });

  it('reads the record when a failed condition returned no item', async () => {
    const input = createInput();
    mock.on(TransactWriteItemsCommand).rejects(cancelled('ConditionalCheckFailed', 'None'));
    onIdempotencyRead(input, {
      Item: marshall({ requestHash: input.requestHash, responseStatus: 201, responseBody: '{"ok":true}', expiresAt: 2e9 }),
    });

    expect(await store.createAssessment(input)).toEqual({ kind: 'replayed', response: { status: 201, body: { ok: true } } });
  });
});
