import type { EventFilter } from './event-filter';
import type { InMemoryLog } from './in-memory-log';
import type { AllPoint, Direction, StreamPoint } from './read-request';
import { comparePositions, positionOf, type StoredEvent } from './stored-event';

/**
 * A stream read: inclusive of `from` in both directions, as the server's ReadStreamEventsForward/Backward are.
 * Backwards from a revision past the end starts at the last event. A stream without events is not found,
 * whatever the range. Forwards from `end` returns nothing here (the server's answer to that request was not
 * determined; the Node client sends it only when asked to).
 */
export function readStream(
  log: Pick<InMemoryLog, 'streamEvents'>,
  streamName: string,
  from: StreamPoint,
  direction: Direction,
  maxCount: number,
): readonly StoredEvent[] | 'stream-not-found' {
  const events = log.streamEvents(streamName);
  if (events.length === 0) return 'stream-not-found';
  if (direction === 'forwards') {
    const first = from === 'start' ? 0 : from === 'end' ? events.length : clampIndex(from, events.length);
    return events.slice(first, first + maxCount);
  }
  const last = from === 'end' ? events.length - 1 : from === 'start' ? 0 : clampIndex(from, events.length - 1);
  return events.slice(Math.max(0, last + 1 - maxCount), last + 1).reverse();
}

/**
 * A $all read. Forwards from a position includes the event at that position; backwards from a position returns
 * only the events before it. That is the server's TFPos semantics (ReadAllEventsForward reads the records at or
 * after the position, ReadAllEventsBackward the records that end before it), and it is why a client pages
 * forwards from the position after the last event it has and backwards from the last event it has, without
 * ever seeing an event twice. `maxCount` counts the events that pass the filter.
 */
export function readAll(
  log: InMemoryLog,
  from: AllPoint,
  direction: Direction,
  maxCount: number,
  filter: EventFilter = () => true,
): readonly StoredEvent[] {
  const events = log.events;
  const result: StoredEvent[] = [];
  const step = direction === 'forwards' ? 1 : -1;
  let index = direction === 'forwards' ? firstIndexForwards(events, from) : firstIndexBackwards(events, from);
  for (; index >= 0 && index < events.length && result.length < maxCount; index += step) {
    const event = events[index]!;
    if (filter(event)) result.push(event);
  }
  return result;
}

/** Index of the first event at or after the point: where a forwards $all read starts. */
function firstIndexForwards(events: readonly StoredEvent[], from: AllPoint): number {
  if (from === 'start') return 0;
  if (from === 'end') return events.length;
  return firstIndexWhere(events, (event) => comparePositions(positionOf(event), from) >= 0);
}

/** Index of the first event after the point: where a $all subscription starts, since it is exclusive. */
export function firstIndexAfter(events: readonly StoredEvent[], from: AllPoint): number {
  if (from === 'start') return 0;
  if (from === 'end') return events.length;
  return firstIndexWhere(events, (event) => comparePositions(positionOf(event), from) > 0);
}

function firstIndexBackwards(events: readonly StoredEvent[], from: AllPoint): number {
  if (from === 'start') return -1;
  if (from === 'end') return events.length - 1;
  return firstIndexWhere(events, (event) => comparePositions(positionOf(event), from) >= 0) - 1;
}

/** Binary search: positions strictly increase along the log. */
function firstIndexWhere(events: readonly StoredEvent[], isAtOrPast: (event: StoredEvent) => boolean): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isAtOrPast(events[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low;
}

function clampIndex(revision: bigint, max: number): number {
  return Number(revision > BigInt(max) ? BigInt(max) : revision);
}
