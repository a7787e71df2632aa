import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type AllStreamResolvedEvent,
  BACKWARDS,
  binaryEvent,
  END,
  EventStoreDBClient,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  MaxAppendSizeExceededError,
  type Position,
  START,
  StreamNotFoundError,
  streamNameFilter,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { EVENTSTOREDB_21_6, type EsdbProtocolDouble, startEsdbProtocolDouble } from './index';
import { rawSubscriptionMessages, recordSubscription, uniqueStreamName, until } from './spec-helpers';

const MiB = 1_048_576;

describe('EventStoreDB protocol double, through the real @eventstore/db-client', () => {
  let double: EsdbProtocolDouble;
  let client: EventStoreDBClient;

  beforeAll(async () => {
    double = await startEsdbProtocolDouble();
    client = EventStoreDBClient.connectionString(double.connectionString);
  });
  afterAll(async () => {
    await client.dispose();
    await double.stop();
  });

  const events = (count: number, type = 'Happened') =>
    Array.from({ length: count }, (_, index) => jsonEvent({ id: randomUUID(), type, data: { index } }));

  async function collect<E>(source: AsyncIterable<E>): Promise<E[]> {
    const collected: E[] = [];
    for await (const item of source) collected.push(item);
    return collected;
  }

  describe('append and read a stream', () => {
    it('stores events with their ids, types, data, metadata, revisions, positions and creation time', async () => {
      const stream = uniqueStreamName();
      const before = Date.now();
      const json = jsonEvent({ id: randomUUID(), type: 'Signed', data: { by: 'FR' }, metadata: { user: 'ada' } });
      const binary = binaryEvent({ id: randomUUID(), type: 'Scanned', data: new Uint8Array([1, 2, 3]) });
      const result = await client.appendToStream(stream, [json, binary], { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(1n);

      const [first, second] = (await collect(client.readStream(stream))).map((resolved) => resolved.event!);
      expect(first).toMatchObject({ id: json.id, type: 'Signed', data: { by: 'FR' }, metadata: { user: 'ada' } });
      expect(first).toMatchObject({ streamId: stream, revision: 0n, isJson: true });
      expect(second).toMatchObject({ id: binary.id, revision: 1n, isJson: false, data: new Uint8Array([1, 2, 3]) });
      expect(first!.created.getTime()).toBeGreaterThanOrEqual(before - 1);
      expect(first!.created.getTime()).toBeLessThanOrEqual(Date.now());
      expect(first!.position!.commit).toBeLessThan(second!.position!.commit);
      expect(second!.position).toEqual(result.position);
    });

    it('reads forwards and backwards from a revision, inclusive, up to a count', async () => {
      const stream = uniqueStreamName();
      await client.appendToStream(stream, events(5));
      const revisions = async (options: Parameters<EventStoreDBClient['readStream']>[1]) =>
        (await collect(client.readStream(stream, options))).map((resolved) => resolved.event!.revision);

      expect(await revisions({ fromRevision: 1n, maxCount: 2 })).toEqual([1n, 2n]);
      expect(await revisions({ direction: BACKWARDS, fromRevision: END, maxCount: 2 })).toEqual([4n, 3n]);
      expect(await revisions({ direction: BACKWARDS, fromRevision: 2n })).toEqual([2n, 1n, 0n]);
      expect(await revisions({ direction: BACKWARDS, fromRevision: 99n, maxCount: 1 })).toEqual([4n]);
      expect(await revisions({ fromRevision: 9n })).toEqual([]);
    });

    it('answers a read of a stream without events with stream_not_found, which the client raises', async () => {
      const stream = uniqueStreamName();
      await expect(collect(client.readStream(stream))).rejects.toBeInstanceOf(StreamNotFoundError);
      await expect(collect(client.readStream(stream, { direction: BACKWARDS, fromRevision: END }))).rejects.toThrow(
        `${stream} not found`,
      );
    });
  });

  describe('expected revisions', () => {
    async function appendFailure(stream: string, expectedRevision: 'no_stream' | 'stream_exists' | 'any' | bigint) {
      const error = await client.appendToStream(stream, events(1), { expectedRevision }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      return error as WrongExpectedVersionError;
    }

    it('refuses each sentinel and revision it does not meet, with the current and expected revisions', async () => {
      const stream = uniqueStreamName();
      expect(await appendFailure(stream, 'stream_exists')).toMatchObject({
        streamName: stream,
        expectedVersion: 'stream_exists',
        actualVersion: 'no_stream',
      });
      expect(await appendFailure(stream, 0n)).toMatchObject({ expectedVersion: 0n, actualVersion: 'no_stream' });

      await client.appendToStream(stream, events(2), { expectedRevision: 'no_stream' });
      expect(await appendFailure(stream, 'no_stream')).toMatchObject({
        expectedVersion: 'no_stream',
        actualVersion: 1n,
      });
      expect(await appendFailure(stream, 0n)).toMatchObject({ expectedVersion: 0n, actualVersion: 1n });
      expect(await appendFailure(stream, 5n)).toMatchObject({ expectedVersion: 5n, actualVersion: 1n });

      const next = await client.appendToStream(stream, events(1), { expectedRevision: 1n });
      expect(next.nextExpectedRevision).toBe(2n);
      await client.appendToStream(stream, events(1), { expectedRevision: 'stream_exists' });
      expect(await collect(client.readStream(stream))).toHaveLength(4);
    });

    it('answers a retry of a stored append with its original result and writes nothing', async () => {
      const stream = uniqueStreamName();
      const batch = events(3);
      const first = await client.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
      await client.appendToStream(stream, events(1));

      expect(await client.appendToStream(stream, batch, { expectedRevision: 'no_stream' })).toEqual(first);
      expect(await client.appendToStream(stream, batch.slice(1), { expectedRevision: 0n })).toEqual(first);
      expect(await client.appendToStream(stream, batch, { expectedRevision: 'any' })).toEqual(first);
      expect(await collect(client.readStream(stream))).toHaveLength(4);
    });

    it('refuses a retry that is only partly stored', async () => {
      const stream = uniqueStreamName();
      const [a, b, c] = events(3);
      await client.appendToStream(stream, [a!, b!]);
      await expect(client.appendToStream(stream, [a!, c!], { expectedRevision: 'any' })).rejects.toMatchObject({
        expectedVersion: 'any',
        actualVersion: 1n,
      });
      await expect(client.appendToStream(stream, [a!, c!], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
    });
  });

  // As a server before 21.10 (1 MiB, plain Append) checks it; BatchAppend and 25.1's limits: the BatchAppend spec.
  describe('maximum append size', () => {
    // The server counts the data, the custom metadata, and the event type at two bytes per character.
    const sized = (bytes: number) => binaryEvent({ type: 'Big', data: new Uint8Array(bytes - 'Big'.length * 2) });
    let older: EsdbProtocolDouble;
    let client: EventStoreDBClient;
    beforeAll(async () => {
      older = await startEsdbProtocolDouble({ server: EVENTSTOREDB_21_6 });
      client = EventStoreDBClient.connectionString(older.connectionString);
    });
    afterAll(async () => {
      await client.dispose();
      await older.stop();
    });

    it('accepts an append of exactly 1 MiB and refuses one byte more, as MaxAppendSizeExceededError', async () => {
      const stream = uniqueStreamName();
      await expect(client.appendToStream(stream, sized(MiB))).resolves.toMatchObject({ success: true });

      const error = await client.appendToStream(stream, sized(MiB + 1)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MaxAppendSizeExceededError);
      expect(error).toMatchObject({
        maxAppendSize: MiB,
        message: `3 INVALID_ARGUMENT: Maximum Append Size of ${MiB} Exceeded.`,
      });
      expect(await collect(client.readStream(stream))).toHaveLength(1);
    });

    it('counts the whole append, not each event', async () => {
      const stream = uniqueStreamName();
      await expect(client.appendToStream(stream, [sized(MiB / 2), sized(MiB / 2 + 1)])).rejects.toBeInstanceOf(
        MaxAppendSizeExceededError,
      );
      await expect(collect(client.readStream(stream))).rejects.toBeInstanceOf(StreamNotFoundError);
    });
  });

  describe('$all', () => {
    it('shows a raw client the system events too, at strictly increasing positions that never start at 0', async () => {
      const all = await collect(client.readAll());
      expect(all.filter((resolved) => resolved.event!.streamId.startsWith('$')).length).toBeGreaterThan(0);
      const positions = all.map((resolved) => resolved.event!.position.commit);
      expect(positions[0]).toBeGreaterThan(0n);
      positions.slice(1).forEach((position, index) => expect(position).toBeGreaterThan(positions[index]!));
      all.forEach((resolved) => expect(resolved.commitPosition).toBe(resolved.event!.position.commit));

      const backwards = await collect(client.readAll({ direction: BACKWARDS, fromPosition: END }));
      expect(backwards.map((resolved) => resolved.event!.id)).toEqual(
        all.map((resolved) => resolved.event!.id).reverse(),
      );
    });

    it("keeps a tombstoned stream's events, and puts its $streamDeleted record in that stream, as the server does", async () => {
      const stream = uniqueStreamName();
      await client.appendToStream(stream, events(2));
      double.tombstone(stream);
      const ofStream = (await collect(client.readAll()))
        .map((resolved) => resolved.event!)
        .filter((event) => event.streamId === stream);
      expect(ofStream.map((event) => [event.type, event.isJson])).toEqual([
        ['Happened', true],
        ['Happened', true],
        ['$streamDeleted', false],
      ]);
    });

    it('reads forwards from a position including it, backwards from a position excluding it', async () => {
      const stream = uniqueStreamName();
      await client.appendToStream(stream, events(3));
      const written = (await collect(client.readStream(stream))).map((resolved) => resolved.event!);
      const middle: Position = written[1]!.position!;
      const ids = (read: AllStreamResolvedEvent[]) => read.map((resolved) => resolved.event!.id);

      expect(ids(await collect(client.readAll({ fromPosition: middle, maxCount: 2 })))).toEqual(
        written.slice(1).map((event) => event.id),
      );
      expect(ids(await collect(client.readAll({ direction: BACKWARDS, fromPosition: middle, maxCount: 1 })))).toEqual([
        written[0]!.id,
      ]);
      expect(await collect(client.readAll({ fromPosition: END }))).toEqual([]);
      expect(await collect(client.readAll({ direction: BACKWARDS, fromPosition: START }))).toEqual([]);
    });
  });

  describe('subscriptions', () => {
    it('sends the confirmation, the stored events, caught_up, then live events, in that order', async () => {
      const stream = uniqueStreamName();
      await client.appendToStream(stream, events(2));
      const rawMessages = rawSubscriptionMessages(double.port, stream, 5);
      await until(() => double.activeSubscriptionCount > 0, 'the raw subscription');
      await client.appendToStream(stream, events(1));

      expect(await rawMessages).toEqual(['confirmation', 'event 0', 'event 1', 'caught-up', 'event 2']);
      await until(() => double.activeSubscriptionCount === 0, 'the cancelled subscription to be cleaned up');
    });

    it('catches up on a stream, reports caughtUp, and goes live, exclusive of its starting revision', async () => {
      const stream = uniqueStreamName();
      const stored = events(3);
      await client.appendToStream(stream, stored);
      const subscription = client.subscribeToStream(stream, { fromRevision: 0n });
      const recorded = recordSubscription(subscription);
      await until(() => recorded.timeline.includes('caught-up'), 'caughtUp');
      const live = events(2);
      await client.appendToStream(stream, live);
      await until(() => recorded.eventIds().length === 4, 'the live events');

      const ids = (list: ReturnType<typeof events>) => list.map((event) => event.id);
      expect(recorded.timeline).toEqual([...ids(stored.slice(1)), 'caught-up', ...ids(live)]);
      await subscription.unsubscribe();
      await until(() => double.activeSubscriptionCount === 0, 'the subscription to be cleaned up');
    });

    it('subscribes to $all after a position, exclusive of the event at it', async () => {
      const stream = uniqueStreamName();
      const stored = events(3);
      await client.appendToStream(stream, stored);
      const [first] = await collect(client.readStream(stream, { maxCount: 1 }));
      const subscription = client.subscribeToAll({
        fromPosition: first!.event!.position!,
        filter: streamNameFilter({ prefixes: [stream] }),
      });
      const recorded = recordSubscription(subscription);
      await until(() => recorded.timeline.includes('caught-up'), 'caughtUp');

      expect(recorded.timeline).toEqual([stored[1]!.id, stored[2]!.id, 'caught-up']);
      await subscription.unsubscribe();
    });

    it('delivers each event exactly once, in order, while appends race with the subscription start', async () => {
      const prefix = uniqueStreamName('race');
      const appends = Array.from({ length: 60 }, (_, index) =>
        client.appendToStream(`${prefix}-${index % 3}`, events(2)),
      );
      await appends[10];
      const toAll = recordSubscription(client.subscribeToAll({ filter: streamNameFilter({ prefixes: [prefix] }) }));
      const toStream = recordSubscription(client.subscribeToStream(`${prefix}-0`));
      await Promise.all(appends);
      await client.appendToStream(`${prefix}-0`, events(1, 'Marker'));
      await until(() => toAll.eventIds().length >= 121 && toStream.eventIds().length >= 41, 'every event');

      const all = await collect(client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 200 }));
      const expected = all
        .map((resolved) => resolved.event!)
        .filter((event) => event.streamId.startsWith(prefix))
        .reverse();
      expect(toAll.eventIds()).toEqual(expected.map((event) => event.id));
      expect(toStream.eventIds()).toEqual(
        expected.filter((event) => event.streamId === `${prefix}-0`).map((event) => event.id),
      );
      expect([...toAll.errors, ...toStream.errors]).toEqual([]);
    });

    it('filters $all on the server by stream prefix, event type prefix and regex, with checkpoints', async () => {
      const stream = uniqueStreamName('filtered');
      const checkpoints: Position[] = [];
      const byType = recordSubscription(
        client.subscribeToAll({
          fromPosition: END,
          filter: eventTypeFilter({
            prefixes: ['Wanted'],
            checkpointReached: (_, position) => void checkpoints.push(position),
          }),
        }),
      );
      const byStream = recordSubscription(
        client.subscribeToAll({ fromPosition: END, filter: streamNameFilter({ prefixes: [stream] }) }),
      );
      const userEvents = recordSubscription(client.subscribeToAll({ filter: excludeSystemEvents() }));
      await until(() => [byType, byStream].every((recorded) => recorded.timeline.includes('caught-up')), 'caughtUp');

      const wanted = events(1, 'WantedThing');
      await client.appendToStream(stream, [...events(40, 'Other'), ...wanted]);
      await until(() => byType.eventIds().length === 1 && byStream.eventIds().length === 41, 'filtered events');
      expect(byType.eventIds()).toEqual([wanted[0]!.id]);
      expect(checkpoints.length).toBeGreaterThanOrEqual(1);

      await until(() => userEvents.eventIds().includes(wanted[0]!.id), 'the user events');
      const all = await collect(client.readAll());
      const systemIds = all
        .filter((resolved) => resolved.event!.type.startsWith('$'))
        .map((resolved) => resolved.event!.id);
      expect(userEvents.eventIds().filter((id) => systemIds.includes(id))).toEqual([]);
    });

    it('ends every subscription with UNAVAILABLE on dropSubscriptions, and keeps serving afterwards', async () => {
      const stream = uniqueStreamName();
      const subscription = client.subscribeToStream(stream);
      const recorded = recordSubscription(subscription);
      await until(() => recorded.timeline.includes('caught-up'), 'caughtUp');

      double.dropSubscriptions();
      await until(() => recorded.errors.length > 0, 'the subscription error');
      expect(recorded.errors[0]).toBeInstanceOf(UnavailableError);
      expect(double.activeSubscriptionCount).toBe(0);

      await client.appendToStream(stream, events(1));
      const resubscribed = recordSubscription(client.subscribeToStream(stream));
      await until(() => resubscribed.eventIds().length === 1, 'the resubscription');
    });
  });
});
