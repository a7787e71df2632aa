import { Injectable } from '@nestjs/common';

/**
 * Runs this process's writes to one treaty one after another; writes to different treaties still run (and commit)
 * together. Without it, concurrent writes to a busy treaty all decide on the same state and append at the same
 * revision: one wins each commit and the rest conflict, read again and retry, and under enough contention a writer
 * runs out of attempts. In turn, each write decides on the state its predecessor left. Writes from other
 * processes or replicas are still caught by the append's expected revision.
 */
@Injectable()
export class OneWriteAtATime {
  private readonly lastWrite = new Map<string, Promise<void>>();

  /** Runs `write` once every write to `treatyId` that came before it has settled. */
  run<T>(treatyId: string, write: () => Promise<T>): Promise<T> {
    const previous = this.lastWrite.get(treatyId);
    const result = previous ? previous.then(write) : write();
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.lastWrite.set(treatyId, settled);
    void settled.then(() => {
      if (this.lastWrite.get(treatyId) === settled) this.lastWrite.delete(treatyId);
    });
    return result;
  }

  /** How many treaties have a write running or waiting (for tests). */
  get busyTreaties(): number {
    return this.lastWrite.size;
  }
}
