import { beforeEach, describe, expect, it } from '@jest/globals';
import { InMemoryEventStore, type EventStore, type ReadStreamOptions } from '@timeline/event-store';
import { treatyStreamName } from '@timeline/treaty';
import type { AppConfig } from '../../config/app-config';
import { TreatyDecisionStates } from './treaty-decision-states.service';

/** An in-memory store that counts the stream reads and the events they return, to tell a cache hit from a read. */
class CountingStore extends InMemoryEventStore {
  reads = 0;
  eventsRead = 0;
  override async *readStream(streamName: string, options?: ReadStreamOptions) {
    this.reads += 1;
    for await (const event of super.readStream(streamName, options)) {
      this.eventsRead += 1;
      yield event;
    }
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
    store.eventsRead = 0;
  });

  it('folds a treaty once, then reads only the events after the revision it keeps (none: a hit)', async () => {
    const states = statesOver(store, 10);
    const miss = await states.current('treaty-1');
    const hit = await states.current('treaty-1');
    expect(miss.revision).toBe(0n);
    expect(hit).toBe(miss);
    expect(store.eventsRead).toBe(1);
  });

  it('catches up with what another process appended, reading those events only', async () => {
    const states = statesOver(store, 10);
    await states.current('treaty-1');
    await store.appendToStream(treatyStreamName('treaty-1'), [registered('8'), registered('9')]);
    store.eventsRead = 0;
    expect((await states.current('treaty-1')).revision).toBe(2n);
    expect(store.eventsRead).toBe(2);
  });

  it('forgets the state a conflicting append was decided on, not a newer one', async () => {
    const states = statesOver(store, 10);
    await states.current('treaty-1');
    states.forget('treaty-1', 0n);
    store.eventsRead = 0;
    await states.current('treaty-1');
    expect(store.eventsRead).toBe(1); // read whole again

    await store.appendToStream(treatyStreamName('treaty-1'), [registered('9')]);
    await states.current('treaty-1'); // now at revision 1
    states.forget('treaty-1', 0n);
    store.eventsRead = 0;
    expect((await states.current('treaty-1')).revision).toBe(1n);
    expect(store.eventsRead).toBe(0);
  });

  it('keeps the state after its own append, and never a state older than the one it holds', async () => {
    const states = statesOver(store, 10);
    const before = await states.current('treaty-1');
    const [stored] = await store.appendToStream(treatyStreamName('treaty-1'), [registered('9')]).then(async () => {
      const events = [];
      for await (const event of store.readStream(treatyStreamName('treaty-1'), { fromRevision: 1n }))
        events.push(event);
      return events;
    });
    states.appended('treaty-1', before, [stored!]);
    states.appended('treaty-1', before, []); // a slower writer settling later, on the older state
    store.eventsRead = 0;
    expect((await states.current('treaty-1')).revision).toBe(1n);
    expect(store.eventsRead).toBe(0);
  });

  it('knows the state it read or followed through its own appends, until told the store moved past it', async () => {
    const states = statesOver(store, 10);
    expect(states.known('treaty-1')).toBeUndefined();
    const read = await states.current('treaty-1');
    expect(states.known('treaty-1')).toBe(read);

    const signed = { id: '00000000-0000-4000-8000-000000000091', type: 'TreatySigned', data: { on: '2025-01-17' } };
    states.appended('treaty-1', read, [signed]);
    expect(states.known('treaty-1')?.revision).toBe(1n);
    expect(() =>
      states.appended('treaty-1', read, [{ ...signed, metadata: { idempotency: { key: 'k', fingerprint: 'f' } } }]),
    ).toThrow(/Idempotency-Key/);

    states.behind('treaty-1');
    expect(states.known('treaty-1')).toBeUndefined();
    store.reads = 0;
    await states.current('treaty-1'); // catching up makes it known again
    expect(states.known('treaty-1')?.revision).toBe(1n);
    expect(store.reads).toBe(1);
  });

  it('keeps at most the configured number of treaties, the least recently used leaving first', async () => {
    const states = statesOver(store, 2);
    await states.current('treaty-1');
    await states.current('treaty-2');
    await states.current('treaty-1');
    await states.current('treaty-3'); // treaty-2 leaves
    store.eventsRead = 0;
    await states.current('treaty-1');
    await states.current('treaty-3');
    expect(store.eventsRead).toBe(0);
    await states.current('treaty-2');
    expect(store.eventsRead).toBe(1);
  });

  it('never keeps a treaty that does not exist, and keeps nothing at size 0', async () => {
    const states = statesOver(store, 10);
    await states.current('never-registered');
    await states.current('never-registered');
    expect(store.reads).toBe(2);
    const none = statesOver(store, 0);
    await none.current('treaty-1');
    store.eventsRead = 0;
    await none.current('treaty-1');
    expect(store.eventsRead).toBe(1);
  });
});
