import { Inject, Injectable, Logger } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { EVENT_STORE, lastEventPosition, matchesFilter, type EventStore } from '@timeline/event-store';
import { checkpointPastTheLogEnd, treatyStatusProjection } from '@timeline/projections';
import { ReadModels } from './read-models.service';

/** How many of the log's last events a health check reads, at most, to see past those the projection skips. */
const TAIL_SCANNED = 200;
/** How often a read model ahead of the log is said in the log, at most. */
const WARNING_INTERVAL_MS = 60_000;

/**
 * Up once the projection has caught up with the log and follows it. Down before that (a fresh replica, a restart
 * far behind the log), since reads would serve an old state, and down, naming the event, when it has stopped at
 * one. Down too, saying why (and warning once a minute), when its checkpoint is past the log's end because events it
 * applied are gone from the log: a restore from an older backup under the running service (decision 0064). Reports
 * its position and lag either way.
 */
@Injectable()
export class ProjectionHealthIndicator {
  private readonly logger = new Logger('Projections');
  private lastWarnedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'projections'): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    // What was applied is taken before the log's end is read: the log only grows, the projection only follows it.
    const { name, status, position, furthestEvent } = this.readModels.projection;
    const head = await this.headPosition();
    const aheadOfTheLog = head === null ? undefined : checkpointPastTheLogEnd(name, { position, furthestEvent }, head);
    if (aheadOfTheLog) this.warn(aheadOfTheLog);
    const details = {
      [name]: {
        state: status.kind,
        position: position?.toString() ?? null,
        headPosition: head === null ? 'unknown' : (head?.toString() ?? null),
        caughtUp: aheadOfTheLog ? false : await this.caughtUp(position, head),
        ...(aheadOfTheLog ? { aheadOfTheLog } : {}),
        ...(status.kind === 'failed' ? { failedAt: status.event ?? null, error: status.error } : {}),
        ...(status.kind === 'stopped' ? { stoppedBecause: status.reason } : {}),
      },
    };
    return status.kind === 'live' && !aheadOfTheLog ? indicator.up(details) : indicator.down(details);
  }

  private warn(message: string): void {
    const now = Date.now();
    if (now - this.lastWarnedAt < WARNING_INTERVAL_MS) return;
    this.lastWarnedAt = now;
    this.logger.warn(message);
  }

  /**
   * Whether no event the projection follows comes after its position. The log's head alone does not say: the log
   * often ends with events of streams it does not read (each signed checkpoint, each webhook delivery recorded), and
   * its position stays at its own last event. The last events are read back to its position, at most
   * TAIL_SCANNED of them, so a check costs a bounded read; past that it says false rather than guess.
   */
  private async caughtUp(position: bigint | undefined, head: bigint | undefined | null): Promise<boolean | null> {
    if (head === null) return null;
    if (head === undefined || (position !== undefined && position >= head)) return true;
    let scanned = 0;
    try {
      for await (const event of this.store.readAll({ direction: 'backwards', maxCount: TAIL_SCANNED })) {
        if (position !== undefined && event.position <= position) return true;
        if (matchesFilter(event, treatyStatusProjection.filter)) return false;
        scanned += 1;
      }
    } catch {
      return null;
    }
    // The whole log was read without meeting an event the projection follows.
    return scanned < TAIL_SCANNED;
  }

  /** The log's last position; undefined for an empty log, null when the store does not answer (reported apart). */
  private async headPosition(): Promise<bigint | undefined | null> {
    try {
      return await lastEventPosition(this.store);
    } catch {
      return null;
    }
  }
}
