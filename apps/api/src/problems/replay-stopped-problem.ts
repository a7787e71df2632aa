import type { FailedEvent, ReplayStop } from '@timeline/projections';
import { problem, type ProblemDetails } from './api-problem';

/**
 * A rebuild's replay that stopped short, for an auditor (decision 0086). An event the store cannot read, or of a type,
 * schema version or form this build does not know (`EventUpcastError`), is the log's state, not a failure of the
 * request nor of the service: `409 LOG_NOT_REPLAYABLE`, as a checkpoint refused over a damaged log is `409
 * LOG_FAILS_VERIFICATION`, naming the event by the fields `/audit/verify` names its failures by. The store gone is the usual 503; anything else (the read
 * model's file, the machine) is the service's failure, left to the generic 500.
 */
export function problemFromReplayStop(stop: ReplayStop): ProblemDetails | undefined {
  if (stop.kind === 'store-unavailable') {
    return problem(
      503,
      'EVENT_STORE_UNAVAILABLE',
      'The event store became unavailable during the rebuild: retry shortly',
    );
  }
  if (stop.kind === 'failed' || !stop.event) return undefined;
  const event = eventNamed(stop.event);
  const reason =
    stop.kind === 'unreadable-event'
      ? 'its stored content is not readable as JSON: its bytes were damaged, or written by something else'
      : `this build's "${stop.projection}" projection cannot apply it: ${stop.error}`;
  return problem(
    409,
    'LOG_NOT_REPLAYABLE',
    `The log cannot be replayed past ${described(event)}: ${reason}. Nothing was compared; ` +
      'GET /audit/verify tells whether the log was altered after it was written',
    { kind: stop.kind, projection: stop.projection, event, reason },
  );
}

/** The event as `/audit/verify` names one (`eventId`, `stream`, `revision`), with its position and type. */
interface NamedEvent {
  readonly eventId?: string;
  readonly stream: string;
  readonly revision?: string;
  readonly position: string;
  readonly type?: string;
}

function eventNamed({ eventId, streamName, revision, position, type }: FailedEvent): NamedEvent {
  // A deletion for good has no event id nor revision of ours; an unreadable event may have no type.
  return {
    ...(eventId ? { eventId } : {}),
    stream: streamName,
    ...(revision ? { revision } : {}),
    position,
    ...(type ? { type } : {}),
  };
}

function described({ eventId, stream, revision, position }: NamedEvent): string {
  if (!eventId) return `the deletion of stream "${stream}" at position ${position}`;
  return `event ${eventId} (stream "${stream}", revision ${revision}, position ${position})`;
}
