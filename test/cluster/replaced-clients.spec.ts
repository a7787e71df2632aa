import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { EventStoreDBClient } from '@eventstore/db-client';
import type { RecordedEvent } from '@timeline/event-store';
import { collect, newEvents, uniqueStreamName, waitFor } from '@timeline/event-store/testing';
import { EsdbEventStore } from '@timeline/event-store-esdb';
import { startEsdbProtocolCluster, type EsdbProtocolCluster } from '../esdb-protocol-double';

/**
 * What the store does after a failure that makes it replace its client (a discovery that failed during an
 * election, a stranger's log): white box, the replacement itself is asked for, many times over.
 */
function replaceClientOf(store: EsdbEventStore): void {
  const inside = store as unknown as {
    clients?: { current: EventStoreDBClient };
    client?: EventStoreDBClient;
    replaceClient(failed: EventStoreDBClient): void;
  };
  inside.replaceClient((inside.clients?.current ?? inside.client)!);
}

/** How many replaced clients the store still keeps (not disposed). */
function keptClientsOf(store: EsdbEventStore): number {
  const inside = store as unknown as { clients?: { retiredCount: number }; replacedClients?: unknown[] };
  return inside.clients?.retiredCount ?? inside.replacedClients!.length;
}

describe('EsdbEventStore: clients it replaced are let go (three-node protocol double)', () => {
  let cluster: EsdbProtocolCluster;
  let store: EsdbEventStore;
  beforeEach(async () => {
    cluster = await startEsdbProtocolCluster();
  });
  afterEach(async () => {
    await store.close();
    await cluster.stop();
  });
  const leaderConnections = () => cluster.nodes[0]!.openConnections;

  it('keeps no idle client it replaced, over many replacements, and leaves no connection open once closed', async () => {
    store = new EsdbEventStore({ connectionString: cluster.connectionString });
    const stream = uniqueStreamName();
    await store.appendToStream(stream, newEvents(1));
    expect(leaderConnections()).toBe(1);
    for (let round = 1; round <= 30; round++) {
      replaceClientOf(store);
      // The new client finds the leader and connects: a write on it.
      await store.appendToStream(stream, newEvents(1));
      expect(keptClientsOf(store)).toBe(0);
    }
    expect(await collect(store.readStream(stream))).toHaveLength(31);
    // Client 6.2.1's own dispose leaves the channel open: the store closes it too.
    await store.close();
    await waitFor(() => leaderConnections() === 0, 3_000).catch(() => undefined);
    expect(leaderConnections()).toBe(0);
  });

  it('keeps at most maxReplacedClients replaced clients whose calls are still open', async () => {
    store = new EsdbEventStore({ connectionString: cluster.connectionString, maxReplacedClients: 2 });
    const stream = uniqueStreamName();
    await store.appendToStream(stream, newEvents(2));
    for (let round = 1; round <= 10; round++) {
      // A read left open on the client about to be replaced (a consumer that stopped reading).
      const left = store.readStream(stream)[Symbol.asyncIterator]();
      await left.next();
      replaceClientOf(store);
      await store.appendToStream(stream, newEvents(1));
      expect(keptClientsOf(store)).toBeLessThanOrEqual(2);
    }
    // A call left open that way may never end (its client's dispose then waits for good): the channels are closed
    // all the same.
    await store.close();
    await waitFor(() => leaderConnections() === 0, 4_000).catch(() => undefined);
    expect(leaderConnections()).toBe(0);
  });

  it('closes the channel of a client whose dispose waits for good on a read the server had finished', async () => {
    store = new EsdbEventStore({ connectionString: cluster.connectionString, closeTimeoutMs: 60_000 });
    const stream = uniqueStreamName();
    await store.appendToStream(stream, newEvents(2));
    // Left after its first event, once the server has sent all it had: client 6.2.1 then never sees the call end,
    // and its dispose waits for it for good.
    for await (const event of store.readStream(stream, { direction: 'backwards', maxCount: 1 })) {
      expect(event.revision).toBe(1n);
      break;
    }
    replaceClientOf(store);
    await store.appendToStream(stream, newEvents(1));
    const closing = Date.now();
    await store.close();
    expect(Date.now() - closing).toBeLessThan(10_000);
    await waitFor(() => leaderConnections() === 0, 3_000).catch(() => undefined);
    expect(leaderConnections()).toBe(0);
  });

  it('lets a call in flight on a replaced client finish, then disposes that client', async () => {
    store = new EsdbEventStore({ connectionString: cluster.connectionString });
    const stream = uniqueStreamName();
    const written = newEvents(3);
    await store.appendToStream(stream, written);
    // A read half done on the first client: one event taken, the call still open.
    const reading = store.readStream(stream)[Symbol.asyncIterator]();
    const first = await reading.next();
    expect(first.done).toBe(false);
    replaceClientOf(store);
    await store.appendToStream(stream, newEvents(1));
    expect(keptClientsOf(store)).toBe(1);

    const rest: RecordedEvent[] = [];
    for (let next = await reading.next(); !next.done; next = await reading.next()) rest.push(next.value);
    expect([first.value as RecordedEvent, ...rest].map((event) => event.id)).toEqual(written.map((event) => event.id));
    // Its last call ended: the replaced client is disposed.
    expect(keptClientsOf(store)).toBe(0);
  });

  it('lets go of a replaced client whose calls outlast the grace; a subscription on it resumes on the new one', async () => {
    store = new EsdbEventStore({ connectionString: cluster.connectionString, replacedClientGraceMs: 300 });
    const stream = uniqueStreamName();
    await store.appendToStream(stream, newEvents(1));
    const controller = new AbortController();
    const delivered: RecordedEvent[] = [];
    let failure: unknown;
    const following = (async () => {
      try {
        for await (const message of store.subscribeToAll({ signal: controller.signal })) {
          if (message.kind === 'event' && message.event.streamName === stream) delivered.push(message.event);
        }
      } catch (error) {
        failure = error;
      }
    })();
    try {
      await waitFor(() => delivered.length === 1);
      replaceClientOf(store);
      await store.appendToStream(stream, newEvents(1));
      await waitFor(() => delivered.length === 2);
      expect(keptClientsOf(store)).toBe(1);
      // Past the grace the old client is disposed: the subscription, cut, resumes on the current client.
      await waitFor(() => keptClientsOf(store) === 0, 5_000);
      await store.appendToStream(stream, newEvents(1));
      await waitFor(() => delivered.length === 3 || failure !== undefined);
      expect(failure).toBeUndefined();
      expect(delivered).toHaveLength(3);
      expect(new Set(delivered.map((event) => event.id)).size).toBe(3);
    } finally {
      controller.abort();
      await following;
    }
  });
});
