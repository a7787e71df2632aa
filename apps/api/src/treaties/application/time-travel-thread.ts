import { ApiProblem } from '../../problems/api-problem';
import { JobThread, workerScript } from '../../worker-threads/job-thread';
import type { PastViews, TimeTravelResult, TimeTravelWork } from './time-travel.worker';

/** Longest one fold of the past may take: 19,000 developments take 1 to 4 s here. */
export const TIME_TRAVEL_TIME_LIMIT_MS = 30_000;
/** Folds waiting behind the one running; past this, callers are told to come back. */
export const TIME_TRAVEL_QUEUE_LIMIT = 16;
const WORKER_HEAP = { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 1024 } as const;

/**
 * Folds views of the past (`asOf`, `knownAt`) in a worker thread of its own (decision 0056), one at a time: the event
 * loop only reads the treaty's events and hands them over. A fold past the time limit or the thread's heap is
 * answered 503 TIME_TRAVEL_TOO_COSTLY; callers beyond the queue's limit 503 TIME_TRAVEL_BUSY, with Retry-After.
 */
export class TimeTravelThread extends JobThread<TimeTravelWork, TimeTravelResult> {
  constructor(
    timeLimitMs = TIME_TRAVEL_TIME_LIMIT_MS,
    queueLimit = TIME_TRAVEL_QUEUE_LIMIT,
    /** The thread's script: the views', or a stand-in in tests. */
    script = workerScript('treaties/application/time-travel.worker.js'),
  ) {
    super({
      script,
      timeLimitMs,
      queueLimit,
      heap: WORKER_HEAP,
      name: "the time travellers' thread",
      busy: () =>
        new ApiProblem(503, 'TIME_TRAVEL_BUSY', 'Too many views of the past are waiting to be folded: retry shortly'),
      tooCostly: (what) =>
        new ApiProblem(503, 'TIME_TRAVEL_TOO_COSTLY', `Folding the treaty's past took ${what}`, {
          timeLimitMs,
          heapLimitMb: WORKER_HEAP.maxOldGenerationSizeMb,
        }),
    });
  }

  /** The view `work` asks for, as the thread's script folds it (what crosses the thread is typed by this contract). */
  fold<View extends keyof PastViews>(work: TimeTravelWork<View>): Promise<TimeTravelResult<View>> {
    return this.run(work) as Promise<TimeTravelResult<View>>;
  }
}
