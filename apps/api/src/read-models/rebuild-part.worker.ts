import { parentPort, workerData } from 'node:worker_threads';
import {
  ReplayStoppedError,
  rebuildPart,
  type PartPlan,
  type PartResult,
  type ReplayStop,
} from '@timeline/projections';
import type { StoreConfig } from '../config/app-config';
import { createEventStore } from '../event-store/create-event-store';
import { READ_MODEL_PROJECTIONS } from './read-model-projections';

/** What a rebuild's worker thread is started with: how to reach the log, and its part of it. */
export interface RebuildPartWork {
  readonly store: StoreConfig;
  readonly plan: PartPlan;
}

/**
 * Its one message back: the part's result, or why it failed; where the replay stopped short (an event it could not
 * read or apply, the store gone), that stop as data, since an error's class does not cross the thread.
 */
export type RebuildPartReply =
  { readonly result: PartResult } | { readonly failure: string; readonly stopped?: ReplayStop };

/**
 * A rebuild's worker thread (decision 0027): opens the event store itself (its own SQLite connection or
 * EventStoreDB client), applies its part of the log to its own file, answers once and ends.
 */
async function rebuildOnePart({ store: config, plan }: RebuildPartWork): Promise<RebuildPartReply> {
  const store = createEventStore(config);
  try {
    return { result: await rebuildPart(store, READ_MODEL_PROJECTIONS, plan) };
  } catch (error) {
    if (error instanceof ReplayStoppedError) return { failure: error.message, stopped: error.stop };
    return { failure: error instanceof Error ? error.message : String(error) };
  } finally {
    await store.close();
  }
}

if (parentPort) {
  const port = parentPort;
  void rebuildOnePart(workerData as RebuildPartWork).then((reply) => port.postMessage(reply));
}
