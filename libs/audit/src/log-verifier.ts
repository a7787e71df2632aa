import type { RecordedEvent } from '@timeline/event-store';
import { integrityOf, recomputeHash } from './event-integrity';
import { recordedTimeProblem } from './recorded-time';

export interface VerificationFailure {
  readonly eventId: string;
  readonly stream: string;
  readonly revision: string;
  readonly reason: string;
}

export interface VerificationResult {
  readonly ok: boolean;
  readonly checked: number;
  readonly failures: VerificationFailure[];
}

/** The last event of a stream as verification found it. */
export interface StreamHead {
  readonly revision: bigint;
  readonly hash: string;
  readonly eventId: string;
}

/**
 * Checks events one at a time, in log order, holding only each stream's head: any log size in constant memory
 * per stream. An event fails when its content no longer matches its hash (altered), when its position does not follow
 * the previous event's (the log reordered across streams), when it does not follow its stream's previous event (a
 * revision skipped or repeated: removed or reordered), when it does not chain to the
 * previous event's hash, or when its recorded time lies too far from the time it was sealed.
 */
export class LogVerifier {
  private readonly heads = new Map<string, StreamHead>();
  private readonly failures: VerificationFailure[] = [];
  private checked = 0;
  /** The position of the event before, which every event's must follow: the log's own order. */
  private lastPosition: bigint | undefined;
  /** Every failure found, and those only about a recorded time, also past `maxFailures`. */
  private found = 0;
  private foundInRecordedTimes = 0;

  constructor(private readonly maxFailures = 1000) {}

  add(event: RecordedEvent): void {
    this.checked += 1;
    const previous = this.heads.get(event.streamName);
    const expectedRevision = previous ? previous.revision + 1n : 0n;
    const integrity = integrityOf(event);
    const fail = (reason: string): void => {
      this.found += 1;
      if (this.failures.length < this.maxFailures) {
        this.failures.push({
          eventId: event.id,
          stream: event.streamName,
          revision: event.revision.toString(),
          reason,
        });
      }
    };
    // Each stream's revisions and chain hold its own order; positions hold the order between streams, which a
    // replay (`knownAt`, `asOf`) and a checkpoint's position read from.
    if (this.lastPosition !== undefined && event.position <= this.lastPosition) {
      fail(
        `its position ${event.position} is not after the previous event's, ${this.lastPosition}: the log's order was changed`,
      );
    }
    this.lastPosition = event.position;
    if (event.revision !== expectedRevision) {
      fail(
        event.revision > expectedRevision
          ? `revision ${expectedRevision} of this stream is missing before it`
          : `revision out of order: expected ${expectedRevision}`,
      );
    }
    if (!integrity) {
      fail('the event carries no integrity metadata');
    } else {
      const expectedPrevious = previous?.hash ?? null;
      if (integrity.previousHash !== expectedPrevious) {
        fail('it does not chain to the previous event of its stream');
      }
      if (recomputeHash(event, integrity.previousHash) !== integrity.hash) {
        fail('its content does not match its hash: it was altered after it was written');
      }
    }
    const timeProblem = recordedTimeProblem(event);
    if (timeProblem) {
      this.foundInRecordedTimes += 1;
      fail(timeProblem);
    }
    this.heads.set(event.streamName, {
      revision: event.revision,
      hash: integrity?.hash ?? '',
      eventId: event.id,
    });
  }

  get streamHeads(): ReadonlyMap<string, StreamHead> {
    return this.heads;
  }

  /**
   * Adds a failure found outside the events themselves (e.g. against a checkpoint); `recordedTime` when it is about
   * an event's recorded time only (see {@link contentIntact}).
   */
  report(failure: VerificationFailure, { recordedTime = false } = {}): void {
    this.found += 1;
    if (recordedTime) this.foundInRecordedTimes += 1;
    if (this.failures.length < this.maxFailures) this.failures.push(failure);
  }

  /**
   * Whether every failure found (if any) is a recorded time too far from its seal: the events' content, order and
   * chains, which a checkpoint signs, are then intact, and a checkpoint may still be signed over them. A recorded
   * time cannot be repaired (the log is append-only), so a store whose clock once strayed must not stop checkpoints
   * for good.
   */
  get contentIntact(): boolean {
    return this.found === this.foundInRecordedTimes;
  }

  result(): VerificationResult {
    return { ok: this.failures.length === 0, checked: this.checked, failures: [...this.failures] };
  }
}
