import type { RecordedEvent } from '@timeline/event-store';

/**
 * How far an event's recorded time may lie from the time its writer sealed it. The embedded store stamps it
 * milliseconds after the seal (its group commit waits for the fsync, not minutes); EventStoreDB stamps it with the
 * server's clock, which may differ from the writer's by the two machines' skew. Five minutes covers both with room,
 * and is small against what `knownAt` is asked about: a report's recording moved by hours or days is found.
 */
export const RECORDED_TIME_TOLERANCE_MS = 5 * 60 * 1000;

/** When the writer sealed the event, from its hashed metadata; undefined for events sealed before writers said. */
export function sealedTimeOf(event: Pick<RecordedEvent, 'metadata'>): Date | undefined {
  const sealedAt = event.metadata.sealedAt;
  return typeof sealedAt === 'string' ? new Date(sealedAt) : undefined;
}

/**
 * Why an event's recorded time cannot be believed, or undefined when it can. The hash cannot cover the recorded
 * time (the store sets it after the seal), so it is held against the sealing time the hash does cover: a recorded
 * time moved after the fact (to make a report look known earlier, or later) shows as too far from it. An event
 * without a sealing time (written before writers recorded one) has nothing to be held against, unless its recorded
 * time is no time at all.
 */
export function recordedTimeProblem(event: Pick<RecordedEvent, 'metadata' | 'recordedAt'>): string | undefined {
  // A recorded time overwritten with what is no time (the SQLite column is text) is damage, sealed or not: named
  // here, it fails this event rather than the whole verification (an invalid Date cannot be printed).
  if (Number.isNaN(event.recordedAt.getTime())) return 'its recorded time is not a time';
  if (event.metadata.sealedAt === undefined) return undefined;
  const sealedAt = sealedTimeOf(event);
  if (!sealedAt || Number.isNaN(sealedAt.getTime())) return 'its sealing time is not a time';
  const drift = event.recordedAt.getTime() - sealedAt.getTime();
  if (Math.abs(drift) <= RECORDED_TIME_TOLERANCE_MS) return undefined;
  return (
    `its recorded time ${event.recordedAt.toISOString()} is ${describeDrift(drift)} the time it was sealed ` +
    `(${sealedAt.toISOString()}): the recorded time was altered, or the store's clock and the writer's disagree`
  );
}

function describeDrift(drift: number): string {
  const minutes = Math.round(Math.abs(drift) / 60_000);
  const amount = minutes < 120 ? `${minutes} minutes` : `${Math.round(minutes / 60)} hours`;
  return drift < 0 ? `${amount} before` : `${amount} after`;
}
