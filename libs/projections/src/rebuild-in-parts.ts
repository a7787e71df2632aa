import { rmSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { lastEventPosition, type EventStore, type StreamPartition } from '@timeline/event-store';
import type { Projection } from './projection';
import { writeCheckpoint } from './read-model-database';
import {
  finishRebuildDatabase,
  openRebuildDatabase,
  rebuildReadModel,
  replayInto,
  type RebuildResult,
} from './rebuild';

/** One part of a rebuild: the streams of `partition`, up to `through`, into a file of its own. */
export interface PartPlan {
  readonly file: string;
  readonly partition: StreamPartition;
  /** The log's last position when the rebuild began: every part stops there. */
  readonly through: bigint;
}

export interface PartResult {
  readonly events: number;
}

/**
 * Runs `rebuildPart` for one plan, somewhere: the app runs each in a worker thread with a store of its own. When
 * `signal` aborts (another part failed), it stops and rejects.
 */
export type PartRunner = (plan: PartPlan, signal: AbortSignal) => Promise<PartResult>;

/** SQLite attaches at most 10 databases to a connection; more parts than cores would only wait for each other. */
export const MAX_REBUILD_PARTS = 8;

/**
 * Rebuilds the read model with the log split by stream into `parts` (decision 0027): each part is applied by
 * `runPart` (in a thread of its own) into a file of its own, the first of them `file` itself, and the others are
 * then merged into it. The parts stop at the log's last event when the rebuild began; what came after it (appends
 * made meanwhile, a deletion recorded last) is then applied in this thread until caught up, as a rebuild in one
 * thread would. With one part, with a projection that cannot be split, or on an empty log, this is
 * `rebuildReadModel`, in this thread.
 */
export async function rebuildReadModelInParts(
  store: EventStore,
  projections: readonly Projection<unknown>[],
  file: string,
  options: { readonly parts: number; readonly runPart: PartRunner },
): Promise<RebuildResult> {
  const started = Date.now();
  const parts = Math.min(Math.floor(options.parts), MAX_REBUILD_PARTS);
  const through = await lastEventPosition(store);
  // `!(parts >= 2)`: a count that is no number (NaN) would otherwise make no part, and merge nothing.
  if (!(parts >= 2) || through === undefined || projections.some((projection) => !projection.partitioned)) {
    return rebuildReadModel(store, projections, file);
  }
  const files = Array.from({ length: parts }, (_, index) => (index === 0 ? file : `${file}.part-${index}`));
  try {
    // The first part to fail stops the others (each would otherwise apply its whole part, or wait for ever on a
    // store that does not answer, before the rebuild could report the failure), and it is the failure reported.
    const stop = new AbortController();
    let failure: { readonly reason: unknown } | undefined;
    const settled = await Promise.allSettled(
      files.map((partFile, index) =>
        options
          .runPart({ file: partFile, partition: { index, count: parts }, through }, stop.signal)
          .catch((reason: unknown) => {
            failure ??= { reason };
            stop.abort();
            throw reason;
          }),
      ),
    );
    if (failure) throw failure.reason;
    const db = openRebuildDatabase(file);
    let events = settled.reduce((sum, outcome) => sum + (outcome.status === 'fulfilled' ? outcome.value.events : 0), 0);
    try {
      mergeParts(db, files.slice(1), projections, through);
      // What came after `through`: appends made during the rebuild, and a deletion recorded last (EventStoreDB's
      // reads, which found `through`, skip the record of a stream deleted for good).
      for (const projection of projections) events += await replayInto(db, store, projection, {});
    } catch (error) {
      db.close();
      throw error;
    }
    finishRebuildDatabase(db, file);
    return { file, events, milliseconds: Date.now() - started, parts };
  } finally {
    for (const partFile of files.slice(1)) removeFile(partFile);
  }
}

/** Applies one part of the log to every projection, each as its `partitioned.part`, into the plan's file. */
export async function rebuildPart(
  store: EventStore,
  projections: readonly Projection<unknown>[],
  plan: PartPlan,
): Promise<PartResult> {
  const db = openRebuildDatabase(plan.file);
  let events = 0;
  try {
    for (const projection of projections) {
      if (!projection.partitioned) throw new Error(`Projection "${projection.name}" cannot be rebuilt in parts`);
      events += await replayInto(db, store, projection.partitioned.part, {
        partition: plan.partition,
        stopAfter: plan.through,
      });
    }
  } finally {
    db.close();
  }
  return { events };
}

function mergeParts(
  db: Database,
  others: readonly string[],
  projections: readonly Projection<unknown>[],
  through: bigint,
): void {
  const schemas = others.map((_, index) => `part_${index + 1}`);
  others.forEach((other, index) => db.prepare(`ATTACH DATABASE ? AS ${schemas[index]!}`).run(other));
  // Without a rollback journal: the parts' rows go between the first part's, so an in-memory journal would hold a
  // copy of most of its pages (measured: the process's peak grew by 200 MB). A merge that fails leaves a file
  // nobody promotes, and the caller removes it.
  db.pragma('journal_mode = OFF');
  db.transaction(() => {
    for (const projection of projections) {
      projection.partitioned!.merge(db, schemas);
      writeCheckpoint(db, projection.name, projection.version, through);
    }
  })();
  for (const schema of schemas) db.exec(`DETACH DATABASE ${schema}`);
  db.pragma('journal_mode = MEMORY');
}

function removeFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}
