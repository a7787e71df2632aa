import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  EventStoreUnavailableError,
  StreamDeletedError,
  type RecordedEvent,
  type SubscriptionFilter,
} from '@timeline/event-store';
import { collect, newEvents, readUntil, uniqueStreamName, waitFor } from '@timeline/event-store/testing';
import { EsdbEventStore } from '@timeline/event-store-esdb';
import {
  EVENTSTOREDB_21_6,
  KURRENTDB_25_1,
  startEsdbProtocolDouble,
  type EsdbProtocolDouble,
} from '../esdb-protocol-double';

describe('EsdbEventStore, beyond the conformance suite', () => {
  let server: EsdbProtocolDouble;
  let store: EsdbEventStore;
  beforeEach(async () => {
    server = await startEsdbProtocolDouble();
    store = new EsdbEventStore({ connectionString: server.connectionString });
  });
  afterEach(async () => {
    await store.close();
    await server.stop();
  });

  it('closes within its timeout even when the client never finishes disposing of its calls', async () => {
    const closing = new EsdbEventStore({ connectionString: server.connectionString, closeTimeoutMs: 100 });
    await closing.appendToStream(uniqueStreamName(), newEvents(1));
    // What was seen on Node 24: a cancelled call whose end never comes, so the client's dispose never settles.
    const client = (closing as unknown as { clients: { current: { dispose: () => Promise<void> } } }).clients.current;
    const dispose = client.dispose.bind(client);
    client.dispose = async () => {
      await dispose();
      await new Promise(() => undefined);
    };
    const started = Date.now();
    await closing.close();
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('resumes a subscription that the server dropped, from the last event it delivered', async () => {
    const stream = uniqueStreamName();
    await store.appendToStream(stream, newEvents(3));
    const delivered: RecordedEvent[] = [];
    let caughtUp = 0;
    const reading = readUntil(store.subscribeToAll(), (message) => {
      if (message.kind === 'caught-up') caughtUp += 1;
      else if (message.kind === 'event') delivered.push(message.event);
      return delivered.length === 9;
    });
    await waitFor(() => caughtUp === 1);
    server.dropSubscriptions();
    await store.appendToStream(stream, newEvents(3));
    server.dropSubscriptions();
    await store.appendToStream(stream, newEvents(3));
    await reading;
    expect(delivered.map((event) => event.revision)).toEqual([0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n]);
    expect(caughtUp).toBe(1);
  });

  it.each([
    ['BatchAppend (20.10 on)', KURRENTDB_25_1],
    ['Append (before)', EVENTSTOREDB_21_6],
  ])(
    'reports a stream its operator deleted for good as deleted, on reads and on appends over %s',
    async (_, version) => {
      await store.close();
      await server.stop();
      server = await startEsdbProtocolDouble({ server: version });
      store = new EsdbEventStore({ connectionString: server.connectionString });
      const [deleted, kept] = [uniqueStreamName(), uniqueStreamName()];
      await store.appendToStream(deleted, newEvents(2));
      await store.appendToStream(kept, newEvents(1));
      server.tombstone(deleted);
      await expect(collect(store.readStream(deleted))).rejects.toThrow(StreamDeletedError);
      await expect(store.appendToStream(deleted, newEvents(1))).rejects.toThrow(StreamDeletedError);
      await expect(store.appendToStream(deleted, newEvents(1))).rejects.toMatchObject({ streamName: deleted });
      // The deleted stream's events stay in $all until a scavenge; the tombstone itself is a system record.
      expect((await collect(store.readAll())).map((event) => event.streamName)).toEqual([deleted, deleted, kept]);
    },
  );

  it("reports an operator's tombstone to a subscription as a stream-deleted notice at its position, then resumes past it", async () => {
    const prefix = `${uniqueStreamName()}-`;
    const [deleted, kept] = [`${prefix}deleted`, `${prefix}kept`];
    await store.appendToStream(deleted, newEvents(2));
    const seen: string[] = [];
    const positions: bigint[] = [];
    let caughtUp = false;
    const reading = readUntil(
      store.subscribeToAll({ filter: { on: 'stream-name', prefixes: [prefix] } }),
      (message) => {
        if (message.kind === 'caught-up') caughtUp = true;
        else if (message.kind === 'event') {
          seen.push(`${message.event.streamName.slice(prefix.length)}:${message.event.revision}`);
          positions.push(message.event.position);
        } else {
          seen.push(`deleted ${message.streamName.slice(prefix.length)}`);
          positions.push(message.position);
        }
        return seen.length === 4;
      },
    );
    await waitFor(() => caughtUp);
    server.tombstone(deleted);
    await waitFor(() => seen.length === 3);
    // Resumed after a drop, the subscription starts past the notice: it is not delivered twice.
    server.dropSubscriptions();
    await store.appendToStream(kept, newEvents(1));
    await reading;
    expect(seen).toEqual(['deleted:0', 'deleted:1', 'deleted deleted', 'kept:0']);
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
    // Reads of the log still show none of it: a deletion is no event.
    expect((await collect(store.readAll())).map((event) => event.type)).not.toContain('$streamDeleted');
  });

  it('delivers a deletion caught up from the log too, and none to an event-type filter', async () => {
    const deleted = uniqueStreamName();
    await store.appendToStream(deleted, newEvents(1));
    server.tombstone(deleted);
    const kinds = async (filter: SubscriptionFilter): Promise<string[]> => {
      const seen: string[] = [];
      await readUntil(store.subscribeToAll({ filter }), (message) => {
        if (message.kind !== 'caught-up') seen.push(message.kind);
        return message.kind === 'caught-up';
      });
      return seen;
    };
    expect(await kinds({ on: 'stream-name', prefixes: [deleted] })).toEqual(['event', 'stream-deleted']);
    expect(await kinds({ on: 'event-type', prefixes: [newEvents(1)[0]!.type] })).not.toContain('stream-deleted');
  });

  it('never delivers system events: the log it shows is ours', async () => {
    await store.appendToStream(uniqueStreamName(), newEvents(2));
    const all = await collect(store.readAll());
    expect(all).toHaveLength(2);
    expect(all.some((event) => event.type.startsWith('$') || event.streamName.startsWith('$'))).toBe(false);
  });

  it('appends a racing copy of the same append once, whatever it expects', async () => {
    const stream = uniqueStreamName();
    await store.appendToStream(stream, newEvents(1));
    const events = newEvents(2);
    const results = await Promise.all(Array.from({ length: 6 }, () => store.appendToStream(stream, events)));
    expect(new Set(results.map((result) => result.position)).size).toBe(1);
    expect(await collect(store.readStream(stream))).toHaveLength(3);
  });

  it('cancels reads that the consumer leaves early, so that closing does not wait for them', async () => {
    await store.appendToStream(uniqueStreamName(), newEvents(3));
    await store.ping();
    for await (const _ of store.readAll()) break;
    for await (const _ of store.readAll({ direction: 'backwards', maxCount: 1 })) break;
    const started = Date.now();
    await store.close();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reports an unreachable server as EventStoreUnavailableError', async () => {
    await server.stop();
    const offline = new EsdbEventStore({ connectionString: `${server.connectionString}&defaultDeadline=1000` });
    await expect(offline.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(offline.appendToStream(uniqueStreamName(), newEvents(1))).rejects.toBeInstanceOf(
      EventStoreUnavailableError,
    );
    await offline.close();
  });
});
