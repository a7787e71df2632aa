import { afterEach, describe, expect, it } from '@jest/globals';
import { AppendTooLargeError, EventStoreUnavailableError, type NewEvent } from '@timeline/event-store';
import { collect, newEvents, uniqueStreamName } from '@timeline/event-store/testing';
import { EsdbEventStore, type EsdbEventStoreOptions } from '@timeline/event-store-esdb';
import {
  EVENTSTOREDB_21_6,
  EVENTSTOREDB_24_10,
  KURRENTDB_25_1,
  startEsdbProtocolDouble,
  type EsdbProtocolDouble,
  type EsdbProtocolDoubleOptions,
} from '../esdb-protocol-double';

const MiB = 1_048_576;

/** One event whose data the server counts as about `bytes` bytes. */
function sized(bytes: number): NewEvent {
  return { ...newEvents(1)[0]!, type: 'Big', data: { text: 'x'.repeat(bytes) } };
}

// How the adapter reads the answers a real server gives on the RPC that client 6.2.1 uses for it: BatchAppend on
// servers from 21.10 on, plain Append before. Each of these answered 500 (an UnknownError) or failed a retry before.
describe('EsdbEventStore, on what the server answers', () => {
  const doubles: EsdbProtocolDouble[] = [];
  const stores: EsdbEventStore[] = [];
  const start = async (double: EsdbProtocolDoubleOptions = {}, store: Partial<EsdbEventStoreOptions> = {}) => {
    const server = await startEsdbProtocolDouble(double);
    doubles.push(server);
    const subject = new EsdbEventStore({ connectionString: server.connectionString, ...store });
    stores.push(subject);
    return { server, store: subject };
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await Promise.all(doubles.splice(0).map((double) => double.stop()));
  });

  describe.each([
    ['BatchAppend (25.1)', KURRENTDB_25_1],
    ['plain Append (before 21.10)', EVENTSTOREDB_21_6],
  ])('a node that does not handle the write, on %s', (_, version) => {
    it.each(['not-ready', 'too-busy', 'no-leader-info'] as const)(
      'reports %s as EventStoreUnavailableError, nothing written; a retry writes once',
      async (reason) => {
        const { server, store } = await start({ server: version });
        const stream = uniqueStreamName();
        const events = newEvents(1);
        server.refuseNextAppend(reason);
        await expect(store.appendToStream(stream, events)).rejects.toBeInstanceOf(EventStoreUnavailableError);
        await expect(collect(store.readStream(stream))).rejects.toThrow();
        const retried = await store.appendToStream(stream, events);
        expect(await store.appendToStream(stream, events)).toEqual(retried);
        expect(await collect(store.readStream(stream))).toHaveLength(1);
      },
    );
  });

  describe.each([
    ['BatchAppend (25.1)', KURRENTDB_25_1],
    ['plain Append (before 21.10)', EVENTSTOREDB_21_6],
  ])('racing copies of one append, while the first is not yet committed, on %s', (_, version) => {
    it('all answer the stored result: a copy the server drops (IdempotentNotReady, then a timeout) reads it', async () => {
      const { store } = await start({ server: version, replicationDelayMs: 100, commitTimeoutMs: 300 });
      const stream = uniqueStreamName();
      await store.appendToStream(stream, newEvents(1));
      const events = newEvents(2);
      const results = await Promise.all(Array.from({ length: 6 }, () => store.appendToStream(stream, events)));
      expect(new Set(results.map((result) => result.position)).size).toBe(1);
      expect(results[0]!.nextExpectedRevision).toBe(2n);
      expect(await collect(store.readStream(stream))).toHaveLength(3);
    });
  });

  describe('append limits by server version', () => {
    it('before 25.1 (no ServerFeatures): refuses an append over 1 MiB before sending it', async () => {
      const { server, store } = await start({ server: EVENTSTOREDB_21_6 });
      const refused = await store.appendToStream(uniqueStreamName(), [sized(1_100_000)]).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AppendTooLargeError);
      expect(refused).toMatchObject({ maxSize: MiB });
      expect(server.appendsReceived).toEqual({ append: 0, 'batch-append': 0 });
    });

    it('25.1: takes an event of 2 MiB, which an older server refuses', async () => {
      const { store } = await start();
      const stream = uniqueStreamName();
      await store.appendToStream(stream, [sized(2 * MiB)]);
      expect(await collect(store.readStream(stream))).toHaveLength(1);
    });

    it.each([
      ['MaxAppendSize, on BatchAppend', EVENTSTOREDB_24_10, 1_100_000],
      ['MaxAppendSize, on plain Append', EVENTSTOREDB_21_6, 1_100_000],
      [
        'MaxAppendEventSize (unknown to client 6.2.1), on BatchAppend',
        { ...KURRENTDB_25_1, maxAppendEventSize: 1_000 },
        2_000,
      ],
      [
        'MaxAppendEventSize, on plain Append',
        { ...KURRENTDB_25_1, announcesFeatures: false, maxAppendEventSize: 1_000 },
        2_000,
      ],
    ])('translates the server refusing %s into AppendTooLargeError, writing nothing', async (_, version, bytes) => {
      // Limits configured above the server's: only the server's answer can tell.
      const { store } = await start({ server: version }, { appendLimits: { maxAppendSize: 64 * MiB } });
      const stream = uniqueStreamName();
      await expect(store.appendToStream(stream, [sized(bytes)])).rejects.toBeInstanceOf(AppendTooLargeError);
      await expect(collect(store.readStream(stream))).rejects.toThrow();
    });
  });
});
