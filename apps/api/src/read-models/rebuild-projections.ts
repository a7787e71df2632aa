import { existsSync, mkdirSync, rmSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { EventStore } from '@timeline/event-store';
import { Sqlite } from '@timeline/sqlite-driver';
import {
  ReadModelFiles,
  diffTreatyReadModels,
  openReadModelDatabase,
  readCheckpoint,
  rebuildReadModelInParts,
  treatyStatusProjection,
  type ReadModelDifference,
  type RebuildResult,
} from '@timeline/projections';
import type { AppConfig } from '../config/app-config';
import { partsInWorkerThreads, rebuildPartsFor } from './parts-in-worker-threads';
import { claimRebuildFile, releaseRebuildFile, removeAbandonedRebuilds } from './rebuild-leftovers';
import { READ_MODEL_PROJECTIONS } from './read-model-projections';

/** A rebuild's result (its file, events, time and parts), and what became of it. */
export interface RebuildReport extends RebuildResult {
  readonly promoted: boolean;
  /** Differences between the live read model and the rebuilt one, as the rebuild finished. */
  readonly differences: readonly ReadModelDifference[];
  /**
   * The live read model's version, when it is another than this build's (after an upgrade): this build cannot read
   * it, so nothing was compared, and `differences` is empty without meaning that the two agree.
   */
  readonly liveVersion?: number;
  /**
   * The live read model, when it could not be read (a damaged file): nothing was compared, and a rebuild that
   * promotes replaces it, as the read model is disposable (the log gives it again).
   */
  readonly liveUnreadable?: { readonly file: string; readonly reason: string };
  /** Files of earlier rebuilds whose process is gone (interrupted), removed before this one began. */
  readonly removedLeftovers: readonly string[];
}

/**
 * Blue-green rebuild: replays the whole log into a new file beside the live one, then either promotes it (a
 * running service switches to it within a second) or, for a dry run, only compares and removes it. The log is
 * applied in parts, each in a worker thread with its own connection to the store (decision 0027): `store` itself
 * only finds where the log ends.
 */
export async function rebuildProjections(
  store: EventStore,
  config: Pick<AppConfig, 'dataDir' | 'store' | 'rebuildWorkers'>,
  options: { dryRun: boolean },
): Promise<RebuildReport> {
  const files = new ReadModelFiles(config.dataDir);
  mkdirSync(config.dataDir, { recursive: true }); // the only thing in it on EventStoreDB: the read models
  const removedLeftovers = removeAbandonedRebuilds(config.dataDir, files.current());
  const scratch = files.next();
  claimRebuildFile(scratch);
  try {
    const report = await rebuildClaimed(store, config, files, scratch, options);
    return { ...report, removedLeftovers };
  } finally {
    releaseRebuildFile(scratch);
  }
}

async function rebuildClaimed(
  store: EventStore,
  config: Pick<AppConfig, 'store' | 'rebuildWorkers'>,
  files: ReadModelFiles,
  scratch: string,
  options: { dryRun: boolean },
): Promise<Omit<RebuildReport, 'removedLeftovers'>> {
  let result: RebuildResult;
  let compared: Comparison;
  try {
    result = await rebuildReadModelInParts(store, READ_MODEL_PROJECTIONS, scratch, {
      parts: rebuildPartsFor(config.rebuildWorkers),
      runPart: partsInWorkerThreads(config.store),
    });
    compared = differencesFromLive(files.current(), result.file, options);
  } catch (error) {
    // A replay that stopped (a damaged event, the store gone) leaves a partial file nobody will use: each failed
    // attempt would otherwise keep another copy of the log's read model in the data folder.
    removeReadModelFile(scratch);
    throw error;
  }
  if (options.dryRun) {
    removeReadModelFile(result.file);
  } else {
    promoteOrRemove(files, result.file);
  }
  return { ...result, promoted: !options.dryRun, ...compared };
}

/**
 * A dry run's exit code (`npm run projections:rebuild -- --dry-run`): 0 when the live read model is what the log
 * gives, 1 when it is not, or cannot be compared (another version, or a file that cannot be read: it is to be rebuilt
 * anyway).
 */
export function dryRunExitCode(report: Pick<RebuildReport, 'differences' | 'liveVersion' | 'liveUnreadable'>): 0 | 1 {
  return report.differences.length > 0 || report.liveVersion !== undefined || report.liveUnreadable ? 1 : 0;
}

/**
 * Promotes the rebuilt file; when that fails (a full disk, a failed sync) before the pointer names it, removes it,
 * as nothing would ever use or remove it. Once the pointer names it, a failure (the folder's sync, after the
 * rename) keeps it: the pointer may already be on the disk, and a running service may be switching to it.
 */
function promoteOrRemove(files: ReadModelFiles, file: string): void {
  try {
    files.promote(file);
  } catch (error) {
    if (!pointerMayName(files, file)) removeReadModelFile(file);
    throw error;
  }
}

function pointerMayName(files: ReadModelFiles, file: string): boolean {
  try {
    return files.current() === file;
  } catch {
    return true; // the pointer cannot be read: the file is kept, as it may be live
  }
}

type Comparison = Pick<RebuildReport, 'differences' | 'liveVersion' | 'liveUnreadable'>;

/**
 * The differences between the live read model and the rebuilt one. A live file that cannot be read (damaged: "file
 * is not a database", "database disk image is malformed") is reported, not thrown: the rebuild is how it is
 * repaired, and must not be stopped by it. The rebuilt file is opened first, outside that: a failure to open it
 * fails the rebuild; a damaged file met once both are open is taken as the live file's (the rebuilt one was just
 * written, synced and opened).
 */
function differencesFromLive(liveFile: string, rebuiltFile: string, options: { dryRun: boolean }): Comparison {
  const rebuilt = openReadModelDatabase(rebuiltFile);
  try {
    return compareWithLive(liveFile, rebuilt);
  } catch (error) {
    // A rebuild that promotes compares only to report: whatever keeps it from comparing (a truncated file, one it may
    // not read) is said, and the rebuilt file replaces the live one all the same. A dry run's comparison is its
    // answer: only a damaged live file is reported as one; anything else fails it.
    if (options.dryRun && !isDamagedFile(error)) throw error;
    return { differences: [], liveUnreadable: { file: liveFile, reason: (error as Error).message } };
  } finally {
    rebuilt.close();
  }
}

/**
 * SQLite's answers for a file whose bytes are not a database it can read. Anything else met while comparing (a full
 * disk, a fault in the comparison) is no reason to call the live file unreadable, and fails the rebuild as before.
 */
function isDamagedFile(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)(_|$)/.test(code);
}

function compareWithLive(liveFile: string, rebuilt: Database): Comparison {
  const live = openLiveForReading(liveFile);
  try {
    // A live read model of another version (the reason to rebuild after an upgrade) cannot be read by this build:
    // there is nothing to compare it with.
    const liveVersion = readCheckpoint(live, treatyStatusProjection.name)?.version;
    if (liveVersion !== undefined && liveVersion !== treatyStatusProjection.version) {
      return { differences: [], liveVersion };
    }
    return { differences: diffTreatyReadModels(live, rebuilt) };
  } finally {
    live.close();
  }
}

/**
 * The live read model as it stands, opened read-only and read in one transaction: a running service may be
 * committing to it, and comparing must not write to it (no journal mode set, no table or index set up, which a
 * read-write open would do to a file an older start left). No live read model (a copy of the log alone, a service
 * never started), or a file with no projection in it yet: compared with an empty one, made in memory. A file in
 * WAL mode that no process has open is left with an empty `-wal` and `-shm` beside it, which a read-only connection
 * cannot remove (the next process to open it takes them over).
 */
function openLiveForReading(liveFile: string): Database {
  if (existsSync(liveFile)) {
    const live = new Sqlite(liveFile, { readonly: true, fileMustExist: true, timeout: 10_000 });
    try {
      live.exec('BEGIN');
      if (live.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'checkpoints'`).get() !== undefined) return live;
    } catch (error) {
      live.close();
      throw error;
    }
    live.close();
  }
  const empty = openReadModelDatabase(':memory:');
  treatyStatusProjection.setUp(empty);
  return empty;
}

function removeReadModelFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}
