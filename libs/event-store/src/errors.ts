import { describeRevision, type CurrentRevision, type ExpectedRevision } from './expected-revision';

/** Base class of every error the port raises, so that callers can tell store errors from their own bugs. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
  protected constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The stream's revision was not what the writer expected: nothing was written. */
export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    readonly actual: CurrentRevision,
  ) {
    super(
      `Stream "${streamName}": expected revision ${describeRevision(expected)}, but it is at ${describeRevision(actual)}`,
    );
  }
}

export class StreamNotFoundError extends EventStoreError {
  readonly code = 'STREAM_NOT_FOUND';
  constructor(readonly streamName: string) {
    super(`Stream "${streamName}" does not exist`);
  }
}

/**
 * The stream was deleted for good by the store's operator (an EventStoreDB tombstone): it can be neither read nor
 * written again, and no append recreates it. The embedded store never deletes; this service never deletes either.
 */
export class StreamDeletedError extends EventStoreError {
  readonly code = 'STREAM_DELETED';
  constructor(readonly streamName: string) {
    super(`Stream "${streamName}" was deleted from the event store for good`);
  }
}

/**
 * Some, but not all, of an append's event ids are already stored (or stored in another stream or order):
 * it is neither a retry nor a new append, so nothing is written.
 */
export class IdempotencyConflictError extends EventStoreError {
  readonly code = 'IDEMPOTENCY_CONFLICT';
  constructor(
    readonly streamName: string,
    readonly eventIds: readonly string[],
    reason: string,
  ) {
    super(`Stream "${streamName}": ${reason} (event ids ${eventIds.join(', ')})`);
  }
}

/** The append is larger than the store accepts: nothing was written. */
export class AppendTooLargeError extends EventStoreError {
  readonly code = 'APPEND_TOO_LARGE';
  constructor(
    readonly streamName: string,
    readonly size: number,
    readonly maxSize: number,
  ) {
    super(`Stream "${streamName}": append of ${size} bytes exceeds the maximum of ${maxSize} bytes`);
  }
}

/** The input is not something any store could write (bad id, empty type, non-JSON data...). */
export class InvalidAppendError extends EventStoreError {
  readonly code = 'INVALID_APPEND';
  constructor(message: string) {
    super(message);
  }
}

/**
 * A read of the log from a position that is not an event's (nor the log's start): a client-given position that
 * is not on a record boundary. The read fails before it returns anything.
 */
export class InvalidPositionError extends EventStoreError {
  readonly code = 'POSITION_NOT_AN_EVENT';
  constructor(readonly position: bigint) {
    super(`Position ${position} is not the position of an event in the log`);
  }
}

/**
 * A stored event whose data or metadata is no longer JSON: its bytes were damaged, or written by something else.
 * Reads fail at it (they return nothing in its place); what it was can no longer be told.
 */
export class UnreadableEventError extends EventStoreError {
  readonly code = 'UNREADABLE_EVENT';
  constructor(
    readonly streamName: string,
    readonly revision: bigint,
    readonly eventId: string,
    readonly position: bigint,
    cause: unknown,
    /** The event's type, where the store keeps it apart from the damaged bytes. */
    readonly eventType?: string,
  ) {
    super(`Event ${eventId} (stream "${streamName}", revision ${revision}) is stored as something other than JSON`, {
      cause,
    });
  }
}

/** The store could not be reached or failed; the operation may or may not be retried. */
export class EventStoreUnavailableError extends EventStoreError {
  readonly code = 'EVENT_STORE_UNAVAILABLE';
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
  }
}
