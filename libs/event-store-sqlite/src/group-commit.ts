import { EventStoreUnavailableError } from '@timeline/event-store';
import { AppendWorker, type WorkerConnection } from './append-worker';
import type { AppendOutcome, EncodedAppend, GroupWriter } from './group-writer';

interface Waiting {
  readonly append: EncodedAppend;
  readonly resolve: (outcome: AppendOutcome) => void;
  readonly reject: (error: Error) => void;
}

/** How many commits wrote how many appends (their ratio is the mean group size), and whether the thread runs. */
export interface CommitStats {
  readonly commits: number;
  readonly appends: number;
  readonly commitThreadStarted: boolean;
  /** The last commit's failure when no commit has succeeded since: disk full, a read-only file, a lock held. */
  readonly failing?: CommitFailure;
}

/** Why commits fail, as SQLite said it (`SQLITE_FULL`, `SQLITE_READONLY`...), and since when. */
export interface CommitFailure {
  readonly code?: string;
  readonly message: string;
  readonly since: Date;
}

/**
 * Group commit: the appends that arrive while the loop turns (and while a group is being committed) are committed
 * together, in arrival order, in one transaction and one fsync. An append alone is committed at once on the
 * main thread's connection, sparing it the hop to the worker; a group goes to the append worker, so the loop keeps
 * serving requests (and forming the next group) during its fsync. Each append's promise settles only after the
 * commit that holds it, and commits never overlap, so acknowledgements come in the order of the log.
 */
export class GroupCommit {
  private waiting: Waiting[] = [];
  private flushScheduled = false;
  private committing: Promise<void> | undefined;
  private worker: AppendWorker | undefined;
  private closing = false;
  private commits = 0;
  private appends = 0;
  private failing: CommitFailure | undefined;

  constructor(
    private readonly connection: WorkerConnection,
    private readonly inline: GroupWriter,
  ) {}

  /** Queues the append for the next commit; resolves once it is durable (or refused, with the reason). */
  commit(append: EncodedAppend): Promise<AppendOutcome> {
    if (this.closing) return Promise.reject(new EventStoreUnavailableError('The embedded event store is closed'));
    // Started at the first append, not with the store: a process that only reads (a rebuild, a verification)
    // never pays for the thread (about 10 MiB), and the thread starts and opens the file while that first
    // append, alone, is committed inline, so the first group rarely waits for it.
    this.worker ??= new AppendWorker(this.connection);
    return new Promise((resolve, reject) => {
      this.waiting.push({ append, resolve, reject });
      this.scheduleFlush();
    });
  }

  stats(): CommitStats {
    return {
      commits: this.commits,
      appends: this.appends,
      commitThreadStarted: this.worker !== undefined,
      ...(this.failing ? { failing: this.failing } : {}),
    };
  }

  /** Refuses new appends, commits every one already queued, then stops the worker. */
  async close(): Promise<void> {
    this.closing = true;
    while (this.waiting.length > 0 || this.committing || this.flushScheduled) {
      await (this.committing ?? new Promise((resolve) => setImmediate(resolve)));
    }
    await this.worker?.close();
    this.worker = undefined;
  }

  private noteFailure(error: unknown): void {
    const { code, message } = error as { code?: unknown; message?: unknown };
    this.failing = {
      ...(typeof code === 'string' ? { code } : {}),
      message: typeof message === 'string' ? message : String(error),
      since: this.failing?.since ?? new Date(),
    };
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.committing) return;
    this.flushScheduled = true;
    // After the I/O callbacks of this turn of the loop: the appends of every request read in it join the group.
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    const group = this.waiting;
    this.waiting = [];
    if (group.length === 0) return;
    this.commits += 1;
    this.appends += group.length;
    if (group.length === 1) {
      const [only] = group as [Waiting];
      try {
        only.resolve(this.inline.writeOne(only.append));
        this.failing = undefined;
      } catch (error) {
        this.noteFailure(error);
        only.reject(unavailable(error));
      }
      return;
    }
    this.committing = this.commitInWorker(group).finally(() => {
      this.committing = undefined;
      if (this.waiting.length > 0) this.scheduleFlush();
    });
  }

  private async commitInWorker(group: readonly Waiting[]): Promise<void> {
    try {
      if (!this.worker?.alive) this.worker = new AppendWorker(this.connection);
      const outcomes = await this.worker.commit(group.map((waiting) => waiting.append));
      group.forEach((waiting, index) => waiting.resolve(outcomes[index]!));
      this.failing = undefined;
    } catch (error) {
      this.noteFailure(error);
      const failure = unavailable(error);
      for (const waiting of group) waiting.reject(failure);
    }
  }
}

/** A commit that failed as a whole (file gone or locked past the busy timeout, disk full, worker lost). */
function unavailable(error: unknown): EventStoreUnavailableError {
  return new EventStoreUnavailableError('The embedded event store could not commit the append', error);
}
