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
 * Within the IMMEDIATE transaction, which serialises writers of every process, each append checks the stream's
 * revision against the expected one, then its event ids, then inserts; an id already stored means a retry or a
 * conflict, never a write. An append checks what the appends before it in the same group wrote, exactly as if
 * they had been committed one by one. Two lookups per append were a fifth of its work in SQLite (decision 0017),
 * so the common case runs neither:
 * - the stream's revision comes from the heads this connection has written, which it trusts only while
 *   `PRAGMA data_version` says no other connection (another process, or this store's other connection) has
 *   committed since, and forgets whenever a transaction of its own fails;
 * - an event's id is checked by its insert: the unique index refuses a stored id, and the ids are then looked up
 *   to answer. SQLite undoes a refused statement itself; the events of an append of several are inserted in a
 *   savepoint, so that a refusal undoes the ones before it and no append is left half written (looking each id up
 *   first cost a batch of 100 about a fifth of its time).
 */
export function createGroupWriter(db: Database): GroupWriter {
  const prepare = (sql: string) => db.prepare(sql).safeIntegers(true);
  const findById = prepare('SELECT stream_name AS streamName, revision, position FROM events WHERE event_id = ?');
  const streamHead = prepare('SELECT max(revision) AS revision FROM events WHERE stream_name = ?');
  const insert = prepare(
    `INSERT INTO events (event_id, stream_name, revision, type, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  const MAX_KNOWN_HEADS = 10_000;
  const knownHeads = new Map<string, bigint>();
  let knownAtVersion: unknown;

  /** At the start of each transaction: the heads known are the file's only if no other connection has committed. */
  const checkKnownHeads = (): void => {
    const version = dataVersion.get();
    if (version === knownAtVersion) return;
    knownHeads.clear();
    knownAtVersion = version;
  };
  const currentRevision = (streamName: string): CurrentRevision => {
    const known = knownHeads.get(streamName);
    if (known !== undefined) return known;
    return (streamHead.get(streamName) as { revision: bigint | null }).revision ?? 'no_stream';
  };
  const remember = (streamName: string, revision: bigint): void => {
    if (knownHeads.size >= MAX_KNOWN_HEADS && !knownHeads.has(streamName)) knownHeads.clear();
    knownHeads.set(streamName, revision);
  };
  const storedOf = (ids: readonly string[]): (StoredEventRef | undefined)[] | undefined => {
    const stored = ids.map((id) => findById.get(id) as StoredEventRef | undefined);
    return stored.some((ref) => ref !== undefined) ? stored : undefined;
  };
  const isConstraint = (error: unknown): boolean => {
    const { code } = error as { code?: unknown };
    return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
  };

  const expectationHolds = (expected: ExpectedRevision, current: CurrentRevision): boolean =>
    expected === 'any' ||
    (expected === 'no_stream'
      ? current === 'no_stream'
      : expected === 'stream_exists'
        ? current !== 'no_stream'
        : current === expected);

  /** Inserts the append's events after `current`: its last revision, and the last event's position. */
  const insertAfter = (append: EncodedAppend, current: CurrentRevision): AppendResult => {
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
    return { nextExpectedRevision: revision, position };
  };
  // Within the caller's transaction, better-sqlite3 runs this in a savepoint: a refused insert undoes the ones before it.
  const insertAllOrNone = db.transaction(insertAfter);

  const write = (append: EncodedAppend): AppendOutcome => {
    const current = currentRevision(append.streamName);
    if (!expectationHolds(append.expected, current)) {
      const stored = storedOf(append.ids);
      return stored ? { kind: 'already-stored', stored } : { kind: 'wrong-revision', current };
    }
    let result: AppendResult;
    try {
      // One event: SQLite undoes the refused statement itself. Several: their savepoint does.
      result = append.ids.length === 1 ? insertAfter(append, current) : insertAllOrNone(append, current);
    } catch (error) {
      const stored = isConstraint(error) ? storedOf(append.ids) : undefined;
      if (stored) return { kind: 'already-stored', stored };
      throw error;
    }
    remember(append.streamName, result.nextExpectedRevision);
    return { kind: 'appended', result };
  };

  const writeInTransaction = db.transaction((append: EncodedAppend) => {
    checkKnownHeads();
    return write(append);
  });
  const refusedIfConstraint = (append: EncodedAppend): AppendOutcome => {
    try {
      return writeInTransaction.immediate(append);
    } catch (error) {
      // Whatever was rolled back, the heads it wrote are no longer the file's.
      knownHeads.clear();
      if (isConstraint(error)) return { kind: 'refused', message: (error as Error).message };
      throw error;
    }
  };
  // A group is first written without a savepoint per append, which costs about an eighth of an append's statements: inside
  // the IMMEDIATE transaction no other writer interleaves, so once an append's revision holds, the one refusal left
  // is a stored id, which `write` answers. Should SQLite refuse one all the same (a bug, or a constraint the checks
  // do not know), the whole group, none of which is acknowledged yet, is rolled back and written again with a
  // savepoint per append, so that the refused append fails alone.
  const writeGroupDirectly = db.transaction((group: readonly EncodedAppend[]) => {
    checkKnownHeads();
    return group.map(write);
  });
  const writeGroupInSavepoints = db.transaction((group: readonly EncodedAppend[]) => group.map(refusedIfConstraint));
  return {
    writeOne: refusedIfConstraint,
    writeGroup: (group) => {
      try {
        return writeGroupDirectly.immediate(group);
      } catch (error) {
        knownHeads.clear();
        if (!isConstraint(error)) throw error;
      }
      try {
        return writeGroupInSavepoints.immediate(group);
      } catch (error) {
        knownHeads.clear();
        throw error;
      }
    },
  };
}
