import { describe, expect, it } from '@jest/globals';
import {
  InMemoryEventStore,
  StreamDeletedError,
  type EventStore,
  type RecordedEvent,
  type ReadStreamOptions,
} from '@timeline/event-store';
import { toEventData, treatyStreamName } from '@timeline/treaty';
import { registered, TREATY_ID, uuid } from '@timeline/treaty/testing';
import { TreatyEventContexts } from './treaty-event-contexts';

/** The store as EventStoreDB answers once an operator has tombstoned a stream: $all keeps its events, it does not. */
class TombstonedStreams extends InMemoryEventStore {
  readonly deleted = new Set<string>();

  override readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    if (!this.deleted.has(streamName)) return super.readStream(streamName, options);
    return (async function* () {
      yield* [];
      throw new StreamDeletedError(streamName);
    })();
  }
}

async function registration(store: EventStore): Promise<RecordedEvent> {
  const event = registered();
  await store.appendToStream(treatyStreamName(TREATY_ID), [
    { id: uuid(1), type: event.type, data: toEventData(event) },
  ]);
  for await (const event of store.readAll()) return event;
  throw new Error('nothing appended');
}

describe('TreatyEventContexts', () => {
  it("folds the treaty's status as of the event", async () => {
    const store = new TombstonedStreams();
    const event = await registration(store);
    await expect(new TreatyEventContexts(store).of(event)).resolves.toMatchObject({ treatyId: TREATY_ID });
  });

  it('has no context for an event of a stream deleted for good: a webhook passes it over rather than stop on it', async () => {
    const store = new TombstonedStreams();
    const event = await registration(store);
    store.deleted.add(event.streamName);
    await expect(new TreatyEventContexts(store).of(event)).resolves.toBeUndefined();
  });
});
