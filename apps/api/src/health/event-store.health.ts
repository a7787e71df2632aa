import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@timeline/event-store';
import { SqliteEventStore } from '@timeline/event-store-sqlite';

@Injectable()
export class EventStoreHealthIndicator {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly health: HealthIndicatorService,
  ) {}

  async isReachable(key = 'eventStore'): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    try {
      await this.store.ping();
      // A store that answers but cannot commit (disk full, read-only data directory) still serves every read, and
      // the embedded log has no other replica to send writes to: readiness stays up, so that a load balancer keeps
      // sending the reads, and says why writes fail, for the operator (as does timeline_store_commits_failing).
      const failing = this.store instanceof SqliteEventStore ? this.store.commitStats().failing : undefined;
      if (failing) {
        return indicator.up({
          commits: 'failing',
          commitFailure: { code: failing.code, message: failing.message, since: failing.since.toISOString() },
        });
      }
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
