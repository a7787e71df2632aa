import type { AppendResult } from '@timeline/event-store';
import type { EventRow } from './event-rows';
import type { EncodedAppend } from './group-writer';

/**
 * How much of the log's end is kept by default: a group commit of 32 appends, and a subscription's page, with room to
 * spare. What is kept outlives the young generation, and the collector pays for it: with 2,048 events kept as rows,
 * batches of 100 appended 15 % slower (0.63 of the raw rate against 0.74 with none or 256, on `/dev/shm`).
 */
export const RECENT_APPENDS_KEPT = 256;
/**
 * At most about this many characters of data and metadata (JavaScript's length), whatever the count: appends of large
 * events keep fewer. An append of one event is kept whatever its size, so that the run goes on; one of several
 * events larger than this is not kept.
 */
const MAX_CHARACTERS = 4 * 1024 * 1024;

/** An append as its commit placed it: its first event's position and revision, the others following. */
interface KeptAppend {
  readonly append: EncodedAppend;
  readonly firstPosition: bigint;
  readonly firstRevision: bigint;
  readonly characters: number;
}

/** Whether a follower takes an event with this stream name and type (its filter, its part of the log). */
export type TakesEvent = (streamName: string, type: string) => boolean;

/**
 * The end of the log as this store's own appends wrote it, in memory, so that the store's followers take what was
 * just appended from here instead of reading it back from SQLite after every commit (decision 0073). It holds the
 * appends as the writer encoded them (the same strings SQLite stored), each at the position and revision its commit
 * gave its first event, and makes the rows a reader asks for when it asks (decision 0074): an append adds no array
 * or bigint per event for the collector to copy, and a filtered reader makes no row for the events it skips.
 *
 * A run of positions with no gap, nothing else: an append whose first position does not follow the last one held
 * (another process, or another connection, committed between them) starts the run again, and so does an append of
 * more events or characters than are kept, which is not kept. A read asks for the events after a position up to the
 * head it read from the file; the run answers only when it holds every one of them. Otherwise, the reader is further
 * behind than the run reaches or someone else wrote to the file, it answers nothing and the reader goes to SQLite,
 * as it always did. The log is append-only: a row changed or deleted in the file behind the store's back (what the
 * audit's verification exists to find) is not seen here.
 */
export class RecentAppends {
  /** The run from `start` on; the slots before it have been let go (emptied), and are cut off now and then. */
  private appends: (KeptAppend | undefined)[] = [];
  private start = 0;
  private eventsHeld = 0;
  private charactersHeld = 0;

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
    let characters = 0;
    for (let index = 0; index < count; index++) {
      characters += append.data[index]!.length + append.metadata[index]!.length;
    }
    if (count > this.kept || (count > 1 && characters > MAX_CHARACTERS)) {
      // Its followers read it from the file; the run goes on from the next append.
      this.startAgain();
      return;
    }
    const lastIndex = BigInt(count - 1);
    const firstPosition = result.position - lastIndex;
    const last = this.appends[this.appends.length - 1];
    if (last !== undefined && endOf(last) + 1n !== firstPosition) this.startAgain();
    this.appends.push({ append, firstPosition, firstRevision: result.nextExpectedRevision - lastIndex, characters });
    this.eventsHeld += count;
    this.charactersHeld += characters;
    this.letGoOfTheOldest();
  }

  /**
   * The first `limit` rows after `after`, up to and including `head`, that `takes` accepts (all of them without it),
   * in log order, when the run holds every event in that range; undefined when it does not (a read of the file must
   * answer instead). Fewer than `limit` rows means it looked at every event up to the head.
   */
  rowsThrough(after: bigint, head: bigint, limit: number, takes?: TakesEvent): EventRow[] | undefined {
    const first = this.appends[this.start];
    const last = this.appends[this.appends.length - 1];
    if (first === undefined || last === undefined) return undefined;
    if (first.firstPosition > after + 1n || endOf(last) < head) return undefined;
    // Readers mostly ask for the newest appends: look for the one holding the first position asked from the end.
    let index = this.appends.length - 1;
    while (index > this.start && this.appends[index]!.firstPosition > after + 1n) index--;
    const rows: EventRow[] = [];
    for (; index < this.appends.length && rows.length < limit; index++) {
      const { append, firstPosition, firstRevision } = this.appends[index]!;
      if (firstPosition > head) break;
      const from = after < firstPosition ? 0 : Number(after + 1n - firstPosition);
      const to = Math.min(append.ids.length - 1, Number(head - firstPosition));
      for (let event = from; event <= to && rows.length < limit; event++) {
        const type = append.types[event]!;
        if (takes !== undefined && !takes(append.streamName, type)) continue;
        const offset = BigInt(event);
        rows.push([
          firstPosition + offset,
          append.ids[event]!,
          append.streamName,
          firstRevision + offset,
          type,
          append.data[event]!,
          append.metadata[event]!,
          append.recordedAt,
        ]);
      }
    }
    return rows;
  }

  private startAgain(): void {
    this.appends = [];
    this.start = 0;
    this.eventsHeld = 0;
    this.charactersHeld = 0;
  }

  private letGoOfTheOldest(): void {
    while (
      (this.eventsHeld > this.kept || this.charactersHeld > MAX_CHARACTERS) &&
      this.start < this.appends.length - 1
    ) {
      const oldest = this.appends[this.start]!;
      this.eventsHeld -= oldest.append.ids.length;
      this.charactersHeld -= oldest.characters;
      this.appends[this.start] = undefined;
      this.start += 1;
    }
    // Cut the emptied slots off in one step once they are as many as the kept ones, not one shift per append.
    if (this.start > 0 && this.start >= this.appends.length - this.start) {
      this.appends = this.appends.slice(this.start);
      this.start = 0;
    }
  }
}

/** The position of the append's last event. */
const endOf = (kept: KeptAppend): bigint => kept.firstPosition + BigInt(kept.append.ids.length - 1);
