import type { KeyObject } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { v5 as uuidV5 } from 'uuid';
import {
  checkpointIsAuthentic,
  integrityOf,
  keyFingerprint,
  sealEvent,
  type SignedCheckpoint,
  type VerificationFailure,
} from '@timeline/audit';
import {
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedRevisionError,
  type CurrentRevision,
  type EventStore,
  type JsonObject,
  type RecordedEvent,
} from '@timeline/event-store';
import { wallClock } from '../clock';

/** Where every replica keeps the checkpoints issued: one append-only stream of the shared log. */
export const CHECKPOINT_STREAM = 'audit-checkpoints';
export const CHECKPOINT_ISSUED = 'CheckpointIssued';
/** Namespace of checkpoint event ids (UUID v5 of the signature): recording one twice appends it once. */
const CHECKPOINT_NAMESPACE = 'a4f0c1d2-6b7e-4c3a-9f58-0d1e2b3c4a5f';
const MAX_ATTEMPTS = 10;

/** The checkpoints to verify the log against, and the copies in the log that this service's key did not sign. */
export interface CheckpointsFound {
  readonly checkpoints: SignedCheckpoint[];
  readonly failures: VerificationFailure[];
}

/**
 * The checkpoints the service has issued, so that its own verification also catches what only a checkpoint reveals
 * (an event removed from the end of a stream). They are kept in the event store itself, in one stream appended at
 * an exact revision (sealed like every event, so the stream is itself tamper-evident): every replica verifies
 * against the same checkpoints, and losing a replica's volume loses none. Each replica also keeps a copy of those it
 * issued in its data directory (and the ones issued before the stream existed): a store that loses the stream's
 * last events still meets them there. Auditors keep their own copies as well.
 *
 * The stream's copies can be rewritten by whoever can write to the store, chain and all, though not signed again:
 * so a copy stands in for the replica's own only once it verifies under the service's key, and one that names
 * that key and does not verify is a failure. A checkpoint that cannot be authenticated here (another key's, or
 * none configured) is still compared with the log: it can only find damage, never hide it.
 */
export class IssuedCheckpoints {
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly store: EventStore,
    /** The key that signs checkpoints; without one, none can be authenticated. */
    private readonly publicKey?: KeyObject,
  ) {
    this.file = join(dataDir, 'audit-checkpoints.ndjson');
  }

  /**
   * Every checkpoint issued by any replica, and this replica's own copies of those not found authentic in the log.
   * A copy in the log that names this service's key and does not verify under it is a failure, not a checkpoint.
   */
  async all(): Promise<CheckpointsFound> {
    const { events } = await this.read();
    const fingerprint = this.publicKey && keyFingerprint(this.publicKey);
    const checkpoints: SignedCheckpoint[] = [];
    const failures: VerificationFailure[] = [];
    const authentic = new Set<string>();
    for (const event of events.filter((candidate) => candidate.type === CHECKPOINT_ISSUED)) {
      const checkpoint = checkpointOf(event);
      if (!this.publicKey || checkpoint.keyFingerprint !== fingerprint) {
        checkpoints.push(checkpoint);
      } else if (checkpointIsAuthentic(checkpoint, this.publicKey)) {
        checkpoints.push(checkpoint);
        authentic.add(checkpoint.signature);
      } else {
        failures.push({
          eventId: event.id,
          stream: event.streamName,
          revision: event.revision.toString(),
          reason: `the checkpoint at position ${String(checkpoint.position)} does not verify under the key it names: it was altered after it was signed`,
        });
      }
    }
    // A copy the same as one in the log would only name the same failures twice.
    const copies = new Set(checkpoints.map((checkpoint) => canonicalize(checkpoint)));
    const own = this.local().filter(
      (checkpoint) => !authentic.has(checkpoint.signature) && !copies.has(canonicalize(checkpoint)),
    );
    return { checkpoints: [...checkpoints, ...own], failures };
  }

  /**
   * The last checkpoint recorded in the log, when it verifies under this service's key: what GET answers while the
   * log has not moved past it. One that does not verify (altered, or another key's) is none: a new one is issued.
   */
  async latest(): Promise<SignedCheckpoint | undefined> {
    if (!this.publicKey) return undefined;
    try {
      for await (const event of this.store.readStream(CHECKPOINT_STREAM, {
        direction: 'backwards',
        maxCount: 1,
        requiresLeader: true,
      })) {
        return this.authentic(event);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return undefined;
  }

  /**
   * Appends the checkpoint to the shared stream and to the local copy, unless the stream's last checkpoint (another
   * replica's, or another request's, recorded since this one was signed) already covers `head`, the log's last event
   * but checkpoints when it was signed: that one is answered instead, and this one dropped, so that requests that
   * find the log moved at the same instant, on any replicas, record one checkpoint per move of the log. The append
   * expects the stream's revision it looked at: one recorded in between is a conflict, and is looked at in turn.
   * Answers the checkpoint that stands.
   */
  async record(checkpoint: SignedCheckpoint, head: bigint | undefined): Promise<SignedCheckpoint> {
    const id = uuidV5(checkpoint.signature, CHECKPOINT_NAMESPACE);
    for (let attempt = 1; ; attempt++) {
      const { events, revision } = await this.read();
      if (events.some((event) => event.id === id)) return this.keptLocally(checkpoint);
      const previous = events[events.length - 1];
      const standing = previous && this.authentic(previous);
      if (standing && covers(standing, head)) return standing;
      const sealed = sealEvent(
        { id, type: CHECKPOINT_ISSUED, data: checkpoint as unknown as JsonObject, metadata: {} },
        CHECKPOINT_STREAM,
        previous ? previous.revision + 1n : 0n,
        previous ? (integrityOf(previous)?.hash ?? null) : null,
        wallClock(),
      );
      try {
        await this.store.appendToStream(CHECKPOINT_STREAM, [sealed], { expectedRevision: revision });
        return this.keptLocally(checkpoint);
      } catch (error) {
        // Another replica recorded one in between: read again; it may cover the log, else chain to it.
        if (!(error instanceof WrongExpectedRevisionError) || attempt === MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** The checkpoint an event of the stream records, when it verifies under this service's key. */
  private authentic(event: RecordedEvent): SignedCheckpoint | undefined {
    if (!this.publicKey || event.type !== CHECKPOINT_ISSUED) return undefined;
    const checkpoint = checkpointOf(event);
    return checkpointIsAuthentic(checkpoint, this.publicKey) ? checkpoint : undefined;
  }

  private keptLocally(checkpoint: SignedCheckpoint): SignedCheckpoint {
    appendFileSync(this.file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
    return checkpoint;
  }

  private async read(): Promise<{ events: RecordedEvent[]; revision: CurrentRevision }> {
    const events: RecordedEvent[] = [];
    try {
      for await (const event of this.store.readStream(CHECKPOINT_STREAM, { requiresLeader: true })) events.push(event);
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    const last = events[events.length - 1];
    return { events, revision: last ? last.revision : NO_STREAM };
  }

  private local(): SignedCheckpoint[] {
    if (!existsSync(this.file)) return [];
    return readFileSync(this.file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as SignedCheckpoint);
  }
}

/** Whether the checkpoint covers the log's last event but checkpoints (none: an empty log, which any covers). */
export function covers(checkpoint: SignedCheckpoint, head: bigint | undefined): boolean {
  return head === undefined || BigInt(checkpoint.position) >= head;
}

function checkpointOf(event: RecordedEvent): SignedCheckpoint {
  return event.data as unknown as SignedCheckpoint;
}
