import type { Subscription, SubscriptionMessage } from './event-store.port';
import type { RecordedEvent } from './events';

/**
 * One of `count` disjoint parts of the log, by stream: each stream lies wholly in the part its name hashes to, so
 * `count` subscriptions, one per `index`, together deliver every event and deletion of the log, each exactly once,
 * and a stream's events stay together and in order. A rebuild reads and applies each part in a thread of its own.
 */
export interface StreamPartition {
  readonly index: number;
  readonly count: number;
}

/**
 * The part (0 to `count - 1`) a stream belongs to: FNV-1a (32 bits) over the name's UTF-16 code units, then
 * MurmurHash3's finalizer, scaled to `count`. FNV-1a alone moves few bits for the last characters (names that
 * differ only there, such as `treaty-1` and `treaty-2`, fell in one part); the finalizer lets every character move
 * every bit. Every adapter uses this one function, in the database where it filters there (the embedded store),
 * so that a stream is in the same part wherever it is read.
 */
export function streamPartitionOf(streamName: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < streamName.length; index++) {
    hash ^= streamName.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return Math.floor(((hash >>> 0) * count) / 2 ** 32);
}

/** Whether the stream belongs to the part; every stream does when there is none. */
export function inStreamPartition(streamName: string, partition: StreamPartition | undefined): boolean {
  return partition === undefined || streamPartitionOf(streamName, partition.count) === partition.index;
}

/** Whether an event belongs to the part: its stream's. */
export function eventInStreamPartition(event: RecordedEvent, partition: StreamPartition | undefined): boolean {
  return inStreamPartition(event.streamName, partition);
}

/** Refuses a part that names none: a count below 1, or an index outside 0 to `count - 1`. */
export function assertValidStreamPartition(partition: StreamPartition | undefined): void {
  if (partition === undefined) return;
  const { index, count } = partition;
  if (!Number.isSafeInteger(count) || count < 1 || !Number.isSafeInteger(index) || index < 0 || index >= count) {
    throw new RangeError(`A stream partition needs 0 <= index < count, got index ${index} of count ${count}`);
  }
}

/**
 * The messages of a subscription that belong to the part (the caught-up marker always does): for a store that
 * cannot filter by part where it reads, such as EventStoreDB, whose server-side filters know no hash.
 */
export async function* keepStreamPartition(
  subscription: Subscription,
  partition: StreamPartition,
): AsyncGenerator<SubscriptionMessage> {
  for await (const message of subscription) {
    if (message.kind === 'caught-up') yield message;
    else if (inStreamPartition(message.kind === 'event' ? message.event.streamName : message.streamName, partition)) {
      yield message;
    }
  }
}
