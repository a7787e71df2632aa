import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { JsonObject, NewEvent, RecordedEvent } from '@timeline/event-store';

/** Names the hashing scheme in every event, so that a later scheme can sit beside this one. */
export const INTEGRITY_SCHEME = 'sha256-jcs-chain-1';

/** What every event's metadata carries under `integrity`. */
export interface EventIntegrity {
  readonly scheme: typeof INTEGRITY_SCHEME;
  /** The hash of the previous event of the same stream; null for a stream's first event. */
  readonly previousHash: string | null;
  readonly hash: string;
}

/**
 * What the hash covers: all the writer decides, its sealing time among it. Position and recorded time are the store's,
 * and not covered: the recorded time is checked against the sealing time instead.
 */
export interface HashedContent {
  readonly streamName: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  /** The writer's metadata, without `integrity` itself. */
  readonly metadata: JsonObject;
  readonly previousHash: string | null;
}

/** SHA-256 over the RFC 8785 (JCS) canonical JSON of the content: the same bytes on every machine. */
export function hashEvent(content: HashedContent): string {
  const canonical = canonicalize({
    scheme: INTEGRITY_SCHEME,
    stream: content.streamName,
    revision: content.revision.toString(),
    id: content.id.toLowerCase(),
    type: content.type,
    data: content.data,
    metadata: content.metadata,
    previousHash: content.previousHash,
  });
  return createHash('sha256').update(canonical!, 'utf8').digest('hex');
}

/**
 * Adds `integrity` to the metadata of an event about to be appended at `revision`, chained to the previous event's
 * hash. The writer knows both because it appends with the exact revision it read. `sealedAt`, the writer's clock at
 * that moment, goes into the hashed metadata as `sealedAt`: the store's recorded time of the event, which `knownAt`
 * reads and no hash can cover (the store sets it after the seal), is then checked against it (see
 * `recordedTimeProblem`, recorded-time.ts).
 */
export function sealEvent(
  event: NewEvent,
  streamName: string,
  revision: bigint,
  previousHash: string | null,
  sealedAt: Date,
): NewEvent {
  const metadata: JsonObject = { ...(event.metadata ?? {}), sealedAt: sealedAt.toISOString() };
  delete metadata.integrity;
  const hash = hashEvent({
    streamName,
    revision,
    id: event.id,
    type: event.type,
    data: event.data,
    metadata,
    previousHash,
  });
  const integrity: EventIntegrity = { scheme: INTEGRITY_SCHEME, previousHash, hash };
  return { ...event, metadata: { ...metadata, integrity: { ...integrity } } };
}

/** The integrity block a stored event carries, or undefined when it has none (or a malformed one). */
export function integrityOf(event: Pick<RecordedEvent, 'metadata'>): EventIntegrity | undefined {
  const integrity = event.metadata.integrity as Partial<EventIntegrity> | undefined;
  if (
    !integrity ||
    integrity.scheme !== INTEGRITY_SCHEME ||
    typeof integrity.hash !== 'string' ||
    (integrity.previousHash !== null && typeof integrity.previousHash !== 'string')
  ) {
    return undefined;
  }
  return integrity as EventIntegrity;
}

/** Recomputes a stored event's hash from its content, with the previous hash it claims. */
export function recomputeHash(event: RecordedEvent, previousHash: string | null): string {
  const metadata = { ...event.metadata };
  delete metadata.integrity;
  return hashEvent({
    streamName: event.streamName,
    revision: event.revision,
    id: event.id,
    type: event.type,
    data: event.data,
    metadata,
    previousHash,
  });
}
