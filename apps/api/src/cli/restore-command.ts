import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { verifyLog, type SignedCheckpoint } from '@timeline/audit';
import type { RecordedEvent } from '@timeline/event-store';
import { isSqliteFile, readEventFile } from '@timeline/event-store-sqlite';
import { Sqlite } from '@timeline/sqlite-driver';
import { CHECKPOINTS_FILE, readCheckpointsCopy } from '../audit/issued-checkpoints';
import type { AppConfig } from '../config/app-config';

/**
 * A restore refused before anything in the data directory was touched; `exitCode` 1 for a backup that fails. The
 * probe for a process with the log open comes last, so that only it (and the checkpoints found changed since they
 * were read, both exit 2) can refuse after a probe that found the log closed has folded a leftover `-wal` into it.
 */
export class RestoreRefused extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

export interface RestoreReport {
  readonly events: number;
  readonly lastPosition: string | undefined;
  /** Where what the data directory held is now: nothing is deleted. */
  readonly setAside: string | undefined;
  readonly movedAside: readonly string[];
  /** Checkpoints issued from the data directory that reach past the restored log's end: events the restore lost. */
  readonly unreached: readonly Pick<SignedCheckpoint, 'position' | 'issuedAt'>[];
  /**
   * The bytes of a last line of the data directory's checkpoints without its newline (an append torn by a crash),
   * left out as the service leaves it out; 0 when there is none. The file is set aside whole.
   */
  readonly tornCheckpointBytes: number;
}

/**
 * Puts a backup in place as the embedded log (decision 0090). A running service's file is never replaced under it
 * (its connection would read a file it did not write: `database disk image is malformed`), a leftover `-wal` is
 * never replayed over the backup, and nothing is deleted: the log, its `-wal`/`-shm`, the read models and the
 * checkpoints the service issued are moved into one folder named by the time, the checkpoints the backup no longer
 * reaches named, since they are the evidence of the events the restore gives up.
 */
export async function restoreEventLog(config: AppConfig, backup: string, now = new Date()): Promise<RestoreReport> {
  if (config.store.kind !== 'embedded') {
    throw new RestoreRefused('npm run restore restores the embedded store; restore EventStoreDB with its own tools', 2);
  }
  const source = resolve(backup);
  const target = config.store.file;
  // Everything that can refuse the backup first: the probe below, when it finds the log closed, folds a leftover
  // -wal into it as it closes, so it comes last, just before the files move.
  refuseUnusableBackup(source, target);
  const checkpointsFile = join(config.dataDir, CHECKPOINTS_FILE);
  const { checkpoints, unterminated, bytes: checkpointBytes } = readCheckpoints(checkpointsFile);
  const { events, lastPosition } = await verifiedBackup(source, checkpoints);
  const unreached = checkpoints.filter(
    (checkpoint) => lastPosition === undefined || BigInt(checkpoint.position) > lastPosition,
  );

  // The copy is made and flushed beside the log first, then renamed over it: a crash leaves the old log or the backup.
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  const incoming = join(config.dataDir, `.events.db.restoring-${stamp}`);
  copyFileSync(source, incoming);
  flush(incoming);
  try {
    refuseWhileOpen(target);
    // Read while a service had the log open, and since stopped: a checkpoint issued in between is not verified.
    if (readCheckpoints(checkpointsFile).bytes !== checkpointBytes) {
      throw new RestoreRefused(`${checkpointsFile} changed while the backup was verified: run the restore again`, 2);
    }
  } catch (error) {
    rmSync(incoming, { force: true });
    throw error;
  }
  const setAside = join(config.dataDir, `before-restore-${stamp}`);
  const names = readdirSync(config.dataDir).filter(
    (name) => /^events\.db(-wal|-shm)?$/.test(name) || name.startsWith('projections') || name === CHECKPOINTS_FILE,
  );
  if (names.length > 0) {
    mkdirSync(setAside);
    for (const name of names) renameSync(join(config.dataDir, name), join(setAside, name));
    writeFileSync(
      join(setAside, 'restore.json'),
      `${JSON.stringify({ restoredAt: now.toISOString(), backup: source, events, lastPosition: lastPosition?.toString() ?? null, checkpointsNoLongerReached: unreached }, null, 2)}\n`,
    );
  }
  renameSync(incoming, target);
  flush(config.dataDir);
  return {
    events,
    lastPosition: lastPosition?.toString(),
    setAside: names.length > 0 ? setAside : undefined,
    movedAside: names,
    unreached: unreached.map(({ position, issuedAt }) => ({ position, issuedAt })),
    tornCheckpointBytes: unterminated,
  };
}

function refuseUnusableBackup(source: string, target: string): void {
  if (!existsSync(source)) throw new RestoreRefused(`${source} does not exist`, 2);
  if (source === target) throw new RestoreRefused(`${source} is the data directory's own log: name a backup`, 2);
  const head = Buffer.alloc(16);
  const descriptor = openSync(source, 'r');
  try {
    if (!isSqliteFile(head.subarray(0, readSyncInto(descriptor, head)))) {
      throw new RestoreRefused(`${source} is not an embedded store's file (npm run backup makes one)`, 2);
    }
  } finally {
    closeSync(descriptor);
  }
  // A copy taken with its -wal holds events only in the pair: copying the file alone would lose them.
  const wal = `${source}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw new RestoreRefused(`${wal} is not empty: the backup is a pair; make a single file with npm run backup`, 2);
  }
}

function readSyncInto(descriptor: number, buffer: Buffer): number {
  return readSync(descriptor, buffer, 0, buffer.length, 0);
}

/**
 * Whether a process (a running service, a rebuild) has the log open. Every connection to a log in WAL mode holds a
 * shared lock on it for as long as it is open; a connection in exclusive locking mode gets its exclusive lock only
 * when none is open, so asking for one without waiting answers the question, for any process on this machine.
 *
 * The probe is closed before the files move, not held until they have: closing the last connection to a WAL-mode
 * file checkpoints its -wal into the file (through the descriptor, so into the log set aside) and then unlinks the
 * -wal by its name in the data directory, which by then could be a -wal of the restored log opened by a service
 * started meanwhile. So a service started between the probe and the renames (a few system calls) is not caught: the
 * README says to keep it stopped. Called last, after every check that can refuse the backup.
 */
function refuseWhileOpen(target: string): void {
  if (!existsSync(target)) return;
  const probe = new Sqlite(target, { timeout: 0, fileMustExist: true });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('ROLLBACK');
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    throw new RestoreRefused(`${target} is open in another process (a running service?): stop it, then restore`, 2);
  } finally {
    probe.close();
  }
}

/**
 * The data directory's checkpoints, read as the service reads them (whole lines; a torn last line left out), with the
 * file's size, to find it changed. A line that does not parse refuses the restore, naming the file and the line.
 */
function readCheckpoints(file: string): {
  checkpoints: SignedCheckpoint[];
  unterminated: number;
  bytes: number;
} {
  try {
    // The size is the one the checkpoints were read at (not a second stat, which a checkpoint issued in between
    // would pass unread): a file that differs from it later changed since.
    return readCheckpointsCopy(file);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new RestoreRefused(
      `${error.message}: a checkpoint this data directory issued cannot be read; repair or move the line aside`,
      2,
    );
  }
}

/**
 * The backup's hash chain, verified as `npm run audit -- verify` does, and held against the checkpoints it reaches:
 * a backup that contradicts one is not of this log (or was altered), and is refused.
 */
async function verifiedBackup(
  source: string,
  checkpoints: readonly SignedCheckpoint[],
): Promise<{ events: number; lastPosition: bigint | undefined }> {
  const seen: { events: number; lastPosition?: bigint } = { events: 0 };
  const chain = await verifyLog(counted(readEventFile(source), seen));
  if (!chain.ok) throw new RestoreRefused(failed(`${basename(source)} fails verification`, chain.failures), 1);
  const { events, lastPosition } = seen;
  const reached = checkpoints.filter(
    (checkpoint) => lastPosition !== undefined && BigInt(checkpoint.position) <= lastPosition,
  );
  if (reached.length > 0) {
    const held = await verifyLog(readEventFile(source), reached);
    if (!held.ok) {
      throw new RestoreRefused(
        failed(
          `${basename(source)} contradicts checkpoints this data directory issued (another log's backup?)`,
          held.failures,
        ),
        1,
      );
    }
  }
  return { events, lastPosition };
}

async function* counted(
  events: AsyncIterable<RecordedEvent>,
  seen: { events: number; lastPosition?: bigint },
): AsyncGenerator<RecordedEvent> {
  for await (const event of events) {
    seen.events += 1;
    seen.lastPosition = event.position;
    yield event;
  }
}

function failed(what: string, failures: readonly { stream: string; revision: string; reason: string }[]): string {
  return [what, ...failures.slice(0, 10).map((f) => `  - ${f.stream}@${f.revision}: ${f.reason}`)].join('\n');
}

function flush(path: string): void {
  const descriptor = openSync(path, 'r');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}
