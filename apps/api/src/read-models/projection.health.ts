import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { EVENT_STORE, lastEventPosition, type EventStore } from '@timeline/event-store';
import { ReadModels } from './read-models.service';

/**
 * Up once the projection has caught up with the log and follows it. Down before that (a fresh replica, a restart
 * far behind the log), since reads would serve an old state, and down, naming the event, when it has stopped at
 * one. Reports its position and lag either way.
 */
@Injectable()
export class ProjectionHealthIndicator {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'projections'): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    const { name, status, position } = this.readModels.projection;
    const head = await this.headPosition();
    const details = {
      [name]: {
        state: status.kind,
        position: position?.toString() ?? null,
        headPosition: head === null ? 'unknown' : (head?.toString() ?? null),
        caughtUp: head === null ? null : head === undefined || (position !== undefined && position >= head),
        ...(status.kind === 'failed' ? { failedAt: status.event ?? null, error: status.error } : {}),
        ...(status.kind === 'stopped' ? { stoppedBecause: status.reason } : {}),
      },
    };
    return status.kind === 'live' ? indicator.up(details) : indicator.down(details);
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
