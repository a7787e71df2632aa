import type { RecordedEvent } from '@timeline/event-store';
import type { SignedCheckpoint } from './checkpoint';
import { LogVerification, type LogVerificationResult } from './log-verification';

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
): Promise<LogVerificationResult> {
  const verification = new LogVerification(checkpoints);
  await verification.read(events);
  return verification.result(logEndsAt);
}
