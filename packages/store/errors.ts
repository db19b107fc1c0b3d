import { Unavailable } from '../domain/errors';

/** Service errors meaning "too much traffic right now": retry shortly. */
const THROTTLED = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
]);

/** Service errors meaning "DynamoDB (or our table) is not there right now". */
const DOWN = new Set(['ServiceUnavailable', 'InternalServerError', 'ResourceNotFoundException']);

/** Transport failures: no HTTP response ever arrived. */
const NETWORK_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'AbortError']);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
]);

export const THROTTLED_RETRY_AFTER_SECONDS = 1;
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

interface SdkLikeError {
  name?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: number };
}

/**
 * Classifies an error code from a service error or a transaction cancellation reason.
 * @example retryAfterFor('ThrottlingException') // 1
 */
export function retryAfterFor(code: string | undefined): number | undefined {
  if (code === undefined) return undefined;
  if (THROTTLED.has(code)) return THROTTLED_RETRY_AFTER_SECONDS;
  if (DOWN.has(code)) return UNAVAILABLE_RETRY_AFTER_SECONDS;
  return undefined;
}

function isNetworkFailure(error: SdkLikeError): boolean {
  if (error.$metadata?.httpStatusCode !== undefined) return false;
  return (
    (typeof error.name === 'string' && NETWORK_NAMES.has(error.name)) || (typeof error.code === 'string' && NETWORK_CODES.has(error.code))
  );
}

/**
 * Translates an AWS SDK error at the store's edge: throttling, 5xx, a missing table and
 * transport failures become `Unavailable` (the cause kept, the message free of identifiers);
 * anything else is returned unchanged for the caller to rethrow.
 * @example
 * try { await client.send(command); } catch (error) { throw translateError(error); }
 */
export function translateError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const sdk = error as SdkLikeError;
  const name = typeof sdk.name === 'string' ? sdk.name : undefined;
  const retryAfter = retryAfterFor(name);
  if (retryAfter !== undefined) {
    const message = THROTTLED.has(name!) ? 'Storage is throttling requests.' : 'Storage is unavailable.';
    return new Unavailable(message, retryAfter, { cause: error });
  }
  if ((sdk.$metadata?.httpStatusCode ?? 0) >= 500) {
    return new Unavailable('Storage is unavailable.', UNAVAILABLE_RETRY_AFTER_SECONDS, { cause: error });
  }
  if (isNetworkFailure(sdk)) {
    return new Unavailable('Storage cannot be reached.', UNAVAILABLE_RETRY_AFTER_SECONDS, { cause: error });
  }
  return error;
}
