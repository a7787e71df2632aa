import { randomUUID } from 'node:crypto';
import type { EventFilter } from './event-filter';
import type { InMemoryLog } from './in-memory-log';
import { caughtUpResponse, checkpointResponse, confirmationResponse, eventResponse } from './read-responses';
import type { ResponseWriter } from './response-writer';
import type { StoredEvent } from './stored-event';
import type { UuidFormat } from './uuid-message';

/** What a subscription walks: one stream's events, or the whole log. */
export interface SubscriptionFeed {
  /** Read again on every pass: the sequence only grows, so an index into it is a cursor. */
  readonly events: () => readonly StoredEvent[];
  /** Index of the first event to consider: subscriptions are exclusive of their starting point. */
  readonly startIndex: number;
  readonly accepts?: EventFilter;
  /**
   * Events the server passes over without considering them: those at or before the starting point of a subscription
   * that starts past the log's end (Enumerator.AllSubscription, GoLive), written after it started.
   */
  readonly passesOver?: (event: StoredEvent) => boolean;
  /** Send a checkpoint every this many considered events, matching or not. */
  readonly checkpointInterval?: number;
}

/**
 * Runs a catch-up subscription until the call ends: the confirmation first, then every event after the starting
 * point, then `caught_up` once it has reached the end of the log, then live events as appends land.
 *
 * It walks the log by cursor, reading the next event only when the previous one has been written (and the
 * transport has drained), so catch-up and live are the same loop: no event can fall between them or come
 * twice, however appends race with the subscription. It waits for an append only after finding nothing past
 * its cursor, with no await in between, so it cannot miss the append that would wake it.
 *
 * The real server catches up by pages, then switches to a live buffer, and drops a subscriber that falls too far
 * behind; the double never drops one, it just reads on when the client does.
 */
export async function runSubscription(
  log: InMemoryLog,
  feed: SubscriptionFeed,
  writer: ResponseWriter,
  uuidFormat: UuidFormat,
): Promise<void> {
  const { signal } = writer;
  let cursor = feed.startIndex;
  let consideredSinceCheckpoint = 0;
  let caughtUp = false;
  await writer.write(confirmationResponse(randomUUID()));
  while (!signal.aborted) {
    const event = feed.events()[cursor];
    if (event) {
      cursor += 1;
      if (feed.passesOver?.(event)) continue;
      if (!feed.accepts || feed.accepts(event)) await writer.write(eventResponse(event, uuidFormat));
      consideredSinceCheckpoint += 1;
      if (feed.checkpointInterval !== undefined && consideredSinceCheckpoint >= feed.checkpointInterval) {
        consideredSinceCheckpoint = 0;
        await writer.write(checkpointResponse(event.position));
      }
    } else if (!caughtUp) {
      caughtUp = true;
      await writer.write(caughtUpResponse());
    } else {
      await log.nextAppend(signal);
    }
  }
}
