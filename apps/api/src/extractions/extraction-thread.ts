import type { ExtractionInput, ExtractionResult } from '@timeline/extraction';
import { ApiProblem } from '../problems/api-problem';
import { JobThread, workerScript } from '../worker-threads/job-thread';
import type { ExtractionWork, KnownTreatyText } from './extraction.worker';

/** Longest an article may take to read: 100,000 characters of real articles take about 2 s here. */
export const EXTRACTION_TIME_LIMIT_MS = 15_000;
export const EXTRACTION_TIME_LIMIT = Symbol('EXTRACTION_TIME_LIMIT');
/** Articles waiting behind the one being read; past this, callers are told to come back. */
export const EXTRACTION_QUEUE_LIMIT = 8;
const WORKER_HEAP = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 256 } as const;

/**
 * Runs the extraction in a worker thread of its own (decision 0048), one article at a time. A text that takes
 * longer than the time limit (counted once the thread is ready), or more memory than the thread's heap, is refused
 * (422 EXTRACTION_TOO_COSTLY) and the thread replaced; callers beyond the queue's limit get 503 EXTRACTIONS_BUSY.
 * The event loop, and with it every other route, never waits on a text.
 */
export class ExtractionThread extends JobThread<ExtractionWork, ExtractionResult> {
  constructor(
    timeLimitMs = EXTRACTION_TIME_LIMIT_MS,
    queueLimit = EXTRACTION_QUEUE_LIMIT,
    /** The thread's script: the extraction's, or a stand-in in tests. */
    script = workerScript('extractions/extraction.worker.js'),
  ) {
    super({
      script,
      timeLimitMs,
      queueLimit,
      heap: WORKER_HEAP,
      name: "the extraction's thread",
      busy: () => new ApiProblem(503, 'EXTRACTIONS_BUSY', 'Too many articles are waiting to be read: retry shortly'),
      tooCostly: (what) =>
        new ApiProblem(422, 'EXTRACTION_TOO_COSTLY', `Reading the text took ${what}: send it in smaller parts`, {
          field: 'text',
          timeLimitMs,
          heapLimitMb: WORKER_HEAP.maxOldGenerationSizeMb,
        }),
    });
  }

  extract(input: ExtractionInput, knownTreaties: readonly KnownTreatyText[]): Promise<ExtractionResult> {
    return this.run({ input, knownTreaties });
  }
}
