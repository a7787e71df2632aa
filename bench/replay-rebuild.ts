import { SqliteEventStore } from '@timeline/event-store-sqlite';
import {
  rebuildReadModel,
  rebuildReadModelInParts,
  treatyStatusProjection,
  type Projection,
  type TreatyUpdate,
} from '@timeline/projections';
import { partsInWorkerThreads } from '../apps/api/src/read-models/parts-in-worker-threads';
import { READ_MODEL_PROJECTIONS } from '../apps/api/src/read-models/read-model-projections';
import { serveOneTask } from './child-task';

/**
 * Scenario 3's rebuild, in a process of its own (forked by replay.bench), so that its peak RSS is the rebuild's
 * (its worker threads' included) and not what earlier scenarios left in the benchmark's process.
 */
export interface ReplayPlan {
  readonly eventsFile: string;
  readonly readModelFile: string;
  /** Parts in worker threads, as `npm run projections:rebuild` runs it; 1: in this thread, batches timed. */
  readonly parts: number;
}

export interface ReplayResult {
  readonly events: number;
  readonly milliseconds: number;
  readonly peakRssBytes: number;
  readonly parts: number;
  /** How long the projection took to apply each batch (2,000 events), in milliseconds: in one thread only. */
  readonly batchMilliseconds: number[];
}

async function rebuild(plan: ReplayPlan): Promise<ReplayResult> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const store = new SqliteEventStore({ file: plan.eventsFile });
  const batchMilliseconds: number[] = [];
  const timed: Projection<TreatyUpdate> = {
    ...treatyStatusProjection,
    apply(db, events) {
      const started = performance.now();
      const updates = treatyStatusProjection.apply(db, events);
      batchMilliseconds.push(performance.now() - started);
      return updates;
    },
  };
  const started = performance.now();
  const result =
    plan.parts > 1
      ? await rebuildReadModelInParts(store, READ_MODEL_PROJECTIONS, plan.readModelFile, {
          parts: plan.parts,
          runPart: partsInWorkerThreads({ kind: 'embedded', file: plan.eventsFile }),
        })
      : await rebuildReadModel(store, [timed], plan.readModelFile);
  const milliseconds = performance.now() - started;
  clearInterval(sampler);
  await store.close();
  return {
    events: result.events,
    milliseconds,
    peakRssBytes: Math.max(peak, process.memoryUsage().rss),
    parts: result.parts,
    batchMilliseconds,
  };
}

serveOneTask(rebuild);
