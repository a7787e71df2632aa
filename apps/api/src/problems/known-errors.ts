import {
  AppendTooLargeError,
  EventStoreUnavailableError,
  IdempotencyConflictError,
  InvalidAppendError,
  InvalidPositionError,
  StreamDeletedError,
  StreamNotFoundError,
  UnreadableEventError,
  WrongExpectedRevisionError,
  describeRevision,
  NO_STREAM,
  STREAM_EXISTS,
} from '@timeline/event-store';
import { ReplayStoppedError } from '@timeline/projections';
import { EventUpcastError, TreatyRuleViolation, treatyIdFromStreamName, type TreatyRuleKind } from '@timeline/treaty';
import { problem, type ProblemDetails } from './api-problem';
import { problemFromReplayStop } from './replay-stopped-problem';

/**
 * Errors raised below the HTTP layer that have a meaning for clients, and body-parser's errors, which carry
 * a `type` that names the problem better than their status does.
 */
const STATUS_OF_RULE: Record<TreatyRuleKind, number> = { 'not-found': 404, conflict: 409, invalid: 422 };

export function problemFromKnownError(error: unknown): ProblemDetails | undefined {
  if (error instanceof TreatyRuleViolation) {
    return problem(STATUS_OF_RULE[error.kind], error.code, error.message, error.field ? { field: error.field } : {});
  }
  if (error instanceof EventUpcastError || error instanceof UnreadableEventError) {
    return problem(500, 'UNREADABLE_EVENT', 'A stored event could not be read by this version of the service');
  }
  if (error instanceof ReplayStoppedError) return problemFromReplayStop(error.stop);
  if (error instanceof WrongExpectedRevisionError) {
    return problem(412, 'REVISION_MISMATCH', staleIfMatchMessage(error), {
      currentRevision: describeRevision(error.actual),
    });
  }
  if (error instanceof StreamNotFoundError) return problem(404, 'NOT_FOUND', error.message);
  if (error instanceof StreamDeletedError) {
    return problem(
      410,
      error.code,
      `${error.message} (by its operator: this service never deletes); nothing more can be recorded in it`,
    );
  }
  if (error instanceof IdempotencyConflictError) return problem(409, error.code, error.message);
  if (error instanceof AppendTooLargeError) return problem(413, error.code, error.message);
  if (error instanceof InvalidAppendError) return problem(400, error.code, error.message);
  if (error instanceof InvalidPositionError) {
    return problem(400, error.code, error.message, { position: error.position.toString() });
  }
  if (error instanceof EventStoreUnavailableError) {
    return problem(503, error.code, 'The event store is unavailable; retry with the same Idempotency-Key.');
  }
  // Nest wraps body-parser's errors in HttpExceptions, with the original as the cause.
  const parserError = ((error as { cause?: unknown })?.cause ?? error) as {
    type?: unknown;
    status?: unknown;
    limit?: unknown;
  };
  if (parserError?.type === 'entity.parse.failed') return problem(400, 'MALFORMED_JSON', 'The body is not valid JSON');
  if (parserError?.type === 'entity.too.large') {
    return problem(413, 'PAYLOAD_TOO_LARGE', `The body is larger than the limit of ${String(parserError.limit)} bytes`);
  }
  if (typeof parserError?.type === 'string' && typeof parserError.status === 'number' && parserError.status < 500) {
    return problem(parserError.status, 'BAD_REQUEST_BODY', `The body could not be read (${parserError.type})`);
  }
  return undefined;
}

/**
 * The 412 in the editor's terms: the treaty and the ETag they sent, not the store's stream name and revisions (an
 * If-Match that no longer holds is the only way a client meets this error).
 */
function staleIfMatchMessage(error: WrongExpectedRevisionError): string {
  const treatyId = treatyIdFromStreamName(error.streamName);
  const treaty = treatyId === undefined ? 'The record' : `Treaty ${treatyId}`;
  if (error.actual === NO_STREAM) {
    return `${treaty} does not exist, so If-Match ${error.expected === STREAM_EXISTS ? '*' : `"${describeRevision(error.expected)}"`} does not hold`;
  }
  const since =
    error.expected === STREAM_EXISTS || error.expected === NO_STREAM
      ? ''
      : ` since revision ${describeRevision(error.expected)} (your If-Match)`;
  return `${treaty} has changed${since}: it is at revision ${describeRevision(error.actual)}. Read it again, decide on what it now says, and send its ETag as If-Match`;
}
