import { EventStoreUnavailableError, UnreadableEventError } from '@timeline/event-store';
import { EventUpcastError } from '@timeline/treaty';
import type { FailedEvent } from './projection-runner';

/**
 * Why a replay stopped before the log's end:
 * - `unreadable-event`: the store could not read an event (its stored bytes are not JSON): the log is damaged there;
 * - `event-not-applied`: this build cannot read an event the store gave (a type, schema version or shape it does not
 *   know: `EventUpcastError`);
 * - `store-unavailable`: the store stopped answering;
 * - `failed`: anything else (the read model's file, the machine, a fault in the projection's code): the service's
 *   failure, not the log's.
 */
export type ReplayStopKind = 'unreadable-event' | 'event-not-applied' | 'store-unavailable' | 'failed';

/**
 * A replay's stop as data, so that it crosses a worker thread's boundary whole (a thread passes plain values, not an
 * error's class): the rebuild's caller then answers it by its kind, naming the event.
 */
export interface ReplayStop {
  readonly kind: ReplayStopKind;
  readonly projection: string;
  /** The event the replay stopped at, when it stopped at one. */
  readonly event?: FailedEvent;
  /** The error's own words. */
  readonly error: string;
}

/** A rebuild's replay stopped before the log's end; `stop` says where and why. */
export class ReplayStoppedError extends Error {
  constructor(readonly stop: ReplayStop) {
    super(describeStop(stop));
    this.name = 'ReplayStoppedError';
  }
}

/** The stop of a replay of `projection` whose runner failed at `event` (if any) because of `cause`. */
export function replayStop(projection: string, event: FailedEvent | undefined, cause: unknown): ReplayStop {
  const error = cause instanceof Error ? cause.message : String(cause);
  return { kind: kindOf(event, cause), projection, ...(event ? { event } : {}), error };
}

function kindOf(event: FailedEvent | undefined, cause: unknown): ReplayStopKind {
  if (cause instanceof UnreadableEventError) return 'unreadable-event';
  if (cause instanceof EventStoreUnavailableError) return 'store-unavailable';
  // Only an event this build cannot read is the log's to answer for: the runner names the event whose transaction
  // failed also when the read model's file failed under it (a full disk) or the projection's code did (a TypeError).
  return event && cause instanceof EventUpcastError ? 'event-not-applied' : 'failed';
}

/** The stop in words, for a log line or the rebuild command's output: every field an auditor looks the event up by. */
export function describeStop({ kind, projection, event, error }: ReplayStop): string {
  const at = event ? ` at ${describeEvent(event)}` : '';
  const why: Record<ReplayStopKind, string> = {
    'unreadable-event':
      'its stored content is not readable as JSON: its bytes were damaged, or written by something else',
    'event-not-applied': `this build's projection cannot apply it: ${error}`,
    'store-unavailable': `the event store is unavailable: ${error}`,
    failed: error,
  };
  return `Rebuild of "${projection}" stopped${at}: ${why[kind]}`;
}

function describeEvent({ eventId, streamName, revision, position, type }: FailedEvent): string {
  if (!eventId) return `the deletion of stream "${streamName}" (position ${position})`;
  const typed = type ? `, type ${type}` : '';
  return `event ${eventId} (stream "${streamName}", revision ${revision}, position ${position}${typed})`;
}
