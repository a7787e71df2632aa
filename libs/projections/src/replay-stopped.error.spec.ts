import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  EventStoreUnavailableError,
  InMemoryEventStore,
  UnreadableEventError,
  type EventStore,
  type RecordedEvent,
} from '@timeline/event-store';
import { collect, newEvents, subscriptionsFailingAt } from '@timeline/event-store/testing';
import { EventUpcastError } from '@timeline/treaty';
import type { Projection } from './projection';
import { rebuildReadModel } from './rebuild';
import { ReplayStoppedError, describeStop, type ReplayStop } from './replay-stopped.error';

/** Applies every event, unless `refuse` throws for it. */
function projection(refuse: (event: RecordedEvent) => void = () => undefined): Projection<unknown> {
  return {
    name: 'counting',
    version: 1,
    setUp: (db) => db.exec('CREATE TABLE IF NOT EXISTS applied (position INTEGER NOT NULL)'),
    apply: (db, events) => {
      const insert = db.prepare('INSERT INTO applied (position) VALUES (?)');
      for (const event of events) {
        refuse(event);
        insert.run(event.position);
      }
      return [];
    },
  };
}

/** `store`, whose subscriptions to $all throw `error(event)` where they would deliver the event at `position`. */
const failingAt = (store: EventStore, position: bigint, error: (event: RecordedEvent) => Error): EventStore =>
  subscriptionsFailingAt(store, (event) => event.position === position, error);

async function stopOf(rebuilding: Promise<unknown>): Promise<ReplayStop> {
  const error = await rebuilding.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ReplayStoppedError);
  return (error as ReplayStoppedError).stop;
}

describe('a replay that stops before the end of the log', () => {
  let directory: string;
  let store: InMemoryEventStore;
  let third: RecordedEvent;
  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'replay-stopped-'));
    store = new InMemoryEventStore();
    await store.appendToStream('stream-a', newEvents(2));
    await store.appendToStream('stream-b', newEvents(3, 'Odd'));
    third = (await collect(store.readAll()))[2]!;
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  const rebuild = (from: EventStore, refuse?: (event: RecordedEvent) => void) =>
    rebuildReadModel(from, [projection(refuse)], join(directory, 'read.db'));
  const named = () => ({
    eventId: third.id,
    streamName: 'stream-b',
    revision: '0',
    position: third.position.toString(),
    type: 'Odd',
  });

  it('names an event the store cannot read, by its stream, revision, position, id and type', async () => {
    const damaged = failingAt(
      store,
      third.position,
      (event) =>
        new UnreadableEventError(event.streamName, event.revision, event.id, event.position, new SyntaxError(), 'Odd'),
    );
    const stop = await stopOf(rebuild(damaged));
    expect(stop).toEqual({
      kind: 'unreadable-event',
      projection: 'counting',
      event: named(),
      error: expect.any(String),
    });
    expect(describeStop(stop)).toBe(
      `Rebuild of "counting" stopped at event ${third.id} (stream "stream-b", revision 0, position ${third.position}, ` +
        'type Odd): its stored content is not readable as JSON: its bytes were damaged, or written by something else',
    );
  });

  it('names an event the projection refuses, with its words', async () => {
    const stop = await stopOf(
      rebuild(store, (event) => {
        if (event.type === 'Odd') {
          throw new EventUpcastError('UNKNOWN_EVENT_TYPE', 'Event type "Odd" is not a treaty event type', 'Odd', 1);
        }
      }),
    );
    expect(stop).toEqual({
      kind: 'event-not-applied',
      projection: 'counting',
      event: named(),
      error: 'Event type "Odd" is not a treaty event type',
    });
  });

  it('tells the store gone from the log damaged', async () => {
    const gone = failingAt(store, third.position, () => new EventStoreUnavailableError('the leader is gone'));
    expect(await stopOf(rebuild(gone))).toEqual({
      kind: 'store-unavailable',
      projection: 'counting',
      error: 'the leader is gone',
    });
  });

  it("does not blame the log for a fault in the projection's own code", async () => {
    const stop = await stopOf(
      rebuild(store, (event) => {
        if (event.type === 'Odd') throw new TypeError("Cannot read properties of undefined (reading 'parties')");
      }),
    );
    expect(stop).toMatchObject({ kind: 'failed', event: named() });
  });

  it("does not blame the event for the read model's file failing under it (a full disk)", async () => {
    const stop = await stopOf(
      rebuild(store, (event) => {
        if (event.type === 'Odd') throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      }),
    );
    expect(stop).toMatchObject({ kind: 'failed', event: named(), error: 'database or disk is full' });
  });
});
