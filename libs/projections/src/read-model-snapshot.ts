import { Sqlite } from '@timeline/sqlite-driver';
import { readCheckpoint } from './read-model-database';
import { TreatyStatusQueries } from './treaty-status/treaty-status.queries';

/**
 * One moment of a read model, for a reader that spans many queries and event-loop turns (a streamed download): a
 * read-only connection of its own, inside one read transaction, so that no commit of the projection made meanwhile
 * shows half-way. In WAL mode it blocks no writer; the log cannot be checkpointed past it until it is closed, so
 * close it as soon as the reader is done (or gone).
 */
export interface ReadModelSnapshot {
  readonly treaties: TreatyStatusQueries;
  /** The position of the last event the snapshot holds, or undefined when the projection had applied none. */
  readonly position: bigint | undefined;
  /** The projection's version that wrote it (how its views are rendered), or undefined for an empty file. */
  readonly version: number | undefined;
  close(): void;
}

/**
 * Opens a snapshot of a read-model file as it stands now. `live`, the queries of the live connection to the same
 * file: the snapshot takes the views it has rendered at the same moment rather than render them again.
 */
export function openReadModelSnapshot(file: string, projection: string, live?: TreatyStatusQueries): ReadModelSnapshot {
  const db = new Sqlite(file, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    db.exec('BEGIN');
    // A read transaction takes its snapshot at its first read, not at BEGIN: this read is the moment it holds.
    const checkpoint = readCheckpoint(db, projection);
    return {
      treaties: new TreatyStatusQueries(db, live),
      position: checkpoint?.position,
      version: checkpoint?.version,
      close: () => {
        if (db.open) db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
