import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database, Statement } from 'better-sqlite3';
import { Sqlite } from '@timeline/sqlite-driver';
import {
  ANY,
  AppendSignal,
  END,
  EventStoreUnavailableError,
  InvalidAppendError,
  InvalidPositionError,
  START,
  StreamNotFoundError,
  WrongExpectedRevisionError,
  assertValidAppend,
  assertValidStreamPartition,
  assertValidSubscriptionFilter,
  classifyAppend,
  inStreamPartition,
  matchesFilterOn,
  streamPartitionOf,
  tailSubscription,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
  type SubscribeToStreamOptions,
  type Subscription,
  type StreamPartition,
  type SubscriptionFilter,
  type TailPage,
} from '@timeline/event-store';
import { EVENT_COLUMNS, positionOf, revisionOf, toRecordedEvent, type EventRow } from './event-rows';
import { GroupCommit, type CommitStats } from './group-commit';
import { createGroupWriter, type EncodedAppend } from './group-writer';
import { RecentAppends, type TakesEvent } from './recent-appends';
import { migrate } from './schema-migrations';

export interface SqliteEventStoreOptions {
  /** The event log's file, e.g. `<TIMELINE_DATA_DIR>/events.db`. */
  readonly file: string;
  /** How often subscribers look for appends made by another process. */
  readonly pollIntervalMs?: number;
  readonly clock?: () => Date;
  /** How long an append waits for another writer's lock (SQLite's busy timeout) before the store is unavailable. */
  readonly busyTimeoutMs?: number;
  /**
   * How many of the events this store has just appended it keeps in memory for its subscribers, which then need
   * not read them back from the file (decision 0073); 0 keeps none. Default 256.
   */
  readonly recentAppendsKept?: number;
}

const PAGE_SIZE = 512;
const BEFORE_FIRST = -1n;
const LAST_POSSIBLE = 2n ** 63n - 1n;

/**
 * The embedded event store: one SQLite file in WAL mode with `synchronous=FULL`, so an acknowledged append
 * survives `kill -9` and power loss. Appends are committed in groups (decision 0012): those waiting at the same
 * moment share one IMMEDIATE transaction and one fsync, and each is acknowledged after that fsync. The IMMEDIATE
 * transaction serialises writers (in this process and any other that opens the file) and makes the idempotency
 * check, the revision check and the inserts one atomic step per append. Global positions are the table's
 * AUTOINCREMENT keys: assigned under that write lock, they increase in commit order and are never reused. Reads
 * use the main thread's connection, which sees every commit acknowledged before the read.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database;
  private readonly appends = new AppendSignal();
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly groupCommit: GroupCommit;
  private readonly recentAppends: RecentAppends;
  private readonly clock: () => Date;
  private readonly pollIntervalMs: number;

  constructor(options: SqliteEventStoreOptions) {
    mkdirSync(dirname(options.file), { recursive: true });
    const busyTimeoutMs = options.busyTimeoutMs ?? 10_000;
    this.db = new Sqlite(options.file, { timeout: busyTimeoutMs });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    migrate(this.db, options.file);
    // The part of the log a stream belongs to, computed where the rows are read: a rebuild's worker steps over the
    // other parts' rows without making them JavaScript values.
    this.db.function('stream_partition', { deterministic: true }, (streamName, count) =>
      streamPartitionOf(String(streamName), Number(count)),
    );
    this.statements = prepareStatements(this.db);
    this.groupCommit = new GroupCommit({ file: options.file, busyTimeoutMs }, createGroupWriter(this.db));
    this.recentAppends = new RecentAppends(options.recentAppendsKept);
    this.clock = options.clock ?? (() => new Date());
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
  }

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    assertValidAppend(streamName, events);
    const expected = options?.expectedRevision ?? ANY;
    const append: EncodedAppend = {
      streamName,
      expected,
      ids: events.map((event) => event.id.toLowerCase()),
      types: events.map((event) => event.type),
      data: events.map((event) => JSON.stringify(event.data)),
      metadata: events.map((event) => JSON.stringify(event.metadata ?? {})),
      recordedAt: this.clock().toISOString(),
    };
    const outcome = await this.groupCommit.commit(append);
    switch (outcome.kind) {
      case 'appended':
        this.recentAppends.record(append, outcome.result);
        this.appends.notify();
        return outcome.result;
      case 'already-stored': {
        const decision = classifyAppend(streamName, events, outcome.stored);
        if (decision.kind === 'retry') return decision.result;
        throw new Error(`Stream "${streamName}": an append reported as stored has none of its ids stored`);
      }
      case 'wrong-revision':
        throw new WrongExpectedRevisionError(streamName, expected, outcome.current);
      case 'refused':
        throw new InvalidAppendError(`Stream "${streamName}": ${outcome.message}`);
      default: {
        const unknown: never = outcome;
        throw new Error(`Unknown append outcome ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** How many commits have written how many appends since the store opened (group commit at work). */
  commitStats(): CommitStats {
    return this.groupCommit.stats();
  }

  async *readStream(streamName: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    if (!this.statements.streamExists.get(streamName)) throw new StreamNotFoundError(streamName);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? END : START);
    if (!backwards && from === END) return;
    const first = from === START ? 0n : from === END ? LAST_POSSIBLE : from;
    yield* this.paged(
      options.maxCount,
      first,
      (cursor, limit) =>
        backwards
          ? (this.statements.streamBackwards.all(streamName, cursor, limit) as EventRow[])
          : (this.statements.streamForwards.all(streamName, cursor, limit) as EventRow[]),
      (row) => (backwards ? revisionOf(row) - 1n : revisionOf(row) + 1n),
    );
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition ?? (backwards ? END : START);
    if ((!backwards && from === END) || (backwards && from === START)) return;
    if (typeof from === 'bigint' && !this.isLogPosition(from)) throw new InvalidPositionError(from);
    // Backwards reads return the events before the position (as EventStoreDB does): the cursor is inclusive.
    const first = from === START ? 0n : from === END ? LAST_POSSIBLE : backwards ? from - 1n : from;
    yield* this.paged(
      options.maxCount,
      first,
      (cursor, limit) =>
        backwards
          ? (this.statements.allBackwards.all(cursor, limit) as EventRow[])
          : (this.statements.allForwards.all(cursor, limit) as EventRow[]),
      (row) => (backwards ? positionOf(row) - 1n : positionOf(row) + 1n),
    );
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    assertValidStreamPartition(options.partition);
    assertValidSubscriptionFilter(options.filter);
    const from =
      options.fromPosition === END
        ? this.headPosition()
        : options.fromPosition === undefined || options.fromPosition === START
          ? BEFORE_FIRST
          : options.fromPosition;
    return tailSubscription<bigint>(
      {
        readPage: this.pageReaderOf(options.filter, options.partition),
        cursorOf: (event) => event.position,
        appends: this.appends,
        pollIntervalMs: this.pollIntervalMs,
      },
      from,
      options.signal,
    );
  }

  subscribeToStream(streamName: string, options: SubscribeToStreamOptions = {}): Subscription {
    const from =
      options.fromRevision === END
        ? ((this.statements.streamHead.get(streamName) as { revision: bigint | null }).revision ?? BEFORE_FIRST)
        : options.fromRevision === undefined || options.fromRevision === START
          ? BEFORE_FIRST
          : options.fromRevision;
    return tailSubscription<bigint>(
      {
        readPage: (after, limit) => ({
          events: (this.statements.streamForwards.all(streamName, after + 1n, limit) as EventRow[]).map(
            toRecordedEvent,
          ),
        }),
        cursorOf: (event) => event.revision,
        appends: this.appends,
        pollIntervalMs: this.pollIntervalMs,
      },
      from,
      options.signal,
    );
  }

  async ping(): Promise<void> {
    try {
      this.statements.ping.get();
    } catch (error) {
      throw new EventStoreUnavailableError('The embedded event store does not answer', error);
    }
  }

  async close(): Promise<void> {
    await this.groupCommit.close();
    if (this.db.open) this.db.close();
  }

  /** The durability settings of the store's own connection, for health reports and tests. */
  settings(): { journalMode: string; synchronous: string } {
    const synchronous = ['off', 'normal', 'full', 'extra'][Number(this.db.pragma('synchronous', { simple: true }))];
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: synchronous ?? 'unknown',
    };
  }

  /** SQLite's own check of the file's structure: `ok` when intact. */
  integrityCheck(): string {
    return String(this.db.pragma('integrity_check', { simple: true }));
  }

  /** The log's start, an event's position, or past the last event: where a read of the log may start. */
  private isLogPosition(position: bigint): boolean {
    return position <= 0n || position > this.headPosition() || this.statements.eventAt.get(position) !== undefined;
  }

  /** The position of the last event, or before the first when the log is empty. */
  private headPosition(): bigint {
    const row = this.statements.head.get() as { position: bigint | null };
    return row.position ?? BEFORE_FIRST;
  }

  private async *paged(
    maxCount: number | undefined,
    first: bigint,
    fetch: (cursor: bigint, limit: number) => EventRow[],
    next: (row: EventRow) => bigint,
  ): AsyncGenerator<RecordedEvent> {
    let remaining = maxCount ?? Number.POSITIVE_INFINITY;
    let cursor = first;
    while (remaining > 0) {
      const rows = fetch(cursor, Math.min(PAGE_SIZE, remaining));
      for (const row of rows) yield toRecordedEvent(row);
      if (rows.length < Math.min(PAGE_SIZE, remaining)) return;
      remaining -= rows.length;
      cursor = next(rows[rows.length - 1]!);
    }
  }

  /**
   * Reads a subscription's next page: from the appends this store has just written when they hold every event after
   * the cursor (`RecentAppends`, decision 0073), else from the file. Either way the read is bounded by the head it
   * read first: when it finds fewer events than asked, it has looked at every event up to that head and says so, and
   * the next read starts there (decision 0072). Commits after the head have higher positions (one writer, positions
   * in commit order), so the bound never hides an event from the next read.
   */
  private pageReaderOf(
    filter: SubscriptionFilter | undefined,
    partition: StreamPartition | undefined,
  ): (after: bigint, limit: number) => TailPage<bigint> {
    const takes = filter === undefined && partition === undefined ? undefined : eventTestOf(filter, partition);
    const fromFile = this.fileReaderOf(filter, partition);
    return (after, limit) => {
      const head = this.headPosition();
      if (head <= after) return { events: [] };
      const rows = this.recentAppends.rowsThrough(after, head, limit, takes) ?? fromFile(after, head, limit);
      const events = rows.map(toRecordedEvent);
      return { events, lookedThrough: rows.length < limit ? head : undefined };
    };
  }

  /** Up to `limit` rows after `after`, up to `head`, that the filter and the partition take, read from the file. */
  private fileReaderOf(
    filter: SubscriptionFilter | undefined,
    partition: StreamPartition | undefined,
  ): (after: bigint, head: bigint, limit: number) => EventRow[] {
    const prefixes = filter?.prefixes ?? [];
    const conditions: string[] = [];
    const conditionArguments: unknown[] = [];
    if (prefixes.length > 0) {
      const column = filter!.on === 'stream-name' ? 'stream_name' : 'type';
      // SQLite's substr counts characters (code points), JavaScript's length UTF-16 units: a prefix outside the
      // Basic Multilingual Plane is as many characters as it has code points.
      conditions.push(`(${prefixes.map(() => `substr(${column}, 1, ?) = ?`).join(' OR ')})`);
      conditionArguments.push(...prefixes.flatMap((prefix) => [[...prefix].length, prefix]));
    }
    if (partition !== undefined) {
      conditions.push('stream_partition(stream_name, ?) = ?');
      conditionArguments.push(partition.count, partition.index);
    }
    const statement = this.db
      .prepare(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? AND position <= ? ` +
          `${conditions.map((condition) => `AND ${condition} `).join('')}ORDER BY position LIMIT ?`,
      )
      .safeIntegers(true)
      .raw(true);
    return (after, head, limit) => statement.all(after, head, ...conditionArguments, limit) as EventRow[];
  }
}

/** The filter and the partition as a test of an event's stream name and type: the ones every adapter applies. */
function eventTestOf(filter: SubscriptionFilter | undefined, partition: StreamPartition | undefined): TakesEvent {
  return (streamName, type) => matchesFilterOn(filter, streamName, type) && inStreamPartition(streamName, partition);
}

function prepareStatements(db: Database) {
  const prepare = (sql: string): Statement => db.prepare(sql).safeIntegers(true);
  /** A statement that reads events, whose rows come as arrays (`EventRow`). */
  const prepareRows = (sql: string): Statement => prepare(sql).raw(true);
  return {
    ping: prepare('SELECT 1'),
    head: prepare('SELECT max(position) AS position FROM events'),
    eventAt: prepare('SELECT 1 FROM events WHERE position = ?'),
    streamHead: prepare('SELECT max(revision) AS revision FROM events WHERE stream_name = ?'),
    streamExists: prepare('SELECT 1 FROM events WHERE stream_name = ? LIMIT 1'),
    streamForwards: prepareRows(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_name = ? AND revision >= ? ORDER BY revision LIMIT ?`,
    ),
    streamBackwards: prepareRows(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_name = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    ),
    allForwards: prepareRows(`SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? ORDER BY position LIMIT ?`),
    allBackwards: prepareRows(`SELECT ${EVENT_COLUMNS} FROM events WHERE position <= ? ORDER BY position DESC LIMIT ?`),
  };
}
