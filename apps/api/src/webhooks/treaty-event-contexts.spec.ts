import { describe, expect, it } from '@jest/globals';
import {
  InMemoryEventStore,
  StreamDeletedError,
  type EventStore,
  type RecordedEvent,
  type ReadStreamOptions,
} from '@timeline/event-store';
import { toEventData, treatyStreamName, type TreatyEvent } from '@timeline/treaty';
import { consented, registered, registeredMultilateral, TREATY_ID, uuid } from '@timeline/treaty/testing';
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

  it('gives the present as of the event: a date the clause computes still ahead of its day is expected, not come (decision 0035)', async () => {
    const store = new TombstonedStreams();
    // Ten years after the second instrument: ahead of the day any test runs on.
    const events: TreatyEvent[] = [
      registeredMultilateral({ treatyId: TREATY_ID, entryIntoForce: { instrumentsRequired: 2, daysAfter: 3650 } }),
      consented(uuid(2), 'AT', 'ratification', '2025-11-10'),
      consented(uuid(3), 'BE', 'ratification', '2025-11-20'),
    ];
    await store.appendToStream(
      treatyStreamName(TREATY_ID),
      events.map((event, index) => ({ id: uuid(10 + index), type: event.type, data: toEventData(event) })),
    );
    let last: RecordedEvent | undefined;
    for await (const event of store.readAll()) last = event;
    const context = await new TreatyEventContexts(store).of(last!);
    expect(context?.status).toMatchObject({
      status: 'ratification-in-progress',
      enteredIntoForceOn: null,
      enteredIntoForceOnExpected: '2035-11-18',
    });
  });
});
