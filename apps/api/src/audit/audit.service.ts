import { once } from 'node:events';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Response } from 'express';
import {
  keyFingerprint,
  LogVerification,
  signCheckpoint,
  toExportedEvent,
  verifyLog,
  type LogVerificationResult,
  type SignedCheckpoint,
  type VerificationFailure,
  type VerificationResult,
} from '@timeline/audit';
import {
  END,
  EVENT_STORE,
  StreamDeletedError,
  StreamNotFoundError,
  type EventStore,
  type RecordedEvent,
} from '@timeline/event-store';
import { treatyStreamName } from '@timeline/treaty';
import { CLOCK, wallClock, type Clock } from '../clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { inTurns } from '../http/in-turns';
import { Metrics } from '../metrics/metrics.service';
import { ApiProblem } from '../problems/api-problem';
import { CHECKPOINT_STREAM, IssuedCheckpoints, covers, type CheckpointsFound } from './issued-checkpoints';
import { loadSigningKey, type SigningKey } from './signing-key';
import { wholePassDue, type WholePass } from './whole-pass-schedule';

export const MAX_LOG_PAGE = 1000;

export type IntegrityStatus =
  | { readonly kind: 'unchecked' }
  | { readonly kind: 'checked'; readonly at: string; readonly result: VerificationResult };

/** The auditors' use cases: the raw log, verification of every hash, signed checkpoints. */
@Injectable()
export class AuditService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Audit');
  private readonly key: SigningKey;
  private readonly issued: IssuedCheckpoints;
  /** The latest checkpoint this process issued or served, over a log it verified. */
  private latest: SignedCheckpoint | undefined;
  private issuing: Promise<SignedCheckpoint> | undefined;
  private integrity: IntegrityStatus = { kind: 'unchecked' };
  /** Verifications of the whole log started, and the latest of them whose result {@link integrity} holds. */
  private verificationsStarted = 0;
  private verificationShown = 0;
  /** Verifications for checkpoints run one after another, each taking on the last one's (`kept`). */
  private checkpointVerifications: Promise<unknown> = Promise.resolve();
  private kept: { readonly verification: LogVerification; readonly wholePass: WholePass } | undefined;
  /** Set when a whole verification (start, `/audit/verify`) found the log failing. */
  private wholePassWanted = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {
    this.key = loadSigningKey(config);
    this.issued = new IssuedCheckpoints(
      config.dataDir,
      store,
      this.key.kind === 'ready' ? this.key.publicKey : undefined,
    );
    if (this.key.kind === 'missing') this.logger.warn(`${this.key.reason}: checkpoints cannot be signed`);
  }

  /** Verifies the whole log once at start, in the background: a damaged log is reported, never fatal. */
  onApplicationBootstrap(): void {
    this.verifyInBackground();
  }

  /**
   * Verifies the whole log without holding the caller, and logs what is wrong: at start, and again after a
   * component that writes at start (the demo data) has written, so that /health reports the log as it stands.
   */
  verifyInBackground(): void {
    this.verifyAll().then(
      (result) => {
        if (!result.ok) this.logger.error(`The log fails verification: ${JSON.stringify(result.failures.slice(0, 5))}`);
      },
      (error: unknown) => this.logger.error(`Could not verify the log: ${String(error)}`),
    );
  }

  get integrityStatus(): IntegrityStatus {
    return this.integrity;
  }

  publicKey() {
    const key = this.readyKey();
    return {
      algorithm: 'Ed25519',
      publicKey: key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      fingerprint: keyFingerprint(key.publicKey),
    };
  }

  async verifyAll(): Promise<VerificationResult> {
    const started = ++this.verificationsStarted;
    const issued = await this.issued.all({ reread: true });
    const verified = await verifyLog(inTurns(this.store.readAll()), issued.checkpoints);
    const failures = [...issued.failures, ...verified.failures];
    const result = { ok: failures.length === 0, checked: verified.checked, failures };
    // A log found failing is verified whole by the next checkpoint too, not taken on from before (decision 0071).
    if (!verified.contentIntact || issued.failures.length > 0) this.wholePassWanted = true;
    // Verifications can overlap (start-up, the demo data's, an auditor's): an earlier one that ends last has read
    // less of the log, and must not replace what a later one found.
    if (started > this.verificationShown) {
      this.verificationShown = started;
      this.integrity = { kind: 'checked', at: this.clock().toISOString(), result };
      this.metrics.integrityFailures.set(failures.length);
    }
    return result;
  }

  async verifyTreaty(treatyId: string): Promise<VerificationResult> {
    const stream = treatyStreamName(treatyId);
    const checkpoints = (await this.issued.all()).checkpoints.map((checkpoint) => ({
      ...checkpoint,
      heads: checkpoint.heads.filter((head) => head.stream === stream),
    }));
    // Only the stream is read, but the log goes on: a checkpoint is held against the log's end, not the stream's.
    const logEndsAt = await this.logEnd();
    const { ok, checked, failures } = await verifyLog(
      eventsOrNone(this.store.readStream(stream)),
      checkpoints,
      logEndsAt,
    ).catch((error: unknown) => {
      if (!(error instanceof StreamDeletedError)) throw error;
      // Its events may still be in $all (until a scavenge), but the treaty's own record is gone: a failure.
      return { ok: false, checked: 0, failures: [streamDeleted(stream)] };
    });
    // No event and nothing missing: no such treaty. A stream a checkpoint recorded and the log no longer has was
    // removed, which verification names.
    if (checked === 0 && ok) throw new ApiProblem(404, 'TREATY_NOT_FOUND', `No treaty has the id "${treatyId}"`);
    return { ok, checked, failures };
  }

  /** The position of the log's last event, or undefined for an empty log. */
  private logEnd(): Promise<bigint | undefined> {
    return this.lastPositionBut(undefined);
  }

  /**
   * The position of the log's last event not in the stream `excluded`, read one event at a time: a store reads a
   * page of events where a read stops early, and a checkpoint, which lists every stream's head, is a large event
   * (780 KB at 6,000 treaties), of which the log's end may hold several.
   */
  private async lastPositionBut(excluded: string | undefined): Promise<bigint | undefined> {
    for (let before: bigint | typeof END = END; ;) {
      let last: RecordedEvent | undefined;
      for await (const event of this.store.readAll({ direction: 'backwards', fromPosition: before, maxCount: 1 })) {
        last = event;
      }
      if (last === undefined) return undefined;
      if (last.streamName !== excluded) return last.position;
      before = last.position;
    }
  }

  /**
   * The checkpoint of the log as it stands: the latest one issued when it covers every event but checkpoints (a
   * GET asked again, after a restart, or on another replica, appends nothing), else a new one, signed and recorded.
   * So GET appends at most one checkpoint per move of the log, never one per request (decision 0054). Refused over
   * a log whose content fails verification. Recorded times found too far from their seals are named by
   * verification but do not refuse it: what a checkpoint signs (each stream's head hash) is intact, and an
   * append-only log could never be signed again after one clock's stray.
   */
  async checkpoint(): Promise<SignedCheckpoint> {
    for (;;) {
      const current = await this.currentCheckpoint();
      if (current) return current;
      // One issue at a time in a process: requests that arrive together after the log moved get one checkpoint. A
      // request that finds one under way waits for it and looks again: it may not cover what was written since.
      if (this.issuing) {
        await this.issuing.catch(() => undefined);
        continue;
      }
      this.issuing = this.issue().finally(() => (this.issuing = undefined));
      return this.issuing;
    }
  }

  /**
   * The latest checkpoint issued, when it covers every event of the log but checkpoints; undefined when the log has
   * moved past it (or none was issued). Never issues one: HEAD answers from it. One found in the log (issued before a
   * restart, or by another replica) is served once the log verifies, as a newly issued one would be.
   */
  async currentCheckpoint(): Promise<SignedCheckpoint | undefined> {
    this.readyKey();
    const head = await this.lastEventButCheckpoints();
    if (this.latest && covers(this.latest, head)) return this.latest;
    const recorded = await this.issued.latest();
    if (!recorded || !covers(recorded, head)) return undefined;
    await this.verifiedForCheckpoint();
    this.latest = recorded;
    return recorded;
  }

  /**
   * What GET would answer besides a checkpoint, without issuing one: 409 over a log that fails verification (503
   * without a signing key), as GET would before issuing. HEAD answers so once the log has moved past the latest
   * checkpoint, so that a monitor probing with HEAD is told what GET would say (decision 0059).
   */
  async refusalOfIssue(): Promise<void> {
    this.readyKey();
    await this.verifiedForCheckpoint();
  }

  /** The position of the log's last event that is not a checkpoint: recording one does not move the log. */
  private lastEventButCheckpoints(): Promise<bigint | undefined> {
    return this.lastPositionBut(CHECKPOINT_STREAM);
  }

  private async issue(): Promise<SignedCheckpoint> {
    const key = this.readyKey();
    // Taken before the log is read: every event recorded before it is then covered by the checkpoint, which lets
    // verification refuse an event placed after it that claims an earlier recorded time (a backdated insertion).
    // The wall clock, as the stores' recorded times are.
    const issuedAt = wallClock();
    const head = await this.lastEventButCheckpoints();
    const verified = await this.verifiedForCheckpoint();
    const checkpoint = signCheckpoint(verified.lastPosition ?? 0n, verified.heads, issuedAt, key.privateKey);
    // Another replica may have recorded one covering the same log meanwhile: then that one stands, and is answered.
    const recorded = await this.issued.record(checkpoint, head);
    this.latest = recorded;
    return recorded;
  }

  /**
   * The log verified against the checkpoints issued, or 409 when its content fails: nothing is signed over it. One
   * at a time, each taking on the last: the events appended since the last verification are read (decision 0071),
   * the whole log once a whole pass is due ({@link wholePassDue}), or when the last one cannot be taken further.
   */
  private verifiedForCheckpoint(): Promise<LogVerificationResult> {
    const verified = this.checkpointVerifications.then(() => this.verifyForCheckpoint());
    this.checkpointVerifications = verified.catch(() => undefined);
    return verified;
  }

  private async verifyForCheckpoint(): Promise<LogVerificationResult> {
    const { issued, verified } = await this.extendedOrWhole();
    if (!verified.contentIntact || issued.failures.length > 0) {
      throw new ApiProblem(
        409,
        'LOG_FAILS_VERIFICATION',
        'The log fails verification: no checkpoint is signed over it',
        {
          failures: [...issued.failures, ...verified.failures],
        },
      );
    }
    return verified;
  }

  /**
   * The last verification for a checkpoint taken on over the events appended since, against the checkpoints issued
   * since; else a whole pass, over the whole log and every checkpoint read again.
   */
  private async extendedOrWhole(): Promise<{ issued: CheckpointsFound; verified: LogVerificationResult }> {
    const kept = this.kept;
    this.kept = undefined;
    const now = this.clock().getTime();
    if (kept && !this.wholePassWanted && !wholePassDue(kept.wholePass, now)) {
      const issued = await this.issued.all();
      const from = kept.verification.lastPosition!;
      if (await kept.verification.extend(inTurns(this.store.readAll({ fromPosition: from })), issued.checkpoints)) {
        this.kept = kept;
        return { issued, verified: kept.verification.result() };
      }
    }
    this.wholePassWanted = false;
    const issued = await this.issued.all({ reread: true });
    const verification = new LogVerification(issued.checkpoints);
    await verification.read(inTurns(this.store.readAll()));
    const verified = verification.result();
    // Only a clean pass over a log that has an event is taken on; one that failed is done whole again next time.
    if (verified.contentIntact && issued.failures.length === 0 && verified.lastPosition !== undefined) {
      this.kept = { verification, wholePass: { at: now, tookMs: this.clock().getTime() - now } };
    }
    return { issued, verified };
  }

  /**
   * Streams one page of the raw log as NDJSON, honouring backpressure: constant memory for any page. The first
   * event is read before the answer starts, so that a position the store refuses (not an event's: 400) or a store
   * that fails (503) is answered as such, not as a 200 cut short.
   */
  async writeLog(after: bigint | undefined, limit: number, response: Response): Promise<void> {
    const events = this.store.readAll({ fromPosition: after ?? 'start' })[Symbol.asyncIterator]();
    const first = await events.next();
    response.status(200).type('application/x-ndjson');
    let last = after;
    let written = 0;
    // A read that fails from here on breaks the page off (ProblemDetailsFilter): it never ends as if whole, which an
    // auditor would take for the log's end.
    for await (const event of resumed(first, events)) {
      if (after !== undefined && event.position <= after) continue;
      if (!response.write(`${JSON.stringify(toExportedEvent(event))}\n`)) await once(response, 'drain');
      last = event.position;
      if (++written === limit) break;
    }
    response.end();
    this.logger.debug(`Served ${written} events of the log after ${after ?? 'the start'}, up to ${last ?? 'none'}`);
  }

  private readyKey(): Extract<SigningKey, { kind: 'ready' }> {
    if (this.key.kind !== 'ready') throw new ApiProblem(503, 'SIGNING_KEY_NOT_CONFIGURED', this.key.reason);
    return this.key;
  }
}

/** The finding for a treaty stream deleted for good: its record is gone, whatever $all still holds of it. */
function streamDeleted(stream: string): VerificationFailure {
  return {
    eventId: '',
    stream,
    revision: '',
    reason: 'the stream was deleted from the event store for good (by its operator: this service never deletes)',
  };
}

/** A stream's events; none when it does not exist. */
async function* eventsOrNone(events: AsyncIterable<RecordedEvent>): AsyncGenerator<RecordedEvent> {
  try {
    yield* events;
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
}

/** The rest of an iteration whose first result was taken already. */
async function* resumed<T>(first: IteratorResult<T>, rest: AsyncIterator<T>): AsyncGenerator<T> {
  try {
    if (first.done) return;
    yield first.value;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    await rest.return?.();
  }
}
