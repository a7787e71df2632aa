import { SqliteEventStore } from '@timeline/event-store-sqlite';
import { rebuildReadModel, treatyStatusProjection } from '@timeline/projections';
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
}

async function rebuild(plan: ReplayPlan): Promise<ReplayResult> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const store = new SqliteEventStore({ file: plan.eventsFile });
  const started = performance.now();
  const result = await rebuildReadModel(store, [treatyStatusProjection], plan.readModelFile);
  const milliseconds = performance.now() - started;
  clearInterval(sampler);
  await store.close();
  return { events: result.events, milliseconds, peakRssBytes: Math.max(peak, process.memoryUsage().rss) };
}

serveOneTask(rebuild);
