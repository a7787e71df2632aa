import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { OnModuleDestroy } from '@nestjs/common';
import type { ExtractionInput, ExtractionResult } from '@timeline/extraction';
import { ApiProblem } from '../problems/api-problem';
import type { ExtractionReply, ExtractionWork, KnownTreatyText } from './extraction.worker';

/** As for the rebuild's workers: under jest (ESM, no `__dirname`) the build, which jest's setup makes current. */
const WORKER_SCRIPT =
  typeof __dirname === 'string'
    ? join(__dirname, 'extraction.worker.js')
    : join(process.cwd(), 'dist', 'apps', 'api', 'apps', 'api', 'src', 'extractions', 'extraction.worker.js');

/** Longest an article may take to read: 100,000 characters of real articles take about 2 s here. */
export const EXTRACTION_TIME_LIMIT_MS = 15_000;
export const EXTRACTION_TIME_LIMIT = Symbol('EXTRACTION_TIME_LIMIT');
/** Articles waiting behind the one being read; past this, callers are told to come back. */
export const EXTRACTION_QUEUE_LIMIT = 8;
const WORKER_HEAP = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 256 } as const;

interface Job {
  readonly work: ExtractionWork;
  readonly resolve: (result: ExtractionResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Runs the extraction in a worker thread of its own (decision 0048), one article at a time. A text that takes
 * longer than the time limit (counted once the thread is ready), or more memory than the thread's heap, is refused
 * (422 EXTRACTION_TOO_COSTLY) and the thread replaced; callers beyond the queue's limit get 503 EXTRACTIONS_BUSY.
 * The event loop, and with it every other route, never waits on a text.
 */
export class ExtractionThread implements OnModuleDestroy {
  private worker: Worker | undefined;
  /** Whether the thread has loaded what it reads with: a job's time limit counts from then. */
  private workerReady = false;
  private readonly queue: Job[] = [];
  private running: { job: Job; timer: NodeJS.Timeout } | undefined;
  private nextId = 0;

  constructor(
    private readonly timeLimitMs = EXTRACTION_TIME_LIMIT_MS,
    private readonly queueLimit = EXTRACTION_QUEUE_LIMIT,
    /** The thread's script: the extraction's, or a stand-in in tests. */
    private readonly script = WORKER_SCRIPT,
  ) {}

  extract(input: ExtractionInput, knownTreaties: readonly KnownTreatyText[]): Promise<ExtractionResult> {
    if (this.queue.length >= this.queueLimit) {
      return Promise.reject(
        new ApiProblem(503, 'EXTRACTIONS_BUSY', 'Too many articles are waiting to be read: retry shortly'),
      );
    }
    return new Promise<ExtractionResult>((resolve, reject) => {
      this.queue.push({ work: { id: this.nextId++, input, knownTreaties }, resolve, reject });
      this.startNext();
    });
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private startNext(): void {
    if (this.running || this.queue.length === 0) return;
    // A fresh thread first loads the extraction (about half a second, more on a busy machine): its start is not the
    // text's cost, so the next job waits for its `ready` before its time limit starts.
    const worker = this.thread();
    if (!this.workerReady) return;
    const job = this.queue.shift()!;
    const timer = setTimeout(() => this.giveUp(job), this.timeLimitMs);
    this.running = { job, timer };
    worker.postMessage(job.work);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { resourceLimits: WORKER_HEAP });
    worker.unref();
    this.workerReady = false;
    worker.on('message', (reply: ExtractionReply) => {
      if ('ready' in reply) {
        if (this.worker !== worker) return;
        this.workerReady = true;
        this.startNext();
        return;
      }
      const running = this.running;
      if (!running || running.job.work.id !== reply.id) return;
      this.finish();
      if ('result' in reply) running.job.resolve(reply.result);
      else running.job.reject(new Error(`The extraction failed: ${reply.failure}`));
    });
    worker.on('error', (error) => this.lose(worker, error));
    worker.on('exit', (code) => this.lose(worker, new Error(`The extraction's thread exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  /** The thread died under the running job (out of memory, say): that job fails, the next gets a new thread. */
  private lose(worker: Worker, error: Error & { code?: string }): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    if (!this.workerReady) {
      // It never loaded (a broken build, say): another would fail alike, so the waiting articles are answered now.
      for (const job of this.queue.splice(0)) job.reject(error);
      return;
    }
    const running = this.running;
    if (!running) return;
    this.finish();
    running.job.reject(
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? tooCostly(`more than ${WORKER_HEAP.maxOldGenerationSizeMb} MB of memory`, this.timeLimitMs)
        : error,
    );
  }

  private giveUp(job: Job): void {
    const worker = this.worker;
    this.worker = undefined;
    this.finish();
    if (worker) void worker.terminate();
    job.reject(tooCostly(`longer than ${this.timeLimitMs / 1000} s`, this.timeLimitMs));
  }

  private finish(): void {
    if (this.running) clearTimeout(this.running.timer);
    this.running = undefined;
    setImmediate(() => this.startNext());
  }
}

function tooCostly(what: string, timeLimitMs: number): ApiProblem {
  return new ApiProblem(422, 'EXTRACTION_TOO_COSTLY', `Reading the text took ${what}: send it in smaller parts`, {
    field: 'text',
    timeLimitMs,
    heapLimitMb: WORKER_HEAP.maxOldGenerationSizeMb,
  });
}
