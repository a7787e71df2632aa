import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { InMemoryEventStore } from '@timeline/event-store';
import { newEvents, subscriptionsEndingEarly } from '@timeline/event-store/testing';
import type { Projection } from './projection';
import { openReadModelDatabase, readCheckpoint } from './read-model-database';
import { rebuildReadModel } from './rebuild';

const counting: Projection<unknown> = {
  name: 'counting',
  version: 1,
  setUp: (db) => db.exec('CREATE TABLE IF NOT EXISTS applied (position INTEGER NOT NULL)'),
  apply: (db, events) => {
    const insert = db.prepare('INSERT INTO applied (position) VALUES (?)');
    for (const event of events) insert.run(event.position);
    return [];
  },
};

describe('rebuildReadModel', () => {
  let directory: string;
  let store: InMemoryEventStore;
  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'rebuild-'));
    store = new InMemoryEventStore();
    await store.appendToStream('stream-a', newEvents(6));
    await store.appendToStream('stream-b', newEvents(4));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('replays the whole log, its checkpoint at the last event', async () => {
    const result = await rebuildReadModel(store, [counting], join(directory, 'read.db'));
    expect(result.events).toBe(10);
    const db = openReadModelDatabase(result.file);
    expect(readCheckpoint(db, 'counting')?.position).toBe(9n);
    db.close();
  });

  it('fails, naming the projection and its last position, when the store ends its subscription before the end', async () => {
    const file = join(directory, 'read.db');
    await expect(rebuildReadModel(subscriptionsEndingEarly(store, 4), [counting], file)).rejects.toThrow(
      `Rebuild of "counting" is incomplete: the store's subscription ended after position 3, before the end of the log`,
    );
    // The caller removes the file; what matters is that nothing reports it complete.
    expect(existsSync(file)).toBe(true);
  });

  it('says so when the subscription ended before any event', async () => {
    await expect(
      rebuildReadModel(subscriptionsEndingEarly(store, 0), [counting], join(directory, 'read.db')),
    ).rejects.toThrow('ended before any event');
  });
});
