import { beforeEach, describe, expect, it } from '@jest/globals';
import { InMemoryEventStore, type EventStore, type ReadStreamOptions } from '@timeline/event-store';
import { treatyStreamName } from '@timeline/treaty';
import type { AppConfig } from '../../config/app-config';
import { TreatyDecisionStates } from './treaty-decision-states.service';

/** An in-memory store that counts the stream reads, to tell a cache hit from a read. */
class CountingStore extends InMemoryEventStore {
  reads = 0;
  override readStream(streamName: string, options?: ReadStreamOptions) {
    this.reads += 1;
    return super.readStream(streamName, options);
  }
}

const registered = (id: string) => ({
  id: `00000000-0000-4000-8000-${id.padStart(12, '0')}`,
  type: 'TreatyRegistered',
  data: { treatyId: `treaty-${id}`, title: `Treaty ${id}`, parties: ['FR', 'DE'], category: 'other' },
  metadata: { schemaVersion: 1 },
});

const statesOver = (store: EventStore, decisionCacheSize: number) =>
  new TreatyDecisionStates(store, { decisionCacheSize } as AppConfig);

describe('TreatyDecisionStates', () => {
  let store: CountingStore;
  beforeEach(async () => {
    store = new CountingStore();
    for (const id of ['1', '2', '3']) {
      await store.appendToStream(treatyStreamName(`treaty-${id}`), [registered(id)]);
    }
    store.reads = 0;
  });

  it('reads a treaty once, then answers from memory at the revision it read', async () => {
    const states = statesOver(store, 10);
    const miss = await states.current('treaty-1');
    const hit = await states.current('treaty-1');
    expect(miss).toMatchObject({ cached: false, decision: { revision: 0n } });
    expect(hit).toMatchObject({ cached: true, decision: { revision: 0n } });
    expect(hit.decision.state).toBe(miss.decision.state);
    expect(store.reads).toBe(1);
  });

  it('forgets a state when the store has moved past the revision it was decided on, and reads the new one', async () => {
    const states = statesOver(store, 10);
    const before = await states.current('treaty-1');
    // Another process writes: the cache cannot know until an append conflicts.
    await store.appendToStream(treatyStreamName('treaty-1'), [{ ...registered('9'), type: 'TreatyRegistered' }]);
    expect((await states.current('treaty-1')).decision.revision).toBe(0n);
    states.forget('treaty-1', before.decision.revision);
    const after = await states.current('treaty-1');
    expect(after).toMatchObject({ cached: false, decision: { revision: 1n } });
  });

  it('does not forget a newer state than the one a conflicting writer decided on', async () => {
    const states = statesOver(store, 10);
    await states.current('treaty-1');
    await store.appendToStream(treatyStreamName('treaty-1'), [registered('9')]);
    await states.read('treaty-1');
    states.forget('treaty-1', 0n);
    expect(await states.current('treaty-1')).toMatchObject({ cached: true, decision: { revision: 1n } });
  });

  it('keeps at most the configured number of treaties, the least recently used leaving first', async () => {
    const states = statesOver(store, 2);
    await states.current('treaty-1');
    await states.current('treaty-2');
    await states.current('treaty-1');
    await states.current('treaty-3'); // treaty-2 leaves
    store.reads = 0;
    expect((await states.current('treaty-1')).cached).toBe(true);
    expect((await states.current('treaty-3')).cached).toBe(true);
    expect((await states.current('treaty-2')).cached).toBe(false);
    expect(store.reads).toBe(1);
  });

  it('never keeps a treaty that does not exist, and keeps nothing at size 0', async () => {
    const states = statesOver(store, 10);
    await states.current('never-registered');
    expect((await states.current('never-registered')).cached).toBe(false);
    const none = statesOver(store, 0);
    await none.current('treaty-1');
    expect((await none.current('treaty-1')).cached).toBe(false);
  });
});
