import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { type EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import {
  EventStoreUnavailableError,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '@timeline/event-store';
import { collect, newEvents, uniqueStreamName, waitFor } from '@timeline/event-store/testing';
import { EsdbEventStore } from '@timeline/event-store-esdb';
import {
  EVENTSTOREDB_21_6,
  KURRENTDB_25_1,
  startEsdbProtocolCluster,
  type EsdbProtocolCluster,
  type EsdbProtocolClusterOptions,
} from '../esdb-protocol-double';

/** A live subscription to $all, read in the background until the test ends: what a replica's projection sees. */
function follow(store: EventStore) {
  const controller = new AbortController();
  const delivered: RecordedEvent[] = [];
  let caughtUp = 0;
  let failure: unknown;
  const reading = (async () => {
    try {
      for await (const message of store.subscribeToAll({ signal: controller.signal })) {
        if (message.kind === 'caught-up') caughtUp += 1;
        else if (message.kind === 'event') delivered.push(message.event);
      }
    } catch (error) {
      failure = error;
    }
  })();
  return {
    delivered,
    get caughtUp() {
      return caughtUp;
    },
    get failure() {
      return failure;
    },
    stop: async () => {
      controller.abort();
      await reading;
    },
  };
}

/** What an editor does with a 503: try the same append again, a little later. Every failure must be a 503. */
async function appendUntilStored(store: EventStore, stream: string, events: NewEvent[]): Promise<AppendResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.appendToStream(stream, events);
    } catch (error) {
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      if (attempt === 40) throw error;
      await sleep(100);
    }
  }
}

const idsOf = (events: readonly { id: string }[]) => events.map((event) => event.id);

// Client 6.2.1 appends through BatchAppend on servers that list it (21.10 on), through plain Append before.
describe.each([
  ['BatchAppend, KurrentDB 25.1', KURRENTDB_25_1],
  ['plain Append, before 21.10', EVENTSTOREDB_21_6],
])('EsdbEventStore on a three-node cluster (protocol double): failover, %s', (_, server) => {
  let cluster: EsdbProtocolCluster;
  let store: EsdbEventStore;
  const restart = async (options: EsdbProtocolClusterOptions) => {
    await store.close();
    await cluster.stop();
    cluster = await startEsdbProtocolCluster({ server, ...options });
    store = new EsdbEventStore({ connectionString: cluster.connectionString });
  };
  beforeEach(async () => {
    cluster = await startEsdbProtocolCluster({ server });
    store = new EsdbEventStore({ connectionString: cluster.connectionString });
  });
  afterEach(async () => {
    await store.close();
    await cluster.stop();
  });

  it('asks its seeds for the cluster (gossip), finds the leader, and writes there', async () => {
    expect(cluster.connectionString).toMatch(
      /^esdb:\/\/127\.0\.0\.1:\d+,127\.0\.0\.1:\d+,127\.0\.0\.1:\d+\?tls=false$/,
    );
    cluster.elect(1); // not the first seed: only gossip can tell
    await store.appendToStream(uniqueStreamName(), newEvents(2));
    await store.appendToStream(uniqueStreamName(), newEvents(1));
    expect(cluster.nodes.map((node) => node.appendsReceived)).toEqual([0, 2, 0]);
  });

  it('follows leadership when it moves: the next write goes to the new leader, once', async () => {
    const stream = uniqueStreamName();
    await store.appendToStream(stream, newEvents(1));
    cluster.elect(2);
    const moved = newEvents(2);
    const result = await store.appendToStream(stream, moved);
    expect(result.nextExpectedRevision).toBe(2n);
    // The old leader refused the writer's read (NotLeader, naming the new leader), the client reconnected there,
    // and the write went straight to it: no append on a follower, none forwarded.
    expect(cluster.nodes.map((node) => node.appendsReceived)).toEqual([1, 0, 1]);
    expect(idsOf(await collect(store.readStream(stream))).slice(1)).toEqual(idsOf(moved));
  });

  it('keeps a live subscription across the death of the leader: nothing missed, nothing repeated', async () => {
    const stream = uniqueStreamName();
    const subscription = follow(store);
    const written: NewEvent[] = [];
    const write = async (events: NewEvent[]) => {
      await appendUntilStored(store, stream, events);
      written.push(...events);
    };
    try {
      await write(newEvents(3));
      await waitFor(() => subscription.delivered.length === 3 && subscription.caughtUp === 1);

      await cluster.stopNode(0);
      // The election outlasts the client's discovery (10 gossip rounds, ~1 s): writes and the subscription's
      // attempts to resume fail meanwhile, and must be seen as passing.
      await expect(store.appendToStream(stream, newEvents(1))).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await sleep(1_500);
      cluster.elect(1);
      await write(newEvents(2));
      await write(newEvents(2));

      await waitFor(
        () => subscription.delivered.length === written.length || subscription.failure !== undefined,
        10_000,
      );
      expect(subscription.failure).toBeUndefined();
      expect(idsOf(subscription.delivered)).toEqual(idsOf(written));
      expect(subscription.caughtUp).toBe(1);
      expect(cluster.nodes[1]!.activeSubscriptionCount + cluster.nodes[2]!.activeSubscriptionCount).toBe(1);
    } finally {
      await subscription.stop();
    }
  });

  it.each(['after-commit', 'before-commit'] as const)(
    'reports an append cut by the leader dying %s as EventStoreUnavailableError; its retry stores it once',
    async (when) => {
      const stream = uniqueStreamName();
      await store.appendToStream(stream, newEvents(1));
      const events = newEvents(2);
      cluster.crashLeaderDuringNextAppend(when);
      await expect(store.appendToStream(stream, events, { expectedRevision: 0n })).rejects.toBeInstanceOf(
        EventStoreUnavailableError,
      );
      cluster.elect(1);
      // The editor's retry: the same events (the same Idempotency-Key), the same expectation.
      const retried = await appendUntilStored(store, stream, events);
      expect(retried.nextExpectedRevision).toBe(2n);
      const stored = await collect(store.readStream(stream));
      expect(stored).toHaveLength(3);
      expect(idsOf(stored).slice(1)).toEqual(idsOf(events));
      expect(retried.position).toBe(stored[2]!.position);
    },
  );

  it('refuses writes during an election as EventStoreUnavailableError, and writes again once a leader is elected', async () => {
    const stream = uniqueStreamName();
    await store.appendToStream(stream, newEvents(1));
    cluster.startElection();
    await expect(store.appendToStream(stream, newEvents(1))).rejects.toBeInstanceOf(EventStoreUnavailableError);
    cluster.elect(0);
    await store.appendToStream(stream, newEvents(1));
    expect(await collect(store.readStream(stream))).toHaveLength(2);
  });

  it('replaces a client that keeps a failed discovery, so that a replica writes again after the election', async () => {
    const stream = uniqueStreamName();
    await store.appendToStream(stream, newEvents(1));
    // The state a race of a failover can leave the client in (white box: the store's own client). The leader
    // dies; an append fails and drops the connection; the next append asks the server's features anew while no
    // node can be found, and the client keeps that failure, whoever leads later.
    const client = (store as unknown as { clients: { current: EventStoreDBClient } }).clients.current;
    const anEvent = () => jsonEvent({ id: newEvents(1)[0]!.id, type: 'Raw', data: {} });
    await cluster.stopNode(0);
    await expect(client.appendToStream(stream, anEvent())).rejects.toMatchObject({ type: 'unavailable' });
    await expect(client.appendToStream(stream, anEvent())).rejects.toThrow(/^Failed to discover/);
    cluster.elect(1);
    await expect(client.appendToStream(stream, anEvent())).rejects.toThrow(/^Failed to discover/);

    // The store reports that once as retryable, replaces the client, and the retry writes.
    const events = newEvents(1);
    await expect(store.appendToStream(stream, events)).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await store.appendToStream(stream, events);
    expect(idsOf(await collect(store.readStream(stream)))).toHaveLength(2);
  });

  it('takes no answer from a stranger at a dead node’s address for the log: unavailable, never "no such stream"', async () => {
    const stream = uniqueStreamName();
    const first = await store.appendToStream(stream, newEvents(2));
    await cluster.stopNode(0);
    // During the election no member is one the client may use, but the stranger names itself the leader: the
    // client goes there (found, in CI, when another test file's double took the freed port; see decision 0051).
    const stopStranger = await cluster.startStrangerAt(0);
    try {
      // The first call may still fail on the connection the node's death reset; the next ones reach the stranger.
      await collect(store.readStream(stream)).catch(() => undefined);
      await expect(collect(store.readStream(stream, { requiresLeader: true }))).rejects.toBeInstanceOf(
        EventStoreUnavailableError,
      );
      // Decided on the stranger's "no stream", this append would be refused as a conflict (or, expecting any
      // revision, written into the stranger's log).
      await expect(store.appendToStream(stream, newEvents(1), { expectedRevision: 1n })).rejects.toBeInstanceOf(
        EventStoreUnavailableError,
      );
      await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    } finally {
      await stopStranger();
    }
    cluster.elect(1);
    await appendUntilStored(store, stream, newEvents(1));
    const stored = await collect(store.readStream(stream, { requiresLeader: true }));
    expect(stored).toHaveLength(3);
    expect(stored[1]!.position).toBe(first.position);
  });

  it.each(['not-ready', 'too-busy', 'no-leader-info'] as const)(
    'reports a write the leader did not handle (%s) as EventStoreUnavailableError; the retry writes it once',
    async (reason) => {
      const stream = uniqueStreamName();
      await store.appendToStream(stream, newEvents(1));
      const events = newEvents(1);
      cluster.refuseNextAppendOnLeader(reason);
      await expect(store.appendToStream(stream, events)).rejects.toBeInstanceOf(EventStoreUnavailableError);
      const stored = await store.appendToStream(stream, events);
      expect(await store.appendToStream(stream, events)).toEqual(stored);
      expect(await collect(store.readStream(stream))).toHaveLength(2);
    },
  );

  it('stores each append once when leadership moves while appends are in flight and not yet committed', async () => {
    await restart({ replicationDelayMs: 150, commitTimeoutMs: 400 });
    const stream = uniqueStreamName();
    await store.appendToStream(stream, newEvents(1));
    const first = newEvents(1);
    const second = newEvents(1);
    const inFlight = store.appendToStream(stream, first);
    // Once the old leader has written it (it commits 150 ms later): a fixed wait was too short on a busy machine,
    // where the append reached the old leader only after the election and was never written there.
    await waitFor(() => cluster.holds(first[0]!.id));
    cluster.elect(1);
    // On BatchAppend, the old leader's NotLeader ends the call that carries the first append too, written or not.
    const results = await Promise.all([inFlight, appendUntilStored(store, stream, second)]);
    expect(results[0].nextExpectedRevision).toBe(1n);
    expect(idsOf(await collect(store.readStream(stream)))).toEqual([expect.any(String), first[0]!.id, second[0]!.id]);
  });
});
