import type { AppendSignal } from './append-signal';
import type { RecordedEvent } from './events';
import type { SubscriptionMessage } from './event-store.port';

export interface TailSource<Cursor> {
  /** Up to `limit` events after `cursor`, in log order (those its filter takes, for a filtered source). */
  readPage(after: Cursor, limit: number): Promise<TailPage<Cursor>> | TailPage<Cursor>;
  cursorOf(event: RecordedEvent): Cursor;
  appends: AppendSignal;
  /** How often to look for appends made by other processes, which cannot signal this one. */
  pollIntervalMs?: number;
}

/**
 * One read of the tail. `lookedThrough` is how far the read looked, when further than its last event: a filtered
 * read that found fewer events than it asked for has looked at every event up to the head it saw, and the next read
 * starts there rather than at the last match, so the events the filter skipped are not looked at again on every
 * append (a subscription to a rare prefix would otherwise re-read the whole log since its last match). A source
 * sets it only when every event up to it that its filter takes is in `events` (never on a page cut short by
 * `limit`), and no event can later appear at or before it.
 */
export interface TailPage<Cursor> {
  readonly events: readonly RecordedEvent[];
  readonly lookedThrough?: Cursor;
}

const PAGE_SIZE = 256;

/**
 * A catch-up subscription over a log that can be re-read by cursor. It reads a page only when the consumer
 * asks for more, so it holds at most one page in memory whatever the consumer's speed, and writers never wait
 * for it. Every event comes from a read after the cursor: the last event delivered, or how far the last read
 * looked. That is why the catch-up/live boundary can neither miss nor repeat an event, however appends race with it.
 */
export async function* tailSubscription<Cursor>(
  source: TailSource<Cursor>,
  from: Cursor,
  signal?: AbortSignal,
): AsyncGenerator<SubscriptionMessage> {
  let cursor = from;
  let caughtUp = false;
  while (!signal?.aborted) {
    // Read the signal's version before the page: an append committed after the read bumps it, so the wait
    // below returns at once instead of sleeping past that append.
    const seen = source.appends.current;
    const page = await source.readPage(cursor, PAGE_SIZE);
    for (const event of page.events) {
      if (signal?.aborted) return;
      yield { kind: 'event', event };
      cursor = source.cursorOf(event);
    }
    if (page.lookedThrough !== undefined) cursor = page.lookedThrough;
    if (page.events.length === PAGE_SIZE) continue;
    if (!caughtUp) {
      caughtUp = true;
      yield { kind: 'caught-up' };
    }
    await source.appends.changedSince(seen, signal, source.pollIntervalMs);
  }
}
