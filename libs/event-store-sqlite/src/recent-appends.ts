import type { AppendResult } from '@timeline/event-store';
import { positionOf, type EventRow } from './event-rows';
import type { EncodedAppend } from './group-writer';

/**
 * How much of the log's end is kept by default: a group commit of 32 appends, and a subscription's page, with room to
 * spare. Rows kept outlive the young generation, and the collector pays for them: with 2,048 kept, batches of 100
 * appended 15 % slower (0.63 of the raw rate against 0.74 with none or 256, on `/dev/shm`).
 */
export const RECENT_APPENDS_KEPT = 256;
/**
 * At most about this many characters of data and metadata (JavaScript's length), whatever the count: appends of large
 * events keep fewer. The last event is kept whatever its size, so that the run goes on.
 */
const MAX_CHARACTERS = 4 * 1024 * 1024;

/**
 * The end of the log as this store's own appends wrote it, in memory, so that the store's followers take what was
 * just appended from here instead of reading it back from SQLite after every commit (decision 0073). It holds the
 * rows as the writer encoded them (the same strings SQLite stored), each at the position and revision its commit
 * gave it; a follower turns them into events as it would the rows of a read.
 *
 * A run of positions with no gap, nothing else: an append whose first position does not follow the last one held
 * (another process, or another connection, committed between them) starts the run again. A read asks for the events
 * after a position up to the head it read from the file; the run answers only when it holds every one of them.
 * Otherwise, the reader is further behind than the run reaches or someone else wrote to the file, it answers nothing
 * and the reader goes to SQLite, as it always did. The log is append-only: a row changed or deleted in the file
 * behind the store's back (what the audit's verification exists to find) is not seen here.
 */
export class RecentAppends {
  /** The run from `start` on; the slots before it have been let go (emptied), and are cut off now and then. */
  private rows: (EventRow | undefined)[] = [];
  private start = 0;
  private characters = 0;

  /** `kept`: how many events at most; 0 keeps none, and every read goes to the file. */
  constructor(private readonly kept = RECENT_APPENDS_KEPT) {
    if (!Number.isSafeInteger(kept) || kept < 0) {
      throw new RangeError(`The recent appends kept must be a whole number of events, 0 or more; got ${kept}`);
    }
  }

  /**
   * Adds an append that its commit has made durable. An append's events take consecutive positions and revisions
   * (one transaction, one writer, AUTOINCREMENT keys), so the result's last position and revision place each of them.
   */
  record(append: EncodedAppend, result: AppendResult): void {
    if (this.kept === 0) return;
    const count = append.ids.length;
    const firstPosition = result.position - BigInt(count - 1);
    const last = this.rows[this.rows.length - 1];
    if (last !== undefined && positionOf(last) + 1n !== firstPosition) this.startAgain();
    for (let index = 0; index < count; index++) {
      const data = append.data[index]!;
      const metadata = append.metadata[index]!;
      const offset = BigInt(count - 1 - index);
      this.rows.push([
        result.position - offset,
        append.ids[index]!,
        append.streamName,
        result.nextExpectedRevision - offset,
        append.types[index]!,
        data,
        metadata,
        append.recordedAt,
      ]);
      this.characters += data.length + metadata.length;
    }
    this.letGoOfTheOldest();
  }

  /**
   * Every row after `after` up to and including `head`, in log order, when the run holds them all; undefined when it
   * does not (a read of the file must answer instead).
   */
  rowsThrough(after: bigint, head: bigint): readonly EventRow[] | undefined {
    const first = this.rows[this.start];
    const last = this.rows[this.rows.length - 1];
    if (first === undefined || last === undefined) return undefined;
    if (positionOf(first) > after + 1n || positionOf(last) < head) return undefined;
    // Positions in the run have no gap: the row at `position` is `position - first` after the run's start, and
    // every slot from the start on holds a row.
    const from = this.start + Number(after + 1n - positionOf(first));
    return this.rows.slice(from, this.start + Number(head - positionOf(first)) + 1) as EventRow[];
  }

  private startAgain(): void {
    this.rows = [];
    this.start = 0;
    this.characters = 0;
  }

  private letGoOfTheOldest(): void {
    while (this.rows.length - this.start > this.kept || this.characters > MAX_CHARACTERS) {
      const oldest = this.rows[this.start];
      if (oldest === undefined || this.start === this.rows.length - 1) break;
      const [, , , , , data, metadata] = oldest;
      this.characters -= data.length + metadata.length;
      this.rows[this.start] = undefined;
      this.start += 1;
    }
    // Cut the emptied slots off in one step once they are as many as the kept ones, not one shift per append.
    if (this.start > 0 && this.start >= this.rows.length - this.start) {
      this.rows = this.rows.slice(this.start);
      this.start = 0;
    }
  }
}
