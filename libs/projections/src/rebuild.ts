import type { Database } from 'better-sqlite3';
import type { EventStore } from '@timeline/event-store';
import { syncFile } from './durable-files';
import type { Projection } from './projection';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';
import { openReadModelDatabase } from './read-model-database';
import { ReplayStoppedError, replayStop } from './replay-stopped.error';

export interface RebuildResult {
  readonly file: string;
  readonly events: number;
  readonly milliseconds: number;
  /** How many parts (threads) applied the log: 1 when it ran in the calling thread. */
  readonly parts: number;
}

/** Events per read-model transaction during a rebuild: large enough that commits cost little. */
const REBUILD_BATCH_SIZE = 2000;

/**
 * Replays the whole log into a new read-model file, in this thread, and stops when it has caught up. Promoting the
 * file (making it live) is the caller's decision: a dry run compares it with the live one instead. A rebuild in
 * parts (`rebuildReadModelInParts`) spreads the same work over threads.
 */
export async function rebuildReadModel(
  store: EventStore,
  projections: readonly Projection<unknown>[],
  file: string,
): Promise<RebuildResult> {
  const started = Date.now();
  const db = openRebuildDatabase(file);
  let events = 0;
  try {
    for (const projection of projections) {
      events += await replayInto(db, store, projection, {});
    }
  } catch (error) {
    db.close();
    throw error;
  }
  finishRebuildDatabase(db, file);
  return { file, events, milliseconds: Date.now() - started, parts: 1 };
}

/**
 * Applies the log (or the part of it that `options` select) to one projection in `db`, until caught up; returns
 * how many events it applied. Throws `ReplayStoppedError`, naming the event, if the store could not read one or the
 * projection refused one (or the store failed), and naming the last position applied if the store's subscription
 * ended before the end of the log.
 */
export async function replayInto(
  db: Database,
  store: EventStore,
  projection: Projection<unknown>,
  options: Pick<ProjectionRunnerOptions<unknown>, 'partition' | 'stopAfter'>,
): Promise<number> {
  let events = 0;
  const counting: Projection<unknown> = {
    ...projection,
    apply: (database, batch) => {
      events += batch.length;
      return projection.apply(database, batch);
    },
  };
  const runner = new ProjectionRunner(store, db, counting, {
    ...options,
    stopWhenCaughtUp: true,
    batchSize: REBUILD_BATCH_SIZE,
  });
  await runner.start();
  const { status } = runner;
  if (status.kind === 'failed') {
    throw new ReplayStoppedError(replayStop(projection.name, status.event, runner.failureCause));
  }
  // A subscription that ended before the end of the log would leave a read model without the events after it,
  // and a checkpoint (the merge's `through`, for a part) that claims them.
  const reachedItsEnd =
    status.kind === 'stopped' && (status.reason === 'caught-up' || status.reason === 'reached-stop-after');
  if (!reachedItsEnd) {
    const part = options.partition ? ` (part ${options.partition.index} of ${options.partition.count})` : '';
    const applied = runner.position === undefined ? 'before any event' : `after position ${runner.position}`;
    throw new Error(
      `Rebuild of "${projection.name}"${part} is incomplete: the store's subscription ended ${applied}, ` +
        'before the end of the log',
    );
  }
  return events;
}

/**
 * A read-model file that nobody reads before the rebuild has finished and synced it (`finishRebuildDatabase`):
 * its transactions keep their rollback journal in memory and nothing is synced until then, so each page is
 * written once instead of to the WAL and again to the file. A rebuild that fails or dies leaves a file that is
 * never promoted; a failure removes it.
 */
export function openRebuildDatabase(file: string): Database {
  const db = openReadModelDatabase(file);
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  return db;
}

/** Turns a rebuilt file into a read model like any other (WAL), closes it and syncs it to disk. */
export function finishRebuildDatabase(db: Database, file: string): void {
  try {
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
  syncFile(file);
}
