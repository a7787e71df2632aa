import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  EventStoreUnavailableError,
  StreamNotFoundError,
  type EventStore,
  type RecordedEvent,
} from '@timeline/event-store';
import { collect, newEvents, uniqueStreamName, waitFor } from '@timeline/event-store/testing';
import { EsdbEventStore } from '@timeline/event-store-esdb';
import { startEsdbProtocolCluster, type EsdbProtocolCluster } from '../esdb-protocol-double';

/** The first answer that is not the reset of a connection that a node's restart or death left behind. */
async function settled<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const reset = error instanceof EventStoreUnavailableError && !/already seen/.test(error.message);
      if (!reset || tries === 20) throw error;
      await sleep(100);
    }
  }
}

/** A live subscription to $all (or to one stream), read in the background: what a replica's projection sees. */
function follow(store: EventStore, streamName?: string) {
  const controller = new AbortController();
  const delivered: RecordedEvent[] = [];
  let failure: unknown;
  const reading = (async () => {
    try {
      const options = { signal: controller.signal };
      const subscription =
        streamName === undefined ? store.subscribeToAll(options) : store.subscribeToStream(streamName, options);
      for await (const message of subscription) {
        if (message.kind === 'event') delivered.push(message.event);
      }
    } catch (error) {
      failure = error;
    }
  })();
  return {
    delivered,
    get failure() {
      return failure;
    },
    stop: async () => {
      controller.abort();
      await reading;
    },
  };
}

describe('EsdbEventStore on a node behind what it has seen (three-node protocol double)', () => {
  let cluster: EsdbProtocolCluster;
  let store: EsdbEventStore;
  let warnings: string[];
  beforeEach(async () => {
    cluster = await startEsdbProtocolCluster();
    warnings = [];
    store = new EsdbEventStore({
      connectionString: cluster.connectionString,
      onWarning: (message) => warnings.push(message),
    });
  });
  afterEach(async () => {
    await store.close();
    await cluster.stop();
  });

  it('refuses a stream found shorter than it has seen it, as unavailable, never as its history', async () => {
    const stream = uniqueStreamName();
    const later = uniqueStreamName();
    await store.appendToStream(stream, newEvents(1));
    const backup = cluster.backup();
    await store.appendToStream(stream, newEvents(2));
    await store.appendToStream(later, newEvents(1));
    // The operator restores the store from the older backup under the running service.
    await cluster.restoreBackup(backup);

    // The stream holds one event there, where the service has seen three: folding it would decide on a part.
    await expect(settled(() => collect(store.readStream(stream)))).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(collect(store.readStream(stream, { requiresLeader: true }))).rejects.toThrow(
      /already seen its revision 2/,
    );
    await expect(collect(store.readStream(stream, { direction: 'backwards', maxCount: 1 }))).rejects.toBeInstanceOf(
      EventStoreUnavailableError,
    );
    // A stream seen with events is not missing from this log: not "no such stream", on any read.
    await expect(collect(store.readStream(later))).rejects.toBeInstanceOf(EventStoreUnavailableError);
    // An append would be decided on the shorter stream (and, expecting revision 0, written after it).
    await expect(store.appendToStream(stream, newEvents(1), { expectedRevision: 0n })).rejects.toBeInstanceOf(
      EventStoreUnavailableError,
    );
    await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    // Said once (not at every refusal), with what the operator does about it.
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/restored from an older backup.*npm run projections:rebuild/);
  });

  // A catch-up from the revision after the last one seen (the decision cache, the webhook subscriptions): the
  // server answers a read from past a stream's end with no event, as when nothing is new (decision 0064).
  it('refuses a catch-up read from past the end of a stream found shorter than it has seen it', async () => {
    const stream = uniqueStreamName();
    await store.appendToStream(stream, newEvents(1));
    const backup = cluster.backup();
    await store.appendToStream(stream, newEvents(2));
    expect(await collect(store.readStream(stream, { fromRevision: 3n }))).toEqual([]);
    // Another replica writes on: the catch-up returns what is new, and only that.
    const other = new EsdbEventStore({ connectionString: cluster.connectionString });
    await other.appendToStream(stream, newEvents(2));
    await other.close();
    const revisions = async (read: AsyncIterable<RecordedEvent>) =>
      (await collect(read)).map((event) => event.revision);
    expect(await revisions(store.readStream(stream, { fromRevision: 3n, maxCount: 1 }))).toEqual([3n]);
    expect(await revisions(store.readStream(stream, { fromRevision: 4n }))).toEqual([4n]);
    await cluster.restoreBackup(backup);

    await expect(settled(() => collect(store.readStream(stream, { fromRevision: 5n })))).rejects.toThrow(
      /already seen its revision 4/,
    );
    await expect(collect(store.readStream(stream, { fromRevision: 5n, requiresLeader: true }))).rejects.toBeInstanceOf(
      EventStoreUnavailableError,
    );
    // Reading from further on, the read asks past what was seen of the stream: nothing to compare, as before.
    expect(await collect(store.readStream(stream, { fromRevision: 7n }))).toEqual([]);
  });

  it('after a restore, a service started again takes the restored log as it is', async () => {
    const stream = uniqueStreamName();
    await store.appendToStream(stream, newEvents(1));
    const backup = cluster.backup();
    await store.appendToStream(stream, newEvents(2));
    await cluster.restoreBackup(backup);
    await store.close();

    store = new EsdbEventStore({ connectionString: cluster.connectionString });
    await settled(() => store.ping());
    expect(await collect(store.readStream(stream))).toHaveLength(1);
    await store.appendToStream(stream, newEvents(1), { expectedRevision: 0n });
    expect(await collect(store.readStream(stream))).toHaveLength(2);
    await expect(collect(store.readStream(uniqueStreamName()))).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  // A subscription to a stream gets the same check from decision 0064 on.
  it.each([
    { to: '$all', ofStream: false, said: /a subscription to \$all/ },
    { to: 'a stream', ofStream: true, said: /a subscription to stream/ },
  ])(
    'leaves a stranger that a resumed subscription to $to met, and follows the cluster again',
    async ({ ofStream, said }) => {
      const stream = uniqueStreamName();
      const subscription = follow(store, ofStream ? stream : undefined);
      try {
        await store.appendToStream(stream, newEvents(2));
        await waitFor(() => subscription.delivered.length === 2);
        await cluster.stopNode(0);
        // During the election the stranger is the only node that names a leader: the subscription, dropped with
        // the leader, resumes there, on a log that ends before what it has delivered.
        const stopStranger = await cluster.startStrangerAt(0);
        try {
          await sleep(1_500);
          cluster.elect(1);
          // Written on the cluster by another replica, which never meets the stranger (its seeds are the others).
          const ports = cluster.nodes.slice(1).map((node) => `127.0.0.1:${node.port}`);
          const other = new EsdbEventStore({ connectionString: `esdb://${ports.join(',')}?tls=false` });
          const written = newEvents(2);
          await settled(() => other.appendToStream(stream, written));
          await other.close();
          // The subscription backs off up to 5 s between attempts, and discovery may meet the stranger again before
          // the cluster: two or three backed-off attempts under a loaded CI took longer than 10 s.
          await waitFor(() => subscription.delivered.length === 4 || subscription.failure !== undefined, 30_000);
          expect(subscription.failure).toBeUndefined();
          expect(subscription.delivered.slice(2).map((event) => event.id)).toEqual(written.map((event) => event.id));
          expect(warnings.some((warning) => said.test(warning))).toBe(true);
        } finally {
          await stopStranger();
        }
      } finally {
        await subscription.stop();
      }
    },
    60_000,
  );
});
