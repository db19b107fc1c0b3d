/**
 * The one error hierarchy of the domain. Adapters translate their own failures into these
 * (the store turns ConditionalCheckFailed into `Conflict`, network faults into `Unavailable`);
 * the API maps each class to one HTTP status in a single place (packages/api/problem.ts).
 * Messages must never contain submitted values, identifiers or free text.
 */
export class DomainError extends Error {
  override readonly name: string = 'DomainError';
}

/**
 * One problem with one field of a request. The path names where it is, then the field, dotted:
 * `body.responses.7`, `query.limit`, `header.Idempotency-Key`; `body` alone is the body's root.
 */
export interface FieldError {
  path: string;
  message: string;
}

/** The request is well-formed JSON but its content breaks the contract. */
export class ValidationError extends DomainError {
  override readonly name = 'ValidationError';
  constructor(
    readonly errors: FieldError[],
    /** `malformed`: the envelope is wrong (400); `unprocessable`: the answers are (422). */
    readonly kind: 'malformed' | 'unprocessable',
  ) {
    super(kind === 'malformed' ? 'The request does not match the schema.' : 'Some responses cannot be scored.');
  }

  /**
   * The same errors placed in a part of the request: paths not yet placed get `location` in front.
   * @example new ValidationError([{ path: 'cursor', message: 'm' }], 'malformed').at('query').errors[0].path // 'query.cursor'
   */
  at(location: RequestPart): ValidationError {
    const place = (path: string) => (PLACED.test(path) ? path : path ? `${location}.${path}` : location);
    return new ValidationError(
      this.errors.map((e) => ({ ...e, path: place(e.path) })),
      this.kind,
    );
  }
}

/** The parts of a request an error can be in. */
export type RequestPart = 'body' | 'query' | 'path' | 'header';
const PLACED = /^(body|query|path|header)(\.|$)/;

export class NotFound extends DomainError {
  override readonly name = 'NotFound';
}

/** A write lost a race or broke a uniqueness rule. */
export class Conflict extends DomainError {
  override readonly name = 'Conflict';
}

/** The same idempotency key was used with a different body. */
export class IdempotencyMismatch extends DomainError {
  override readonly name = 'IdempotencyMismatch';
}

/** The same idempotency key is still being processed by another request. */
export class IdempotencyInFlight extends DomainError {
  override readonly name = 'IdempotencyInFlight';
}

/** An error the caller can outlast: it carries how long to wait (the answer's Retry-After). */
export abstract class RetryLater extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds = 1,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Storage cannot be reached or is throttling us; the client should retry later. */
export class Unavailable extends RetryLater {
  override readonly name = 'Unavailable';
}

export class Unauthenticated extends DomainError {
  override readonly name = 'Unauthenticated';
}

export class Forbidden extends DomainError {
  override readonly name = 'Forbidden';
}

/** The caller sent more than its rate allows; it should retry after `retryAfterSeconds`. */
export class RateLimited extends RetryLater {
  override readonly name = 'RateLimited';
}

/**
 * The one error for a cursor that is not ours, not this list's, or tampered with (400).
 * @example throw invalidCursor();
 */
export const invalidCursor = (message = 'The cursor is not valid.') => new ValidationError([{ path: 'cursor', message }], 'malformed');

/**
 * The one error for a page size out of range (400).
 * @example throw invalidLimit(100);
 */
export const invalidLimit = (max: number) =>
  new ValidationError([{ path: 'limit', message: `The limit must be an integer from 1 to ${max}.` }], 'malformed');
