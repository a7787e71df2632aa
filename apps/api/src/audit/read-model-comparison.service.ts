import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@timeline/event-store';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { rebuildProjections, type RebuildReport } from '../read-models/rebuild-projections';

/**
 * Compares the live read model with one rebuilt from the whole log into a scratch file, for auditors. A rebuild
 * replays every event in this process, so one runs at a time: a request that arrives while one runs gets its
 * report (it finishes after the request came), rather than a second replay beside it.
 */
@Injectable()
export class ReadModelComparison {
  private running?: Promise<RebuildReport>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  compare(): Promise<RebuildReport> {
    this.running ??= rebuildProjections(this.store, this.config, { dryRun: true }).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }
}
