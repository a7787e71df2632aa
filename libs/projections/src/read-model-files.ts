import { existsSync, fsyncSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { replaceFileDurably, syncDirectory, syncFile, type SyncDescriptor } from './durable-files';

const POINTER = 'projections.current';
const DEFAULT_FILE = 'projections.db';

/**
 * Which read-model file is live. A rebuild writes a new file beside the live one and, once it has caught up,
 * points `projections.current` at it with an atomic rename: readers switch from one complete read model to the
 * other, never through an empty one. Each step is synced before the next, so that after a power cut the pointer
 * names the old file or the new one, and the file it names is there.
 */
export class ReadModelFiles {
  constructor(
    readonly dataDir: string,
    private readonly sync: SyncDescriptor = fsyncSync,
  ) {}

  /**
   * The live read-model file. Without a pointer, or with an empty one (which a version that did not sync it could
   * leave after a power cut), `projections.db`; a file that is not there is created and replayed from the start.
   */
  current(): string {
    const pointer = join(this.dataDir, POINTER);
    const named = existsSync(pointer) ? basename(readFileSync(pointer, 'utf8').trim()) : '';
    return join(this.dataDir, named || DEFAULT_FILE);
  }

  /** A fresh file name for a rebuild. */
  next(now = new Date()): string {
    return join(this.dataDir, `projections-${now.toISOString().replace(/[-:.]/g, '')}.db`);
  }

  /** Makes a closed read-model file of the data folder the live one: its contents and its entry first, then the pointer. */
  promote(file: string): void {
    syncFile(file, this.sync);
    syncDirectory(dirname(file), this.sync);
    replaceFileDurably(join(this.dataDir, POINTER), `${basename(file)}\n`, this.sync);
  }

  /**
   * Removes a read model the pointer no longer names. The folder is synced first: the pointer's rename, which
   * another process made, might otherwise reach the disk after the removal, and name a file that is gone.
   */
  retire(file: string): void {
    syncDirectory(this.dataDir, this.sync);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
}
