import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@timeline/event-store';
import { newEvents, uniqueStreamName } from '@timeline/event-store/testing';
import { readEventFile } from './event-file-reader';
import { SqliteEventStore } from './sqlite-event-store';

async function readAll(file: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of readEventFile(file)) events.push(event);
  return events;
}

/** What a reader could have left or changed in the evidence folder: its files, their bytes and times. */
function snapshotOf(directory: string) {
  return readdirSync(directory)
    .sort()
    .map((name) => {
      const path = join(directory, name);
      return {
        name,
        sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
        mtimeMs: statSync(path).mtimeMs,
      };
    });
}

// An auditor's evidence copy may sit on read-only media; as root, permissions do not stop a write, so the folder's
// files, bytes and times are what show that nothing was written.
describe('readEventFile', () => {
  let root: string;
  let evidence: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'timeline-event-file-'));
    evidence = join(root, 'evidence');
    mkdirSync(evidence);
  });
  afterEach(() => {
    chmodSync(evidence, 0o755);
    rmSync(root, { recursive: true, force: true });
  });

  async function storeWith(count: number) {
    const store = new SqliteEventStore({ file: join(root, 'events.db') });
    await store.appendToStream(uniqueStreamName('evidence'), newEvents(count));
    return store;
  }

  it('reads a copy in a read-only folder and writes nothing beside it, nor into it', async () => {
    const store = await storeWith(3);
    await store.close();
    copyFileSync(join(root, 'events.db'), join(evidence, 'events.db'));
    chmodSync(join(evidence, 'events.db'), 0o444);
    chmodSync(evidence, 0o555);
    const before = snapshotOf(evidence);

    expect(await readAll(join(evidence, 'events.db'))).toHaveLength(3);
    expect(snapshotOf(evidence)).toEqual(before);
  });

  it('reads the events a -wal copied beside the file holds, writing nothing beside them', async () => {
    const store = await storeWith(3);
    try {
      // Copied while the store is open: its last appends are in the -wal, not yet in the file.
      for (const name of ['events.db', 'events.db-wal']) copyFileSync(join(root, name), join(evidence, name));
    } finally {
      await store.close();
    }
    expect(statSync(join(evidence, 'events.db-wal')).size).toBeGreaterThan(0);
    chmodSync(evidence, 0o555);
    const before = snapshotOf(evidence);

    expect(await readAll(join(evidence, 'events.db'))).toHaveLength(3);
    expect(snapshotOf(evidence)).toEqual(before);
  });
});
