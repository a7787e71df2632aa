import { InvalidPositionError, UnreadableEventError, type RecordedEvent } from '@timeline/event-store';
import { compareWithCheckpoint, type SignedCheckpoint } from './checkpoint';
import { LogVerifier, type StreamHead, type VerificationResult } from './log-verifier';
import { RECORDED_TIME_TOLERANCE_MS } from './recorded-time';

/** What a verification found, with where it ended: each stream's head and the last event's position. */
export type LogVerificationResult = VerificationResult & {
  heads: ReadonlyMap<string, StreamHead>;
  lastPosition: bigint | undefined;
  /** No failure but recorded times: see {@link LogVerifier.contentIntact}. */
  contentIntact: boolean;
};

/**
 * A verification of the log that can be taken further as the log grows: what it holds after a pass (each stream's
 * head, the checkpoints compared, the latest one passed) is what the next events are verified against, so that
 * `extend` reads only the events appended since, and finds what a whole pass over the longer log would find in
 * them. What it does not do is read again the events it verified: one altered since in the store is found by the
 * next whole pass, not by an extension (decision 0071).
 */
export class LogVerification {
  private readonly verifier = new LogVerifier();
  /**
   * Checkpoints not yet compared, in position order, and every checkpoint taken in, by identity: copies that share a
   * signature are compared each (a copy rewritten with the same signature must not stand in for the true one).
   */
  private readonly pending: SignedCheckpoint[] = [];
  private readonly known = new WeakSet<SignedCheckpoint>();
  /** The latest checkpoint the log has passed: every event after its position was appended after it was issued. */
  private passed: SignedCheckpoint | undefined;
  private last: { readonly position: bigint; readonly eventId: string } | undefined;
  /** The store could not read an event: verification ended there, and cannot go on. */
  private damaged = false;

  constructor(checkpoints: readonly SignedCheckpoint[] = []) {
    this.takeIn(checkpoints);
  }

  get lastPosition(): bigint | undefined {
    return this.last?.position;
  }

  /** Verifies `events`, in log order, as the continuation of what was verified so far. */
  async read(events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>): Promise<void> {
    try {
      for await (const event of events) this.add(event);
    } catch (error) {
      if (!(error instanceof UnreadableEventError)) throw error;
      // Damage, not an outage: named, and the verification ends there (the read cannot go past it).
      this.damaged = true;
      this.verifier.report({
        eventId: error.eventId,
        stream: error.streamName,
        revision: error.revision.toString(),
        reason: `its stored content is not readable as JSON: it was damaged after it was written; the log was not verified past position ${error.position}`,
      });
    }
  }

  /**
   * Takes the verification on over the log read from its last event on (`fromLastEvent`: the store's events from
   * that position, that event first), with the checkpoints issued meanwhile. False, having read nothing, when it
   * cannot: the log no longer has its last event where it was, a checkpoint was issued at a position it has passed
   * (it would have to be compared with heads it no longer holds), or it found failures (a whole pass says what is
   * wrong now). An error of the store leaves it part-way, and it should then be let go.
   */
  async extend(
    fromLastEvent: AsyncIterable<RecordedEvent>,
    checkpoints: readonly SignedCheckpoint[],
  ): Promise<boolean> {
    const last = this.last;
    if (!last || this.damaged || !this.verifier.contentIntact) return false;
    const added = checkpoints.filter((checkpoint) => !this.known.has(checkpoint));
    if (added.some((checkpoint) => BigInt(checkpoint.position) < last.position)) return false;
    const events = fromLastEvent[Symbol.asyncIterator]();
    const first = await events.next().catch((error: unknown) => {
      // The position is no longer an event's, or its event no longer reads: the log changed beneath what was
      // verified, which a whole pass names.
      if (error instanceof InvalidPositionError || error instanceof UnreadableEventError) return undefined;
      throw error;
    });
    if (!first || first.done || first.value.position !== last.position || first.value.id !== last.eventId) {
      await events.return?.();
      return false;
    }
    this.takeIn(added);
    await this.read({ [Symbol.asyncIterator]: () => events });
    return true;
  }

  /**
   * What the verification found, the checkpoints not passed held against the log's end (or `logEndsAt`), unless the
   * reading stopped at damage.
   */
  result(logEndsAt?: bigint): LogVerificationResult {
    // Past damage the log was not read: its checkpoints are not held against where the reading stopped.
    if (!this.damaged) this.settleUpTo(undefined, logEndsAt);
    const verifier = this.verifier;
    return {
      ...verifier.result(),
      heads: new Map(verifier.streamHeads),
      lastPosition: this.last?.position,
      contentIntact: verifier.contentIntact,
    };
  }

  private add(event: RecordedEvent): void {
    this.settleUpTo(event.position);
    this.verifier.add(event);
    const backdated = this.passed && backdatedPast(event, this.passed);
    if (backdated) this.verifier.report(backdated, { recordedTime: true });
    this.last = { position: event.position, eventId: event.id };
  }

  private takeIn(checkpoints: readonly SignedCheckpoint[]): void {
    for (const checkpoint of checkpoints) {
      if (this.known.has(checkpoint)) continue;
      this.known.add(checkpoint);
      this.pending.push(checkpoint);
    }
    this.pending.sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1));
  }

  /** Compares each checkpoint before `position` (all, at the end) with the heads the log shows at it. */
  private settleUpTo(position: bigint | undefined, logEndsAt?: bigint): void {
    const pending = this.pending;
    while (pending.length > 0 && (position === undefined || BigInt(pending[0]!.position) < position)) {
      const checkpoint = pending.shift()!;
      if (!this.passed || Date.parse(checkpoint.issuedAt) > Date.parse(this.passed.issuedAt)) this.passed = checkpoint;
      // At the end of the log, where it ends tells a truncation (or an export taken too early) from a rewrite.
      compareWithCheckpoint(
        checkpoint,
        this.verifier.streamHeads,
        position === undefined ? (logEndsAt ?? this.last?.position) : undefined,
      ).forEach((failure) => this.verifier.report(failure));
    }
  }
}

/**
 * An event positioned after a checkpoint that says it was recorded before the checkpoint was issued. A checkpoint's
 * time is taken before the log is read for it, so every event recorded before then is at or before its position;
 * one after it claiming an earlier time was added afterwards with a time (and seal) of its choosing, as a forger
 * of an export would do to make a treaty look known long ago (`replay --known-at`). The stores' clocks may differ
 * from the signer's by the recorded-time tolerance.
 */
function backdatedPast(event: RecordedEvent, checkpoint: SignedCheckpoint) {
  const issuedAt = Date.parse(checkpoint.issuedAt);
  const recordedAt = event.recordedAt.getTime();
  if (Number.isNaN(recordedAt) || recordedAt >= issuedAt - RECORDED_TIME_TOLERANCE_MS) return undefined;
  return {
    eventId: event.id,
    stream: event.streamName,
    revision: event.revision.toString(),
    reason:
      `it comes after the checkpoint at position ${checkpoint.position}, issued at ${checkpoint.issuedAt}, but says ` +
      `it was recorded at ${event.recordedAt.toISOString()}, before that: it was added to the log afterwards, backdated`,
  };
}
