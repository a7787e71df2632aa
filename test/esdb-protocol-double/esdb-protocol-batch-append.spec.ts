import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  binaryEvent,
  DeadlineExceededError,
  EventStoreDBClient,
  jsonEvent,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamNotFoundError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { ServerFeaturesClient } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import type { SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { StreamsClient } from '@eventstore/db-client/generated/streams_grpc_pb';
import { credentials, Metadata, status } from '@grpc/grpc-js';
import {
  EVENTSTOREDB_21_6,
  EVENTSTOREDB_24_10,
  type EsdbProtocolCluster,
  type EsdbProtocolDouble,
  type EsdbProtocolDoubleOptions,
  KURRENTDB_25_1,
  startEsdbProtocolCluster,
  startEsdbProtocolDouble,
} from './index';
import { BatchAppendReq, type BatchAppendResp, Empty, StreamIdentifier, UUID } from './protocol';
import { lengthDelimited, varintField } from './protobuf-wire';
import { uniqueStreamName } from './spec-helpers';

const MiB = 1_048_576;
const anEvent = () => jsonEvent({ id: randomUUID(), type: 'Happened', data: {} });
/** The server counts the data, the custom metadata, and the event type at two bytes per character. */
const sized = (bytes: number) => binaryEvent({ type: 'Big', data: new Uint8Array(bytes - 'Big'.length * 2) });

async function collect<E>(source: AsyncIterable<E>): Promise<E[]> {
  const collected: E[] = [];
  for await (const item of source) collected.push(item);
  return collected;
}

describe('EventStoreDB protocol double: the server version it announces, and Streams.BatchAppend', () => {
  const doubles: EsdbProtocolDouble[] = [];
  const clients: EventStoreDBClient[] = [];
  let cluster: EsdbProtocolCluster | undefined;
  const start = async (options: EsdbProtocolDoubleOptions = {}) => {
    const double = await startEsdbProtocolDouble(options);
    doubles.push(double);
    const client = EventStoreDBClient.connectionString(double.connectionString);
    clients.push(client);
    return { double, client };
  };
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
    await Promise.all(doubles.splice(0).map((double) => double.stop()));
    await cluster?.stop();
    cluster = undefined;
  });

  describe('ServerFeatures', () => {
    it('announces KurrentDB 25.1 with BatchAppend, and the client appends through it', async () => {
      const { double, client } = await start();
      const features = await supportedMethods(double.port);
      expect(features.getEventStoreServerVersion()).toBe('25.1.0');
      const methods = features.getMethodsList().map((m) => `${m.getServiceName()}/${m.getMethodName()}`);
      expect(methods).toContain('event_store.client.streams.streams/batchappend');
      await client.appendToStream(uniqueStreamName(), [anEvent(), anEvent()]);
      await client.appendToStream(uniqueStreamName(), anEvent());
      expect(double.appendsReceived).toEqual({ append: 0, 'batch-append': 2 });
    });

    it('as a server older than 21.10, answers UNIMPLEMENTED, and the client appends with plain Append', async () => {
      const { double, client } = await start({ server: EVENTSTOREDB_21_6 });
      await expect(supportedMethods(double.port)).rejects.toMatchObject({ code: status.UNIMPLEMENTED });
      await client.appendToStream(uniqueStreamName(), anEvent());
      expect(double.appendsReceived).toEqual({ append: 1, 'batch-append': 0 });
    });
  });

  describe('answers', () => {
    it('succeeds with the last revision and position, and answers a retry with the first result', async () => {
      const { client } = await start();
      const stream = uniqueStreamName();
      const events = [anEvent(), anEvent()];
      const first = await client.appendToStream(stream, events, { expectedRevision: 'no_stream' });
      expect(first).toMatchObject({ success: true, nextExpectedRevision: 1n });
      expect(await client.appendToStream(stream, events, { expectedRevision: 'no_stream' })).toEqual(first);
      expect(await collect(client.readStream(stream))).toHaveLength(2);
    });

    it('refuses a wrong expected revision as a Status carrying the current and expected revisions', async () => {
      const { client } = await start();
      const stream = uniqueStreamName();
      await client.appendToStream(stream, anEvent());
      const refused = await client
        .appendToStream(stream, anEvent(), { expectedRevision: 5n })
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(WrongExpectedVersionError);
      expect(refused).toMatchObject({ streamName: stream, expectedVersion: 5n, actualVersion: 0n });
    });

    it.each([
      ['not-ready', 'Server Is Not Ready'],
      ['too-busy', 'Server Is Busy'],
      ['no-leader-info', 'No leader info available in response'],
    ] as const)(
      'answers %s as a Status with empty details, which client 6.2.1 raises as UnknownError; the call goes on',
      async (reason, message) => {
        const { double, client } = await start();
        const stream = uniqueStreamName();
        double.refuseNextAppend(reason);
        const refused = await client.appendToStream(stream, anEvent()).catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(UnknownError);
        expect((refused as Error).message).toBe(`Could not recognize ${message}`);
        await expect(collect(client.readStream(stream))).rejects.toBeInstanceOf(StreamNotFoundError);
        await client.appendToStream(stream, anEvent());
        expect(double.appendsReceived['batch-append']).toBe(2);
      },
    );

    it('answers an append whose deadline has passed with Timeout', async () => {
      const { client } = await start();
      const stream = uniqueStreamName();
      const late = await client.appendToStream(stream, anEvent(), { deadline: -1 }).catch((error: unknown) => error);
      expect(late).toBeInstanceOf(DeadlineExceededError);
      await expect(collect(client.readStream(stream))).rejects.toBeInstanceOf(StreamNotFoundError);
    });
  });

  describe('on the wire', () => {
    it('answers each append by its correlation id, and caps a far deadline at the write timeout', async () => {
      const { double } = await start({ writeTimeoutMs: 300 });
      const raw = new StreamsClient(`127.0.0.1:${double.port}`, credentials.createInsecure());
      const call = raw.batchAppend(new Metadata());
      const responses: BatchAppendResp[] = [];
      call.on('data', (response: BatchAppendResp) => responses.push(response));
      const [complete, unfinished] = [randomUUID(), randomUUID()];
      const inAnHour = Date.now() + 3_600_000;
      call.write(request(unfinished, uniqueStreamName(), inAnHour, false));
      call.write(request(complete, uniqueStreamName(), inAnHour, true));
      const started = Date.now();
      await untilCount(responses, 2, 3_000);
      const waited = Date.now() - started;
      call.end();
      raw.close();
      const [first, second] = responses;
      expect(first!.getCorrelationId()!.getString()).toBe(complete);
      expect(first!.hasSuccess()).toBe(true);
      expect(second!.getCorrelationId()!.getString()).toBe(unfinished);
      expect(second!.getError()!.getDetails()!.getTypeName()).toBe('event_store.client.Timeout');
      expect(waited).toBeGreaterThanOrEqual(250);
      expect(waited).toBeLessThan(2_000);
    });
  });

  describe('limits by server version', () => {
    it('25.1: refuses one event over MaxAppendEventSize (unknown to client 6.2.1), and an append over MaxAppendSize', async () => {
      const { client } = await start({
        server: { ...KURRENTDB_25_1, maxAppendEventSize: 1_000, maxAppendSize: 2_500 },
      });
      const stream = uniqueStreamName();
      const tooBig = await client.appendToStream(stream, sized(1_001)).catch((error: unknown) => error);
      expect(tooBig).toBeInstanceOf(UnknownError);
      expect((tooBig as Error).message).toBe('Could not recognize MaximumAppendEventSizeExceeded');
      const tooMany = await client
        .appendToStream(stream, [sized(1_000), sized(1_000), sized(1_000)])
        .catch((error: unknown) => error);
      expect(tooMany).toBeInstanceOf(MaxAppendSizeExceededError);
      expect(tooMany).toMatchObject({ maxAppendSize: 2_500 });
      await client.appendToStream(stream, [sized(1_000), sized(1_000)]);
      expect(await collect(client.readStream(stream))).toHaveLength(2);
    });

    it('25.1 by default: 16 MiB per event, 256 MiB per append; a 2 MiB event is accepted', async () => {
      const { client } = await start();
      await expect(client.appendToStream(uniqueStreamName(), sized(2 * MiB))).resolves.toMatchObject({ success: true });
    });

    it('24.10: one limit of 1 MiB on the whole append, through BatchAppend', async () => {
      const { double, client } = await start({ server: EVENTSTOREDB_24_10 });
      const stream = uniqueStreamName();
      await client.appendToStream(stream, sized(MiB));
      const refused = await client
        .appendToStream(stream, [sized(MiB / 2), sized(MiB / 2 + 1)])
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(MaxAppendSizeExceededError);
      expect(refused).toMatchObject({ maxAppendSize: MiB });
      expect(double.appendsReceived).toEqual({ append: 0, 'batch-append': 2 });
    });
  });

  describe('a racing copy of an append not yet committed (IdempotentNotReady)', () => {
    it.each([KURRENTDB_25_1, EVENTSTOREDB_21_6])(
      'is dropped and answered with a timeout ($version)',
      async (server) => {
        const { client } = await start({ server, replicationDelayMs: 100, commitTimeoutMs: 300 });
        const stream = uniqueStreamName();
        await client.appendToStream(stream, anEvent());
        const events = [anEvent()];
        const started = Date.now();
        const [original, copy] = await Promise.allSettled([
          client.appendToStream(stream, events, { expectedRevision: 0n }),
          client.appendToStream(stream, events, { expectedRevision: 0n }),
        ]);
        expect(original).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1n } });
        expect(copy.status).toBe('rejected');
        expect(Date.now() - started).toBeGreaterThanOrEqual(280);
        expect(await collect(client.readStream(stream))).toHaveLength(2);
        // Once committed, the same copy is an ordinary retry: the first result.
        expect(await client.appendToStream(stream, events, { expectedRevision: 0n })).toMatchObject({
          nextExpectedRevision: 1n,
        });
      },
    );
  });

  describe('NotLeader', () => {
    it('ends the whole call: every append in flight on it fails, committed or not, and the client follows', async () => {
      cluster = await startEsdbProtocolCluster({ replicationDelayMs: 200 });
      const client = EventStoreDBClient.connectionString(cluster.connectionString);
      clients.push(client);
      const stream = uniqueStreamName();
      await client.appendToStream(stream, anEvent(), { requiresLeader: true });
      const inFlight = client.appendToStream(stream, anEvent(), { requiresLeader: true }).catch((e: unknown) => e);
      // In flight: received by the leader (its commit waits on replication), not a fixed time that a loaded machine
      // can outrun before the append has even left the client.
      for (const deadline = Date.now() + 5_000; cluster.nodes[0]!.appendsReceived < 2 && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(cluster.nodes[0]!.appendsReceived).toBe(2);
      cluster.elect(1);
      const refused = await client
        .appendToStream(uniqueStreamName(), anEvent(), { requiresLeader: true })
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(NotLeaderError);
      expect(await inFlight).toBeInstanceOf(NotLeaderError);
      await new Promise((resolve) => setTimeout(resolve, 250));
      // The append in flight was written all the same: only a read tells.
      expect(await collect(client.readStream(stream))).toHaveLength(2);
      await client.appendToStream(stream, anEvent(), { requiresLeader: true });
      expect(cluster.nodes[1]!.appendsReceived).toBe(1);
    });
  });
});

function supportedMethods(port: number): Promise<SupportedMethods> {
  const client = new ServerFeaturesClient(`127.0.0.1:${port}`, credentials.createInsecure());
  return new Promise((resolve, reject) =>
    client.getSupportedMethods(new Empty(), (error, answer) => {
      client.close();
      if (error) reject(error);
      else resolve(answer);
    }),
  );
}

function request(correlationId: string, streamName: string, deadlineMs: number, isFinal: boolean): BatchAppendReq {
  // deadline_21_10_0 (field 6), a google.protobuf.Timestamp: seconds (field 1).
  const deadline = lengthDelimited(6, varintField(1, Math.floor(deadlineMs / 1000)));
  const options = BatchAppendReq.Options.deserializeBinary(deadline)
    .setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(streamName)))
    .setAny(new Empty());
  const event = new BatchAppendReq.ProposedMessage()
    .setId(new UUID().setString(randomUUID()))
    .setData(Buffer.from('{}'));
  event.getMetadataMap().set('type', 'Happened').set('content-type', 'application/json');
  return new BatchAppendReq()
    .setCorrelationId(new UUID().setString(correlationId))
    .setOptions(options)
    .setProposedMessagesList([event])
    .setIsFinal(isFinal);
}

async function untilCount(items: readonly unknown[], count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (items.length < count) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} responses`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
