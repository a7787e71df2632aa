import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { InMemoryEventStore, newEventId, type EventStore } from '@timeline/event-store';
import type { AppConfig } from '../config/app-config';
import { ReadModelComparison } from './read-model-comparison.service';

/**
 * An in-memory store that counts the replays started on it (each rebuild subscribes to the log once). A worker
 * thread cannot reach it: these rebuilds run in one thread (`rebuildWorkers: 1`); the parts are tested in
 * libs/projections and, in worker threads, in test/consumers/projections.
 */
function countingStore(): { store: EventStore; replays: () => number } {
  const inner = new InMemoryEventStore();
  let replays = 0;
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      if (property === 'subscribeToAll') {
        return (...args: Parameters<EventStore['subscribeToAll']>) => {
          replays += 1;
          return target.subscribeToAll(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store, replays: () => replays };
}

describe('ReadModelComparison', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'timeline-comparison-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs one rebuild at a time: a comparison asked for while one runs gets its report', async () => {
    const { store, replays } = countingStore();
    await store.appendToStream('elsewhere-1', [{ id: newEventId(), type: 'Unrelated', data: {} }]);
    const comparison = new ReadModelComparison(store, { dataDir, rebuildWorkers: 1 } as AppConfig);

    const [first, second] = await Promise.all([comparison.compare(), comparison.compare()]);
    expect(replays()).toBe(1);
    expect(second).toBe(first);
    expect(first).toMatchObject({ promoted: false, differences: [] });

    const later = await comparison.compare();
    expect(replays()).toBe(2);
    expect(later).not.toBe(first);
    // A dry run leaves no scratch file behind.
    expect(readdirSync(dataDir).filter((file) => file.startsWith('projections-'))).toEqual([]);
  });

  it('a rebuild that fails rejects every caller that joined it, leaves no scratch file, and the next one runs', async () => {
    const inner = new InMemoryEventStore();
    await inner.appendToStream('elsewhere-1', [{ id: newEventId(), type: 'Unrelated', data: {} }]);
    let broken = true;
    const store = new Proxy(inner, {
      get(target, property, receiver) {
        if (property === 'subscribeToAll' && broken) {
          // The log cannot be read past some point (a damaged event, the store gone): the replay stops.
          return () => ({
            [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('the log cannot be read')) }),
          });
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const comparison = new ReadModelComparison(store, { dataDir, rebuildWorkers: 1 } as AppConfig);

    const outcomes = await Promise.allSettled([comparison.compare(), comparison.compare()]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(readdirSync(dataDir).filter((file) => file.startsWith('projections-'))).toEqual([]);

    broken = false;
    await expect(comparison.compare()).resolves.toMatchObject({ promoted: false, differences: [] });
  });
});
