import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const POINTER = 'projections.current';
const DEFAULT_FILE = 'projections.db';

/**
 * Which read-model file is live. A rebuild writes a new file beside the live one and, once it has caught up,
 * points `projections.current` at it with an atomic rename: readers switch from one complete read model to the
 * other, never through an empty one.
 */
export class ReadModelFiles {
  constructor(readonly dataDir: string) {}

  /** The live read-model file. */
  current(): string {
    const pointer = join(this.dataDir, POINTER);
    if (!existsSync(pointer)) return join(this.dataDir, DEFAULT_FILE);
    return join(this.dataDir, basename(readFileSync(pointer, 'utf8').trim()));
  }

  /** A fresh file name for a rebuild. */
  next(now = new Date()): string {
    return join(this.dataDir, `projections-${now.toISOString().replace(/[-:.]/g, '')}.db`);
  }

  promote(file: string): void {
    const pointer = join(this.dataDir, POINTER);
    const temporary = `${pointer}.${process.pid}.tmp`;
    writeFileSync(temporary, `${basename(file)}\n`);
    renameSync(temporary, pointer);
  }
}
