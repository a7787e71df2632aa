import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { EVENT_STORE, lastEventPosition, type EventStore } from '@timeline/event-store';
import { SqliteEventStore } from '@timeline/event-store-sqlite';
import { ReadModels } from '../read-models/read-models.service';

/**
 * The service's Prometheus metrics, in a registry of its own (not prom-client's global one), so that several app
 * instances in one process, as in tests, do not collide.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  readonly appends = new Counter({
    name: 'timeline_appends_total',
    help: 'Events appended by editors, by event type',
    labelNames: ['event_type'],
    registers: [this.registry],
  });
  readonly conflicts = new Counter({
    name: 'timeline_append_conflicts_total',
    help: 'Appends that met a concurrent write (412 to the editor, or retried internally without If-Match)',
    registers: [this.registry],
  });
  /** Set by the audit service after each verification of the whole log; -1 before the first. */
  readonly integrityFailures = new Gauge({
    name: 'timeline_integrity_failures',
    help: 'Events that failed the last verification of the whole log (-1: not verified yet); alert on > 0',
    registers: [this.registry],
  });
  readonly liveSubscribers = new Gauge({
    name: 'timeline_live_subscribers',
    help: 'Open SSE subscriptions',
    registers: [this.registry],
  });

  constructor(readModels: ReadModels, @Inject(EVENT_STORE) store: EventStore) {
    collectDefaultMetrics({ register: this.registry, prefix: 'timeline_' });
    this.integrityFailures.set(-1);
    new Gauge({
      name: 'timeline_projection_position',
      help: 'The global position the treaty-status projection has applied',
      registers: [this.registry],
      collect() {
        this.set(Number(readModels.projection.position ?? -1n));
      },
    });
    new Gauge({
      name: 'timeline_projection_lag_positions',
      help: "How far the projection is behind the log's last position (0 when caught up)",
      registers: [this.registry],
      async collect() {
        const head = await lastEventPosition(store);
        const applied = readModels.projection.position;
        this.set(head === undefined ? 0 : Number(head - (applied ?? 0n)));
      },
    });
    if (store instanceof SqliteEventStore) {
      // Their ratio is the mean group size of the embedded store's group commit (decision 0012).
      new Gauge({
        name: 'timeline_store_commits',
        help: 'Transactions (and fsyncs) the embedded store has committed appends in since it opened',
        registers: [this.registry],
        collect() {
          this.set(store.commitStats().commits);
        },
      });
      new Gauge({
        name: 'timeline_store_committed_appends',
        help: 'Appends the embedded store has put through a commit since it opened (written or refused)',
        registers: [this.registry],
        collect() {
          this.set(store.commitStats().appends);
        },
      });
      new Gauge({
        name: 'timeline_store_commits_failing',
        help: 'Whether the last commit of the embedded store failed, with none since succeeding (disk full, read-only data directory); alert on 1',
        registers: [this.registry],
        collect() {
          this.set(store.commitStats().failing ? 1 : 0);
        },
      });
    }
  }
}
