import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, RecordedEvent, Subscription, SubscriptionMessage } from '..';

/** The store of the running test: the suite replaces it before each test. */
export interface StoreUnderTest {
  readonly store: EventStore;
}

export function uniqueStreamName(prefix = 'conformance'): string {
  return `${prefix}-${randomUUID()}`;
}

export function newEvents(count: number, type = 'SomethingHappened'): NewEvent[] {
  return Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    type,
    data: { index, note: `event ${index}` },
    metadata: { test: true },
  }));
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/**
 * Reads a subscription until `done` says so, then leaves it (breaking out of the loop ends it). Fails rather
 * than hangs when the messages do not come.
 */
export async function readUntil(
  subscription: Subscription,
  done: (message: SubscriptionMessage) => boolean,
  timeoutMs = 10_000,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Subscription did not deliver in ${timeoutMs} ms`)), timeoutMs);
  });
  const read = (async () => {
    for await (const message of subscription) if (done(message)) return;
    throw new Error('Subscription ended before it delivered what was expected');
  })();
  try {
    await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Labels an event of one of the test's streams compactly, e.g. `a3` for revision 3 of the first stream. */
export function labelOf(event: RecordedEvent, streams: readonly string[]): string | undefined {
  const index = streams.indexOf(event.streamName);
  return index < 0 ? undefined : `${String.fromCharCode(97 + index)}${event.revision}`;
}
