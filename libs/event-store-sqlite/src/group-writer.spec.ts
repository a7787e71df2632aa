import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Database } from 'better-sqlite3';
import { Sqlite } from '@timeline/sqlite-driver';
import { createGroupWriter, type EncodedAppend } from './group-writer';
import { migrate } from './schema-migrations';

const appendOf = (streamName: string, ...types: string[]): EncodedAppend => ({
  streamName,
  expected: 'any',
  ids: types.map(() => randomUUID()),
  types,
  data: types.map(() => '{}'),
  metadata: types.map(() => '{}'),
  recordedAt: new Date(0).toISOString(),
});

describe('createGroupWriter', () => {
  let directory: string;
  let db: Database;
  let otherDb: Database | undefined;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'timeline-group-writer-'));
    const file = join(directory, 'events.db');
    db = new Sqlite(file);
    db.pragma('journal_mode = WAL');
    migrate(db, file);
    // A constraint the writer's checks know nothing of: SQLite refuses the row only at its insert.
    db.exec(`CREATE TRIGGER refuse_test_rows BEFORE INSERT ON events WHEN NEW.type = 'Refused'
             BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
  });
  afterEach(() => {
    otherDb?.close();
    otherDb = undefined;
    db.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const storedTypes = () =>
    (db.prepare('SELECT stream_name AS stream, type FROM events ORDER BY position').all() as object[]).map((row) => ({
      ...row,
    }));

  it('fails an append SQLite refuses alone, even past the checks: the rest of its group is written, in order', () => {
    const outcomes = createGroupWriter(db).writeGroup([
      appendOf('first', 'Kept'),
      appendOf('refused', 'Kept', 'Refused'),
      appendOf('last', 'Kept'),
    ]);

    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['appended', 'refused', 'appended']);
    expect(outcomes[1]).toMatchObject({ message: expect.stringContaining('refused by the test') });
    expect(storedTypes()).toEqual([
      { stream: 'first', type: 'Kept' },
      { stream: 'last', type: 'Kept' },
    ]);
    expect(outcomes[0]).toEqual({ kind: 'appended', result: { nextExpectedRevision: 0n, position: 1n } });
    expect(outcomes[2]).toEqual({ kind: 'appended', result: { nextExpectedRevision: 0n, position: 2n } });
  });

  it('forgets the heads a rolled-back group wrote: the group written again starts from the file', () => {
    const writer = createGroupWriter(db);
    writer.writeGroup([appendOf('first', 'Kept'), appendOf('refused', 'Refused')]);

    expect(writer.writeOne(appendOf('first', 'Kept'))).toEqual({
      kind: 'appended',
      result: { nextExpectedRevision: 1n, position: 2n },
    });
  });

  it('writes a group with nothing to refuse in one go, each append seeing those before it', () => {
    const writer = createGroupWriter(db);
    const outcomes = writer.writeGroup([appendOf('one', 'A', 'B'), appendOf('one', 'C'), appendOf('two', 'D')]);

    expect(outcomes).toEqual([
      { kind: 'appended', result: { nextExpectedRevision: 1n, position: 2n } },
      { kind: 'appended', result: { nextExpectedRevision: 2n, position: 3n } },
      { kind: 'appended', result: { nextExpectedRevision: 0n, position: 4n } },
    ]);
  });

  it('reads a stream head again once another connection has committed, not the one it wrote last', () => {
    const writer = createGroupWriter(db);
    otherDb = new Sqlite(join(directory, 'events.db'));
    const other = createGroupWriter(otherDb);
    writer.writeOne(appendOf('shared', 'A'));
    other.writeOne(appendOf('shared', 'B'));

    expect(writer.writeOne({ ...appendOf('shared', 'C'), expected: 1n })).toEqual({
      kind: 'appended',
      result: { nextExpectedRevision: 2n, position: 3n },
    });
    expect(other.writeOne({ ...appendOf('shared', 'D'), expected: 2n })).toMatchObject({ kind: 'appended' });
    expect(writer.writeGroup([{ ...appendOf('shared', 'E'), expected: 3n }])).toEqual([
      { kind: 'appended', result: { nextExpectedRevision: 4n, position: 5n } },
    ]);
  });

  it('answers a single event whose id is stored from its refused insert, and leaves no gap in positions', () => {
    const writer = createGroupWriter(db);
    const original = appendOf('retried', 'A');
    writer.writeOne(original);

    for (const expected of ['any', 'no_stream', 0n] as const) {
      expect(writer.writeOne({ ...original, expected })).toEqual({
        kind: 'already-stored',
        stored: [{ streamName: 'retried', revision: 0n, position: 1n }],
      });
    }
    expect(writer.writeGroup([{ ...original, streamName: 'elsewhere' }, appendOf('retried', 'B')])).toEqual([
      { kind: 'already-stored', stored: [{ streamName: 'retried', revision: 0n, position: 1n }] },
      { kind: 'appended', result: { nextExpectedRevision: 1n, position: 2n } },
    ]);
  });

  it('answers an append of several whose last id is stored, undoing the events before it, alone in its group', () => {
    const writer = createGroupWriter(db);
    const original = appendOf('retried', 'A');
    writer.writeOne(original);
    const partlyStored: EncodedAppend = {
      ...appendOf('retried', 'B', 'A'),
      ids: [randomUUID(), original.ids[0]!],
    };

    expect(writer.writeOne(partlyStored)).toEqual({
      kind: 'already-stored',
      stored: [undefined, { streamName: 'retried', revision: 0n, position: 1n }],
    });
    expect(writer.writeGroup([partlyStored, appendOf('retried', 'C')])).toEqual([
      { kind: 'already-stored', stored: [undefined, { streamName: 'retried', revision: 0n, position: 1n }] },
      { kind: 'appended', result: { nextExpectedRevision: 1n, position: 2n } },
    ]);
    expect(storedTypes()).toEqual([
      { stream: 'retried', type: 'A' },
      { stream: 'retried', type: 'C' },
    ]);
  });
});
