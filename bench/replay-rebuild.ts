import { SqliteEventStore } from '@timeline/event-store-sqlite';
import { rebuildReadModel, treatyStatusProjection, type Projection, type TreatyUpdate } from '@timeline/projections';
import { serveOneTask } from './child-task';

/**
 * Scenario 3's rebuild, in a process of its own (forked by replay.bench), so that its peak RSS is the rebuild's
 * and not what earlier scenarios left in the benchmark's process.
 */
export interface ReplayPlan {
  readonly eventsFile: string;
  readonly readModelFile: string;
}

export interface ReplayResult {
  readonly events: number;
  readonly milliseconds: number;
  readonly peakRssBytes: number;
  /** How long the projection took to apply each batch (2,000 events), in milliseconds. */
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
  const result = await rebuildReadModel(store, [timed], plan.readModelFile);
  const milliseconds = performance.now() - started;
  clearInterval(sampler);
  await store.close();
  return {
    events: result.events,
    milliseconds,
    peakRssBytes: Math.max(peak, process.memoryUsage().rss),
    batchMilliseconds,
  };
}

serveOneTask(rebuild);
