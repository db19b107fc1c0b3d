import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export interface DynamoClientOptions {
  /** e.g. `http://127.0.0.1:8000`; omitted = AWS with the default credential chain. */
  endpoint?: string;
  region?: string;
  maxAttempts?: number;
  /** Per-attempt timeout for the whole request, ms. */
  requestTimeoutMs?: number;
}

/**
 * A DynamoDB client with bounded timeouts and retries. With an endpoint it uses dummy
 * credentials and region `local` (DynamoDB Local needs some but checks none).
 * @example const client = createDynamoClient({ endpoint: 'http://127.0.0.1:8000' });
 */
export function createDynamoClient(options: DynamoClientOptions = {}): DynamoDBClient {
  const { endpoint, maxAttempts = 3, requestTimeoutMs = 3_000 } = options;
  return new DynamoDBClient({
    maxAttempts,
    // Without throwOnRequestTimeout the handler only logs a breach and waits forever.
    requestHandler: { connectionTimeout: 1_000, requestTimeout: requestTimeoutMs, throwOnRequestTimeout: true },
    ...(endpoint
      ? {
          endpoint,
          region: options.region ?? 'local',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : { ...(options.region ? { region: options.region } : {}) }),
  });
}
