import type { EventStore } from '@timeline/event-store';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';
import { openReadModelDatabase } from './read-model-database';

export interface RebuildResult {
  readonly file: string;
  readonly events: number;
  readonly milliseconds: number;
}

/**
 * Replays the whole log into a new read-model file and stops when it has caught up. Promoting the file (making
 * it live) is the caller's decision: a dry run compares it with the live one instead.
 */
export async function rebuildReadModel(
  store: EventStore,
  projections: readonly Projection<unknown>[],
  file: string,
): Promise<RebuildResult> {
  const started = Date.now();
  const db = openReadModelDatabase(file);
  let events = 0;
  try {
    for (const projection of projections) {
      const counting: Projection<unknown> = {
        ...projection,
        apply: (database, batch) => {
          events += batch.length;
          return projection.apply(database, batch);
        },
      };
      const runner = new ProjectionRunner(store, db, counting, { stopWhenCaughtUp: true, batchSize: 2000 });
      await runner.start();
      if (runner.status.kind === 'failed') {
        throw new Error(`Rebuild of "${projection.name}" stopped: ${runner.status.error}`);
      }
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return { file, events, milliseconds: Date.now() - started };
}
