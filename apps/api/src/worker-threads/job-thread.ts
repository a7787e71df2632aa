import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { OnModuleDestroy } from '@nestjs/common';
import type { ApiProblem } from '../problems/api-problem';

/**
 * A thread's script, given by its place under `apps/api/src` (`extractions/extraction.worker.js`): beside the built
 * modules; under jest (ESM, no `__dirname`), in the build, which jest's setup makes current.
 */
export function workerScript(pathInSource: string): string {
  return typeof __dirname === 'string'
    ? join(__dirname, '..', pathInSource)
    : join(process.cwd(), 'dist', 'apps', 'api', 'apps', 'api', 'src', pathInSource);
}

/** What the service sends a job thread: one job, numbered. */
export interface JobMessage<Job> {
  readonly id: number;
  readonly job: Job;
}

/**
 * What a job thread answers: a job's result, or why it failed; and, once, that it has loaded what it works with
 * (the time limit counts from then: a fresh thread's start is not the job's cost).
 */
export type JobReply<Result> =
  | { readonly id: number; readonly result: Result }
  | { readonly id: number; readonly failure: string }
  | { readonly ready: true };

export interface JobThreadOptions {
  /** The thread's script: it answers each `JobMessage` with a `JobReply`, and says `ready` once loaded. */
  readonly script: string;
  /** Longest one job may take, from the moment the thread is ready for it. */
  readonly timeLimitMs: number;
  /** Jobs waiting behind the one running; past this, callers are told to come back. */
  readonly queueLimit: number;
  readonly heap: { readonly maxYoungGenerationSizeMb: number; readonly maxOldGenerationSizeMb: number };
  /** What the thread is, for errors: "the extraction's thread". */
  readonly name: string;
  /** The answer to a caller beyond the queue's limit. */
  readonly busy: () => ApiProblem;
  /** The answer to a job that took longer than the time limit, or more memory than the heap (`what`). */
  readonly tooCostly: (what: string) => ApiProblem;
}

interface Queued<Job, Result> {
  readonly message: JobMessage<Job>;
  readonly resolve: (result: Result) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Runs jobs in a worker thread of its own, one at a time, so that a job that takes long never holds up the event
 * loop (decision 0048). A job past the time limit (counted once the thread is ready), or past the thread's heap, is
 * refused (`tooCostly`) and the thread replaced; callers beyond the queue's limit are refused (`busy`). The thread
 * lives as long as the service: its start (loading what it works with) is paid once, not per job.
 */
export class JobThread<Job, Result> implements OnModuleDestroy {
  private worker: Worker | undefined;
  /** Whether the thread has loaded what it works with: a job's time limit counts from then. */
  private workerReady = false;
  private readonly queue: Queued<Job, Result>[] = [];
  private running: { queued: Queued<Job, Result>; timer: NodeJS.Timeout } | undefined;
  private nextId = 0;

  constructor(private readonly options: JobThreadOptions) {}

  protected run(job: Job): Promise<Result> {
    if (this.queue.length >= this.options.queueLimit) return Promise.reject(this.options.busy());
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ message: { id: this.nextId++, job }, resolve, reject });
      this.startNext();
    });
  }

  /** Ends the thread with the module that holds it; a job still waiting is not answered. */
  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private startNext(): void {
    if (this.running || this.queue.length === 0) return;
    // A fresh thread first loads what it works with (half a second or more on a busy machine): its start is not the
    // job's cost, so the next job waits for its `ready` before its time limit starts.
    const worker = this.thread();
    if (!this.workerReady) return;
    const queued = this.queue.shift()!;
    const timer = setTimeout(() => this.giveUp(queued), this.options.timeLimitMs);
    this.running = { queued, timer };
    worker.postMessage(queued.message);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.options.script, { resourceLimits: this.options.heap });
    worker.unref();
    this.workerReady = false;
    worker.on('message', (reply: JobReply<Result>) => {
      if ('ready' in reply) {
        if (this.worker !== worker) return;
        this.workerReady = true;
        this.startNext();
        return;
      }
      const running = this.running;
      if (!running || running.queued.message.id !== reply.id) return;
      this.finish();
      if ('result' in reply) running.queued.resolve(reply.result);
      else running.queued.reject(new Error(`${capitalised(this.options.name)} failed: ${reply.failure}`));
    });
    worker.on('error', (error) => this.lose(worker, error));
    worker.on('exit', (code) => this.lose(worker, new Error(`${capitalised(this.options.name)} exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  /** The thread died under the running job (out of memory, say): that job fails, the next gets a new thread. */
  private lose(worker: Worker, error: Error & { code?: string }): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    if (!this.workerReady) {
      // It never loaded (a broken build, say): another would fail alike, so the waiting jobs are answered now.
      for (const queued of this.queue.splice(0)) queued.reject(error);
      return;
    }
    const running = this.running;
    if (!running) return;
    this.finish();
    running.queued.reject(
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? this.options.tooCostly(`more than ${this.options.heap.maxOldGenerationSizeMb} MB of memory`)
        : error,
    );
  }

  private giveUp(queued: Queued<Job, Result>): void {
    const worker = this.worker;
    this.worker = undefined;
    this.finish();
    if (worker) void worker.terminate();
    queued.reject(this.options.tooCostly(`longer than ${this.options.timeLimitMs / 1000} s`));
  }

  private finish(): void {
    if (this.running) clearTimeout(this.running.timer);
    this.running = undefined;
    setImmediate(() => this.startNext());
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
