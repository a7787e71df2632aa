import { UnreadableEventError, type RecordedEvent } from '@timeline/event-store';
import type { SignedCheckpoint } from './checkpoint';
import { compareWithCheckpoint } from './checkpoint';
import { LogVerifier, type StreamHead, type VerificationResult } from './log-verifier';
import { RECORDED_TIME_TOLERANCE_MS } from './recorded-time';

/**
 * Verifies a whole log in one pass, in log order: every event's hash and chain, and, for each checkpoint given,
 * the streams' heads at its position. Used by the service (on the store) and by the offline CLI (on an export).
 * An event the store cannot read (UnreadableEventError) is a failure, and the last event verified.
 */
export async function verifyLog(
  events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>,
  checkpoints: readonly SignedCheckpoint[] = [],
  /**
   * Where the log ends, when `events` are only part of it (one stream's): a checkpoint past the last of them is then
   * held against the log's end, not theirs, so that a stream cut short is not reported as a log that ends early.
   */
  logEndsAt?: bigint,
): Promise<
  VerificationResult & {
    heads: ReadonlyMap<string, StreamHead>;
    lastPosition: bigint | undefined;
    /** No failure but recorded times: see {@link LogVerifier.contentIntact}. */
    contentIntact: boolean;
  }
> {
  const verifier = new LogVerifier();
  const pending = [...checkpoints].sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1));
  let lastPosition: bigint | undefined;
  // The latest checkpoint the log has passed: every event after its position was appended after it was issued.
  let passed: SignedCheckpoint | undefined;
  const settleUpTo = (position: bigint | undefined): void => {
    while (pending.length > 0 && (position === undefined || BigInt(pending[0]!.position) < position)) {
      const checkpoint = pending.shift()!;
      if (!passed || Date.parse(checkpoint.issuedAt) > Date.parse(passed.issuedAt)) passed = checkpoint;
      // At the end of the log, where it ends tells a truncation (or an export taken too early) from a rewrite.
      compareWithCheckpoint(
        checkpoint,
        verifier.streamHeads,
        position === undefined ? (logEndsAt ?? lastPosition) : undefined,
      ).forEach((failure) => verifier.report(failure));
    }
  };
  try {
    for await (const event of events) {
      settleUpTo(event.position);
      verifier.add(event);
      const backdated = passed && backdatedPast(event, passed);
      if (backdated) verifier.report(backdated, { recordedTime: true });
      lastPosition = event.position;
    }
    settleUpTo(undefined);
  } catch (error) {
    if (!(error instanceof UnreadableEventError)) throw error;
    // Damage, not an outage: named, and the verification ends there (the read cannot go past it).
    verifier.report({
      eventId: error.eventId,
      stream: error.streamName,
      revision: error.revision.toString(),
      reason: `its stored content is not readable as JSON: it was damaged after it was written; the log was not verified past position ${error.position}`,
    });
  }
  return { ...verifier.result(), heads: verifier.streamHeads, lastPosition, contentIntact: verifier.contentIntact };
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
