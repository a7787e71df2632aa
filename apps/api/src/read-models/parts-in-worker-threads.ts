import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  MAX_REBUILD_PARTS,
  ReplayStoppedError,
  type PartPlan,
  type PartResult,
  type PartRunner,
} from '@timeline/projections';
import type { StoreConfig } from '../config/app-config';
import type { RebuildPartReply, RebuildPartWork } from './rebuild-part.worker';

/**
 * The built worker script. Under jest (ESM, no `__dirname`) the sources are not runnable in a thread: the build,
 * which jest's global setup makes current, is used instead.
 */
const WORKER_SCRIPT =
  typeof __dirname === 'string'
    ? join(__dirname, 'rebuild-part.worker.js')
    : join(process.cwd(), 'dist', 'apps', 'api', 'apps', 'api', 'src', 'read-models', 'rebuild-part.worker.js');

/** How many parts a rebuild takes: the configured number, or one per core (at most 8). */
export function rebuildPartsFor(configured: number | undefined): number {
  return Math.min(configured ?? availableParallelism(), MAX_REBUILD_PARTS);
}

/**
 * A worker's heap: V8 sizes a thread's heap as if it were the process's, and lets garbage pile up accordingly.
 * Measured on a million events in two parts, the process peaked at 320-490 MB without limits and at 238-249 MB
 * with these, at the same speed; a rebuild in one thread peaks at about 180 MB.
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 192 } as const;

/** The rebuild workers of this process that have not exited. */
const workers = new Set<Worker>();

/**
 * Ends every rebuild worker of this process, resolving once they have exited: a process interrupted removes its
 * rebuild's files only then, or a worker could create its part's file (or its journal) again after the removal.
 */
export async function stopRebuildWorkers(): Promise<void> {
  await Promise.all([...workers].map((worker) => worker.terminate()));
}

/**
 * Runs each part of a rebuild in a worker thread of its own, which opens the store from `store`. An aborted part's
 * thread is terminated, and its promise rejects once the thread has exited. A part whose replay stopped short
 * rejects with the same `ReplayStoppedError` it would in this thread.
 */
export function partsInWorkerThreads(store: StoreConfig): PartRunner {
  return (plan: PartPlan, signal: AbortSignal) =>
    new Promise<PartResult>((resolve, reject) => {
      const work: RebuildPartWork = { store, plan };
      const worker = new Worker(WORKER_SCRIPT, { workerData: work, resourceLimits: WORKER_HEAP });
      workers.add(worker);
      const terminate = (): void => void worker.terminate();
      if (signal.aborted) terminate();
      else signal.addEventListener('abort', terminate, { once: true });
      let replied = false;
      worker.once('message', (reply: RebuildPartReply) => {
        replied = true;
        if ('result' in reply) resolve(reply.result);
        // The stop made whole again: its caller answers by what stopped the replay (an auditor, 409 naming the event).
        else reject(reply.stopped ? new ReplayStoppedError(reply.stopped) : new Error(reply.failure));
      });
      worker.once('error', (error: Error & { code?: string }) => {
        replied = true;
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new Error(
                `The rebuild's worker for part ${plan.partition.index} needed more than its ` +
                  `${WORKER_HEAP.maxOldGenerationSizeMb} MB heap: rebuild in one thread (TIMELINE_REBUILD_WORKERS=1)`,
              )
            : error,
        );
      });
      worker.once('exit', (code) => {
        workers.delete(worker);
        signal.removeEventListener('abort', terminate);
        if (replied) return;
        reject(
          new Error(
            signal.aborted
              ? `The rebuild's worker for part ${plan.partition.index} was stopped: another part failed`
              : `The rebuild's worker for part ${plan.partition.index} exited (${code})`,
          ),
        );
      });
    });
}
