import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import { Subject } from 'rxjs';
import { EVENT_STORE, type EventStore } from '@timeline/event-store';
import {
  openReadModelDatabase,
  setPresentClock,
  openReadModelSnapshot,
  ProjectionRunner,
  ReadModelFiles,
  TreatyStatusQueries,
  treatyStatusProjection,
  type ProjectionStatus,
  type ReadModelSnapshot,
  type TreatyUpdate,
} from '@timeline/projections';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CLOCK, type Clock } from '../clock';
import { removeAbandonedRebuilds } from './rebuild-leftovers';

const POINTER_POLL_MS = 1000;
const CHANGES_PAGE = 500;

/**
 * The live read models: the treaty-status projection following the log into `projections.db` (or whichever
 * file a rebuild promoted), its queries, and the feed of updates it commits. When `npm run projections:rebuild`
 * promotes a new file, this switches to it as soon as its projection, resuming from that file's own checkpoint,
 * has caught up with the log.
 */
@Injectable()
export class ReadModels implements OnApplicationBootstrap, OnApplicationShutdown {
  /**
   * The live SSE feeds' source: each change once committed, while the served projection follows the log live. A
   * catch-up (at start, or of a promoted file) is published once it ends, each changed treaty's current status
   * once, as a reconnecting client gets them: never a string of states the treaty has long left.
   */
  readonly updates = new Subject<TreatyUpdate>();
  private readonly logger = new Logger('Projections');
  private readonly files: ReadModelFiles;
  private file!: string;
  private db!: Database;
  private runner!: ProjectionRunner<TreatyUpdate>;
  private queries!: TreatyStatusQueries;
  private poll: NodeJS.Timeout | undefined;
  private switching: Promise<void> | undefined;
  /** A promoted file whose projection stopped before catching up: not tried again until another is promoted. */
  private refused: string | undefined;
  private closing = false;
  /** The last position the feed has published; what the read model held when the service started counts as such. */
  private publishedUpTo = -1n;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.files = new ReadModelFiles(config.dataDir);
  }

  onApplicationBootstrap(): void {
    this.removeAbandonedRebuilds();
    const opened = this.open(this.files.current());
    this.publishedUpTo = opened.runner.position ?? -1n;
    this.serve(opened);
    this.poll = setInterval(() => this.followPromotion(), POINTER_POLL_MS);
    this.poll.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    clearInterval(this.poll);
    await this.switching;
    await this.runner.stop();
    this.db.close();
    this.updates.complete();
  }

  get treaties(): TreatyStatusQueries {
    return this.queries;
  }

  /**
   * The served read model at this moment, for a reader that spans event-loop turns (a download): its queries all see
   * that moment, whatever the projection commits meanwhile. The caller closes it.
   */
  snapshot(): ReadModelSnapshot {
    return openReadModelSnapshot(this.file, treatyStatusProjection.name, this.queries);
  }

  get projection(): {
    name: string;
    status: ProjectionStatus;
    position: bigint | undefined;
    furthestEvent: bigint | undefined;
    file: string;
  } {
    const { name, status, position, furthestEvent } = this.runner;
    return { name, status, position, furthestEvent, file: this.file };
  }

  waitForPosition(position: bigint, timeoutMs: number): Promise<boolean> {
    return this.runner.waitForPosition(position, timeoutMs);
  }

  /** Files of rebuilds interrupted without removing them (SIGKILL, a power cut): a rebuild still running keeps its. */
  private removeAbandonedRebuilds(): void {
    try {
      const removed = removeAbandonedRebuilds(this.files.dataDir, this.files.current());
      if (removed.length > 0) this.logger.log(`Removed files of interrupted rebuilds: ${removed.join(', ')}`);
    } catch (error) {
      // Only room is at stake: serving goes on.
      this.logger.warn(`Could not remove files of interrupted rebuilds: ${(error as Error).message}`);
    }
  }

  /** Opens a read-model file and starts its projection, publishing its updates only while it is the one served. */
  private open(file: string): { file: string; db: Database; runner: ProjectionRunner<TreatyUpdate> } {
    const db = openNamed(file);
    // The present's day (its statuses, listings by status) is the service's: tests set it (decision 0035).
    setPresentClock(db, this.clock);
    const runner: ProjectionRunner<TreatyUpdate> = new ProjectionRunner(this.store, db, treatyStatusProjection, {
      onCommitted: (updates) => {
        if (this.runner === runner && runner.status.kind === 'live') updates.forEach((update) => this.publish(update));
      },
      onCaughtUp: () => {
        if (this.runner === runner) this.publishChangesAfter(this.publishedUpTo);
      },
      onFailed: (status) =>
        this.logger.error(
          `Projection ${treatyStatusProjection.name} stopped at ${JSON.stringify(status.event)}: ${status.error}`,
        ),
    });
    void runner.start();
    return { file, db, runner };
  }

  private serve(opened: { file: string; db: Database; runner: ProjectionRunner<TreatyUpdate> }): void {
    this.file = opened.file;
    this.db = opened.db;
    this.runner = opened.runner;
    this.queries = new TreatyStatusQueries(opened.db);
    this.logger.log(`Read models in ${opened.file}`);
  }

  /**
   * Switches to a promoted file once its projection has caught up with the log: until then reads, readiness and
   * the live feed stay with the current one, so nothing served ever goes back in time.
   */
  private followPromotion(): void {
    const promoted = this.files.current();
    if (promoted === this.file || promoted === this.refused || this.switching) return;
    this.switching = (async () => {
      const next = this.open(promoted);
      const catchingUp = () => next.runner.status.kind === 'starting' || next.runner.status.kind === 'catching-up';
      while (catchingUp() && !this.closing) await new Promise((resolve) => setTimeout(resolve, 50));
      if (next.runner.status.kind !== 'live') {
        if (!this.closing) {
          this.refused = promoted;
          this.logger.error(`The promoted read models in ${promoted} did not catch up; still serving ${this.file}`);
        }
        await next.runner.stop();
        next.db.close();
        return;
      }
      const previous = { file: this.file, db: this.db, runner: this.runner };
      this.serve(next);
      // The promoted projection may be ahead of the one it replaces, with changes it could not publish while it
      // was not served: publish them now.
      this.publishChangesAfter(this.publishedUpTo);
      await previous.runner.stop();
      previous.db.close();
      try {
        this.files.retire(previous.file);
      } catch (error) {
        // Serving goes on from the promoted file: the one it replaced only takes room until removed by hand.
        this.logger.warn(
          `Could not remove ${previous.file}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      this.logger.log(`Switched to the rebuilt read models in ${promoted}`);
    })().finally(() => (this.switching = undefined));
  }

  private publish(update: TreatyUpdate): void {
    this.updates.next(update);
    if (update.position > this.publishedUpTo) this.publishedUpTo = update.position;
  }

  /** Publishes every treaty changed after `position`: its current status, once, in the order of the changes. */
  private publishChangesAfter(position: bigint): void {
    for (let after = position; ;) {
      const page = this.queries.changedAfter(after, CHANGES_PAGE);
      page.forEach((update) => this.publish(update));
      if (page.length < CHANGES_PAGE) return;
      after = page.at(-1)!.position;
    }
  }
}

/** SQLite's codes for a file that is not (or no longer) a database it can read. */
const DAMAGED = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

/**
 * Opens a read-model file, naming it when it cannot be: SQLite's own words ("file is not a database") say neither
 * which file nor that a read model is disposable, rebuilt from the log by `npm run projections:rebuild`.
 */
function openNamed(file: string): Database {
  try {
    return openReadModelDatabase(file);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const remedy =
      typeof code === 'string' && DAMAGED.has(code)
        ? ': it is damaged. The read models are rebuilt from the event log: run `npm run projections:rebuild`, then start the service again'
        : '';
    throw new Error(`Cannot open the read model ${file} (${(error as Error).message})${remedy}`, { cause: error });
  }
}
