import { Worker } from 'node:worker_threads';
import type * as WorkerThreads from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import { SQLITE_DRIVER_PATH } from '@timeline/sqlite-driver';
import { decodeGroup, decodeOutcomes, encodeGroup, encodeOutcomes, type GroupMessage } from './group-messages';
import { createGroupWriter, type AppendOutcome, type EncodedAppend } from './group-writer';

/** The file the worker opens, and how long it waits for another writer's lock. */
export interface WorkerConnection {
  readonly file: string;
  readonly busyTimeoutMs: number;
}

interface WorkerData {
  readonly connection: WorkerConnection;
  readonly driverPath: string;
}

type WorkerReply =
  { readonly outcomes: GroupMessage } | { readonly failure: { readonly message: string; readonly code?: string } };

/**
 * The worker's body, sent as source text together with `createGroupWriter` and the message codecs (passed in,
 * since an imported name means nothing in the worker): its own connection to the file, with the same durability
 * settings as the store's, commits each group it is sent and answers with the outcomes, or with the error that
 * rolled the group back.
 */
function appendWorkerMain(
  createWriter: typeof createGroupWriter,
  decode: typeof decodeGroup,
  encode: typeof encodeOutcomes,
): void {
  /* eslint-disable @typescript-eslint/no-require-imports -- the worker runs this as a CommonJS script */
  const threads = require('node:worker_threads') as typeof WorkerThreads;
  const { connection, driverPath } = threads.workerData as WorkerData;
  const Database = require(driverPath) as typeof BetterSqlite3;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const port = threads.parentPort!;
  const db = new Database(connection.file, { timeout: connection.busyTimeoutMs });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const writer = createWriter(db);
  port.on('message', (group: GroupMessage | 'close') => {
    if (group === 'close') {
      db.close();
      port.close();
      return;
    }
    try {
      port.postMessage({ outcomes: encode(writer.writeGroup(decode(group))) });
    } catch (error) {
      const { message, code } = error as { message: string; code?: string };
      port.postMessage({ failure: { message, code } });
    }
  });
}

const WORKER_SOURCE = `(${appendWorkerMain.toString()})(${[createGroupWriter, decodeGroup, encodeOutcomes].map(String).join()});`;

/**
 * A thread with its own connection that commits groups of appends, so that the fsync of a group does not block
 * the event loop while the next group forms. One group at a time; it holds the process open only while it works.
 */
export class AppendWorker {
  private readonly worker: Worker;
  private waiting: { resolve: (outcomes: AppendOutcome[]) => void; reject: (error: Error) => void } | undefined;
  private exited = false;
  private readonly exit: Promise<void>;

  constructor(connection: WorkerConnection) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { connection, driverPath: SQLITE_DRIVER_PATH } satisfies WorkerData,
    });
    this.worker.unref();
    this.worker.on('message', (reply: WorkerReply) => {
      const waiting = this.settle();
      if ('outcomes' in reply) waiting?.resolve(decodeOutcomes(reply.outcomes));
      else waiting?.reject(Object.assign(new Error(reply.failure.message), { code: reply.failure.code }));
    });
    this.worker.on('error', (error) => this.settle()?.reject(error));
    this.exit = new Promise((resolve) =>
      this.worker.once('exit', () => {
        this.exited = true;
        this.settle()?.reject(new Error('The append worker stopped'));
        resolve();
      }),
    );
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** Commits the group in one transaction; resolves after its fsync, with one outcome per append, in order. */
  commit(group: readonly EncodedAppend[]): Promise<AppendOutcome[]> {
    if (this.waiting) return Promise.reject(new Error('The append worker commits one group at a time'));
    if (this.exited) return Promise.reject(new Error('The append worker stopped'));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.worker.ref();
      this.worker.postMessage(encodeGroup(group));
    });
  }

  /** Closes the worker's connection and ends the thread; call it between groups. */
  async close(): Promise<void> {
    if (this.exited) return;
    // Held open until it has closed its connection: a process whose last task is this close would exit before.
    this.worker.ref();
    this.worker.postMessage('close');
    await this.exit;
  }

  private settle() {
    const waiting = this.waiting;
    this.waiting = undefined;
    this.worker.unref();
    return waiting;
  }
}
