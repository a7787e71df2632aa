import type { Database } from 'better-sqlite3';
import type { AppendResult, CurrentRevision, ExpectedRevision, StoredEventRef } from '@timeline/event-store';

/** An append as the writing connection needs it: validated, serialised, its event ids in lower case. */
export interface EncodedAppend {
  readonly streamName: string;
  readonly expected: ExpectedRevision;
  readonly ids: readonly string[];
  readonly types: readonly string[];
  readonly data: readonly string[];
  readonly metadata: readonly string[];
  readonly recordedAt: string;
}

/**
 * What became of one append of a group. Only `appended` wrote anything; the others are told apart on the main
 * thread, where the port's error classes live.
 */
export type AppendOutcome =
  | { readonly kind: 'appended'; readonly result: AppendResult }
  /** Some of its event ids are stored already: a retry, or an idempotency conflict (`classifyAppend` decides). */
  | { readonly kind: 'already-stored'; readonly stored: readonly (StoredEventRef | undefined)[] }
  | { readonly kind: 'wrong-revision'; readonly current: CurrentRevision }
  /** SQLite refused its rows (a constraint): nothing of it was written, the rest of its group was. */
  | { readonly kind: 'refused'; readonly message: string };

export interface GroupWriter {
  /** One append in its own IMMEDIATE transaction. */
  writeOne(append: EncodedAppend): AppendOutcome;
  /**
   * Many appends in one IMMEDIATE transaction: one commit, one fsync. An append SQLite refuses fails alone (the
   * group is then written again with a savepoint per append).
   */
  writeGroup(group: readonly EncodedAppend[]): AppendOutcome[];
}

/**
 * The write path of the event log, on one connection. It runs on the main thread for an append that has no
 * company, and in the append worker for groups: the worker receives this function as source text, so it must stay
 * self-contained (no imported value; the revision sentinels are written as the strings they are).
 *
 * Within the IMMEDIATE transaction, which serialises writers of every process, each append checks its event ids
 * (an id already stored means a retry or a conflict, never a write), then the stream's revision against the
 * expected one, then inserts. An append checks what the appends before it in the same group wrote, exactly as if
 * they had been committed one by one.
 */
export function createGroupWriter(db: Database): GroupWriter {
  const prepare = (sql: string) => db.prepare(sql).safeIntegers(true);
  const findById = prepare('SELECT stream_name AS streamName, revision, position FROM events WHERE event_id = ?');
  const streamHead = prepare('SELECT max(revision) AS revision FROM events WHERE stream_name = ?');
  const insert = prepare(
    `INSERT INTO events (event_id, stream_name, revision, type, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );

  const expectationHolds = (expected: ExpectedRevision, current: CurrentRevision): boolean =>
    expected === 'any' ||
    (expected === 'no_stream'
      ? current === 'no_stream'
      : expected === 'stream_exists'
        ? current !== 'no_stream'
        : current === expected);

  const write = (append: EncodedAppend): AppendOutcome => {
    const stored = append.ids.map((id) => findById.get(id) as StoredEventRef | undefined);
    if (stored.some((ref) => ref !== undefined)) return { kind: 'already-stored', stored };
    const head = streamHead.get(append.streamName) as { revision: bigint | null };
    const current: CurrentRevision = head.revision ?? 'no_stream';
    if (!expectationHolds(append.expected, current)) return { kind: 'wrong-revision', current };
    let revision = current === 'no_stream' ? -1n : current;
    let position = 0n;
    for (let index = 0; index < append.ids.length; index++) {
      revision += 1n;
      const inserted = insert.run(
        append.ids[index],
        append.streamName,
        revision,
        append.types[index],
        append.data[index],
        append.metadata[index],
        append.recordedAt,
      );
      position = BigInt(inserted.lastInsertRowid);
    }
    return { kind: 'appended', result: { nextExpectedRevision: revision, position } };
  };

  const isConstraint = (error: unknown): boolean => {
    const { code } = error as { code?: unknown };
    return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
  };
  // Called inside the group's transaction, better-sqlite3 runs a transaction function in a savepoint: a refused
  // append is rolled back alone.
  const writeInTransaction = db.transaction(write);
  const refusedIfConstraint = (append: EncodedAppend): AppendOutcome => {
    try {
      return writeInTransaction.immediate(append);
    } catch (error) {
      if (isConstraint(error)) return { kind: 'refused', message: (error as Error).message };
      throw error;
    }
  };
  // A group is first written without a savepoint per append, which costs about an eighth of an append's statements: inside
  // the IMMEDIATE transaction no other writer interleaves, so once its ids are found absent and its revision holds,
  // SQLite has no reason left to refuse an append. Should it refuse one all the same (a bug, or a constraint the
  // checks do not know), the whole group, none of which is acknowledged yet, is rolled back and written again with
  // a savepoint per append, so that the refused append fails alone.
  const writeGroupDirectly = db.transaction((group: readonly EncodedAppend[]) => group.map(write));
  const writeGroupInSavepoints = db.transaction((group: readonly EncodedAppend[]) => group.map(refusedIfConstraint));
  return {
    writeOne: refusedIfConstraint,
    writeGroup: (group) => {
      try {
        return writeGroupDirectly.immediate(group);
      } catch (error) {
        if (isConstraint(error)) return writeGroupInSavepoints.immediate(group);
        throw error;
      }
    },
  };
}
