import {
  AppendTooLargeError,
  EventStoreUnavailableError,
  IdempotencyConflictError,
  InvalidAppendError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
  describeRevision,
} from '@timeline/event-store';
import type { ProblemDetails } from './api-problem';
import { problem } from './problem-details.filter';

/**
 * Errors raised below the HTTP layer that have a meaning for clients. Body-parser errors arrive here too:
 * they carry `type` and `status` but are not HttpExceptions.
 */
export function problemFromKnownError(error: unknown): ProblemDetails | undefined {
  if (error instanceof WrongExpectedRevisionError) {
    return problem(412, 'REVISION_MISMATCH', error.message, { currentRevision: describeRevision(error.actual) });
  }
  if (error instanceof StreamNotFoundError) return problem(404, 'NOT_FOUND', error.message);
  if (error instanceof IdempotencyConflictError) return problem(409, error.code, error.message);
  if (error instanceof AppendTooLargeError) return problem(413, error.code, error.message);
  if (error instanceof InvalidAppendError) return problem(400, error.code, error.message);
  if (error instanceof EventStoreUnavailableError) {
    return problem(503, error.code, 'The event store is unavailable; retry with the same Idempotency-Key.');
  }
  const parserError = error as { type?: unknown; status?: unknown; limit?: unknown };
  if (parserError?.type === 'entity.parse.failed') return problem(400, 'MALFORMED_JSON', 'The body is not valid JSON');
  if (parserError?.type === 'entity.too.large') {
    return problem(413, 'PAYLOAD_TOO_LARGE', `The body is larger than the limit of ${String(parserError.limit)} bytes`);
  }
  if (typeof parserError?.type === 'string' && typeof parserError.status === 'number' && parserError.status < 500) {
    return problem(parserError.status, 'BAD_REQUEST_BODY', `The body could not be read (${parserError.type})`);
  }
  return undefined;
}
