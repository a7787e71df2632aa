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
    expect(outcomes[2]).toMatchObject({ kind: 'appended', result: { nextExpectedRevision: 0n } });
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
});
