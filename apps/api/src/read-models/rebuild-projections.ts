import { rmSync } from 'node:fs';
import type { EventStore } from '@timeline/event-store';
import {
  ReadModelFiles,
  diffTreatyReadModels,
  openReadModelDatabase,
  readCheckpoint,
  rebuildReadModel,
  treatyStatusProjection,
  type ReadModelDifference,
} from '@timeline/projections';

export interface RebuildReport {
  readonly file: string;
  readonly events: number;
  readonly milliseconds: number;
  readonly promoted: boolean;
  /** Differences between the live read model and the rebuilt one, as the rebuild finished. */
  readonly differences: readonly ReadModelDifference[];
}

/**
 * Blue-green rebuild: replays the whole log into a new file beside the live one, then either promotes it (a
 * running service switches to it within a second) or, for a dry run, only compares and removes it.
 */
export async function rebuildProjections(
  store: EventStore,
  dataDir: string,
  options: { dryRun: boolean },
): Promise<RebuildReport> {
  const files = new ReadModelFiles(dataDir);
  const result = await rebuildReadModel(store, [treatyStatusProjection], files.next());
  const live = openReadModelDatabase(files.current());
  const rebuilt = openReadModelDatabase(result.file);
  let differences: ReadModelDifference[];
  try {
    // A live read model of another version (the reason to rebuild after an upgrade) cannot be read by this build:
    // there is nothing to compare it with.
    const liveVersion = readCheckpoint(live, treatyStatusProjection.name)?.version;
    if (liveVersion === undefined || liveVersion === treatyStatusProjection.version) {
      treatyStatusProjection.setUp(live);
      differences = diffTreatyReadModels(live, rebuilt);
    } else {
      differences = [];
    }
  } finally {
    live.close();
    rebuilt.close();
  }
  if (options.dryRun) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${result.file}${suffix}`, { force: true });
  } else {
    files.promote(result.file);
  }
  return { ...result, promoted: !options.dryRun, differences };
}
