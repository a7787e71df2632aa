import type { KeyObject } from 'node:crypto';
import { appendFileSync, closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
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
/** The data directory's copy of the checkpoints this replica issued: one JSON line each, appended. */
export const CHECKPOINTS_FILE = 'audit-checkpoints.ndjson';

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
  /**
   * What has been read of the stream and of the local copy, both append-only: each call reads on from there, so that
   * it costs the checkpoints issued since, not every one ever issued (each lists every stream's head). A whole
   * reading again (`reread`) finds a copy altered since it was read.
   */
  private fromStream = new StreamRead();
  private fromFile = new FileRead();

  constructor(
    dataDir: string,
    private readonly store: EventStore,
    /** The key that signs checkpoints; without one, none can be authenticated. */
    private readonly publicKey?: KeyObject,
  ) {
    this.file = join(dataDir, CHECKPOINTS_FILE);
  }

  /**
   * Every checkpoint issued by any replica, and this replica's own copies of those not found authentic in the log.
   * A copy in the log that names this service's key and does not verify under it is a failure, not a checkpoint.
   * The stream and the local copy are read on from where the last call stopped, or whole with `reread` (decision
   * 0071).
   */
  async all({ reread = false }: { reread?: boolean } = {}): Promise<CheckpointsFound> {
    if (reread) {
      this.fromStream = new StreamRead();
      this.fromFile = new FileRead();
    }
    const stream = await this.readStreamOn();
    const file = this.readFileOn();
    // A copy the same as one in the log would only name the same failures twice.
    const own = file.copies
      .filter((copy) => !stream.authentic.has(copy.checkpoint.signature) && !stream.canonical.has(file.canonical(copy)))
      .map(({ checkpoint }) => checkpoint);
    return { checkpoints: [...stream.checkpoints, ...own], failures: [...stream.failures] };
  }

  /**
   * The last checkpoint recorded in the log, when it verifies under this service's key: what GET answers while the
   * log has not moved past it. One that does not verify (altered, or another key's) is none: a new one is issued.
   */
  async latest(): Promise<SignedCheckpoint | undefined> {
    return (await this.readStreamOn()).last?.standing;
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
      const stream = await this.readStreamOnChecked();
      if (stream.ids.has(id)) return this.keptLocally(checkpoint);
      const previous = stream.last;
      if (previous?.standing && covers(previous.standing, head)) return previous.standing;
      const sealed = sealEvent(
        { id, type: CHECKPOINT_ISSUED, data: checkpoint as unknown as JsonObject, metadata: {} },
        CHECKPOINT_STREAM,
        previous ? previous.revision + 1n : 0n,
        previous?.hash ?? null,
        wallClock(),
      );
      try {
        await this.store.appendToStream(CHECKPOINT_STREAM, [sealed], {
          expectedRevision: previous ? previous.revision : NO_STREAM,
        });
        return this.keptLocally(checkpoint);
      } catch (error) {
        // Another replica recorded one in between: read on (checked again); it may cover the log, else chain to it.
        if (!(error instanceof WrongExpectedRevisionError) || attempt === MAX_ATTEMPTS) throw error;
      }
    }
  }

  private keptLocally(checkpoint: SignedCheckpoint): SignedCheckpoint {
    appendFileSync(this.file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
    return checkpoint;
  }

  /**
   * The stream read on, once its last event read is found still there: a stream that lost its end (restored from a
   * backup, cut short) is read whole again, so that a new checkpoint chains to the event that is there, not to one
   * remembered. One event read, before appending.
   */
  private async readStreamOnChecked(): Promise<StreamRead> {
    const last = this.fromStream.last;
    if (last) {
      let there: RecordedEvent | undefined;
      try {
        const events = this.store.readStream(CHECKPOINT_STREAM, {
          fromRevision: last.revision,
          requiresLeader: true,
          maxCount: 1,
        });
        for await (const event of events) there = event;
      } catch (error) {
        if (!(error instanceof StreamNotFoundError)) throw error;
      }
      if (there?.id !== last.id) this.fromStream = new StreamRead();
    }
    return this.readStreamOn();
  }

  /** The stream's events recorded since the last read, taken in. */
  private async readStreamOn(): Promise<StreamRead> {
    const read = this.fromStream;
    try {
      const events = this.store.readStream(CHECKPOINT_STREAM, { fromRevision: read.next, requiresLeader: true });
      for await (const event of events) read.take(event, this.publicKey);
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return read;
  }

  /** The local copy's lines written since the last read, taken in; the whole file again if it was cut short or replaced. */
  private readFileOn(): FileRead {
    if (!existsSync(this.file)) return (this.fromFile = new FileRead());
    const size = statSync(this.file).size;
    if (size < this.fromFile.bytes || !this.stillEndsAsRead(this.fromFile)) this.fromFile = new FileRead();
    try {
      return this.readFileFrom(this.fromFile, size);
    } catch (error) {
      // Read from within a line: the file was replaced by another that is longer. Read it whole.
      if (!(error instanceof SyntaxError) || this.fromFile.bytes === 0) throw error;
      this.fromFile = new FileRead();
      return this.readFileFrom(this.fromFile, size);
    }
  }

  /** Whether the file's bytes just before where the last read stopped are those it read (the end of a signature). */
  private stillEndsAsRead(read: FileRead): boolean {
    if (read.bytes === 0) return true;
    const found = Buffer.alloc(read.tail.length);
    const descriptor = openSync(this.file, 'r');
    try {
      readSync(descriptor, found, 0, found.length, read.bytes - read.tail.length);
    } finally {
      closeSync(descriptor);
    }
    return found.equals(read.tail);
  }

  private readFileFrom(read: FileRead, size: number): FileRead {
    if (size === read.bytes) return read;
    // Only whole lines: a line being written is read at the next call.
    const { whole } = wholeLinesOf(this.file, read.bytes, size);
    if (whole.length === 0) return read;
    read.take(whole.toString('utf8'), this.file);
    read.bytes += whole.length;
    read.tail = Buffer.from(whole.subarray(Math.max(0, whole.length - TAIL_BYTES)));
    return read;
  }
}

/**
 * The file's whole lines from byte `from` on (up to `size`): up to its last newline. What follows it is a line being
 * written, or one torn by a crash (`kill -9` in the middle of an append): `unterminated` counts its bytes.
 */
export function wholeLinesOf(
  file: string,
  from = 0,
  size = statSync(file).size,
): { whole: Buffer; unterminated: number } {
  const buffer = Buffer.alloc(Math.max(0, size - from));
  const descriptor = openSync(file, 'r');
  let length: number;
  try {
    length = readSync(descriptor, buffer, 0, buffer.length, from);
  } finally {
    closeSync(descriptor);
  }
  const added = buffer.subarray(0, length);
  const end = added.lastIndexOf(0x0a);
  return { whole: added.subarray(0, end + 1), unterminated: length - (end + 1) };
}

/**
 * The checkpoints in whole lines of the local copy, blank lines skipped. A line that does not parse throws a
 * `SyntaxError` naming the file and the line (counted from `firstLine`), before any is taken.
 */
export function checkpointsInLines(text: string, file: string, firstLine = 1): SignedCheckpoint[] {
  const checkpoints: SignedCheckpoint[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      checkpoints.push(JSON.parse(line) as SignedCheckpoint);
    } catch (error) {
      throw new SyntaxError(`${file}, line ${firstLine + index}: ${(error as Error).message}`);
    }
  });
  return checkpoints;
}

/**
 * The local copy read whole, as the service reads it: whole lines only; a last line without its newline (torn by a
 * crash, or being written) is left out and its length answered as `unterminated`. None when there is no file.
 */
export function readCheckpointsCopy(file: string): {
  checkpoints: SignedCheckpoint[];
  unterminated: number;
  /** The bytes read, whole lines and a torn last one: the size of the file these checkpoints came from. */
  bytes: number;
} {
  if (!existsSync(file)) return { checkpoints: [], unterminated: 0, bytes: 0 };
  const { whole, unterminated } = wholeLinesOf(file);
  return {
    checkpoints: checkpointsInLines(whole.toString('utf8'), file),
    unterminated,
    bytes: whole.length + unterminated,
  };
}

/** The checkpoint stream as read so far. */
class StreamRead {
  /** The next revision to read. */
  next = 0n;
  /** The last event read: what a new checkpoint chains to, and the checkpoint standing when it is authentic. */
  last:
    | {
        readonly revision: bigint;
        readonly id: string;
        readonly hash: string | null;
        readonly standing?: SignedCheckpoint;
      }
    | undefined;
  readonly ids = new Set<string>();
  readonly checkpoints: SignedCheckpoint[] = [];
  /**
   * Signatures of the checkpoints authentic under this service's key; the others as canonical JSON (a checkpoint
   * lists every stream's head: only those that need it are written again).
   */
  readonly authentic = new Set<string>();
  readonly canonical = new Set<string>();
  readonly failures: VerificationFailure[] = [];

  take(event: RecordedEvent, publicKey: KeyObject | undefined): void {
    // Two reads under way at once read the same events: the second takes in none of them again.
    if (event.revision < this.next) return;
    this.next = event.revision + 1n;
    this.ids.add(event.id);
    const hash = integrityOf(event)?.hash ?? null;
    this.last = { revision: event.revision, id: event.id, hash };
    if (event.type !== CHECKPOINT_ISSUED) return;
    const checkpoint = checkpointOf(event);
    if (!publicKey || checkpoint.keyFingerprint !== keyFingerprint(publicKey)) {
      this.checkpoints.push(checkpoint);
      this.canonical.add(canonicalize(checkpoint)!);
    } else if (checkpointIsAuthentic(checkpoint, publicKey)) {
      this.checkpoints.push(checkpoint);
      this.authentic.add(checkpoint.signature);
      this.last = { revision: event.revision, id: event.id, hash, standing: checkpoint };
    } else {
      this.failures.push({
        eventId: event.id,
        stream: event.streamName,
        revision: event.revision.toString(),
        reason: `the checkpoint at position ${String(checkpoint.position)} does not verify under the key it names: it was altered after it was signed`,
      });
    }
  }
}

/** The bytes a read of the local copy remembers of where it stopped, to tell the file it read from another. */
const TAIL_BYTES = 64;

/** The local copy as read so far: its whole lines, up to `bytes`, the last of those bytes kept as `tail`. */
class FileRead {
  bytes = 0;
  tail = Buffer.alloc(0);
  readonly copies: { readonly checkpoint: SignedCheckpoint; canonical?: string }[] = [];

  /** How many whole lines were read so far: a line that does not parse is named by its number in the file. */
  private lines = 0;

  /** Whole lines: all of them taken in, or none (a line that does not parse throws before any is). */
  take(text: string, file: string): void {
    const parsed = checkpointsInLines(text, file, this.lines + 1);
    this.lines += text.split('\n').length - 1;
    this.copies.push(...parsed.map((checkpoint) => ({ checkpoint })));
  }

  /** A copy as canonical JSON, written when first asked for. */
  canonical(copy: FileRead['copies'][number]): string {
    copy.canonical ??= canonicalize(copy.checkpoint)!;
    return copy.canonical;
  }
}

/** Whether the checkpoint covers the log's last event but checkpoints (none: an empty log, which any covers). */
export function covers(checkpoint: SignedCheckpoint, head: bigint | undefined): boolean {
  return head === undefined || BigInt(checkpoint.position) >= head;
}

function checkpointOf(event: RecordedEvent): SignedCheckpoint {
  return event.data as unknown as SignedCheckpoint;
}
