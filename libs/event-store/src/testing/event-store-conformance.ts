import { afterEach, beforeEach, describe } from '@jest/globals';
import type { EventStore } from '..';
import { appendConformance } from './append.conformance';
import type { StoreUnderTest } from './conformance-helpers';
import { idempotencyConformance } from './idempotency.conformance';
import { readsConformance } from './reads.conformance';
import { sizesConformance } from './sizes.conformance';
import { subscriptionsConformance } from './subscriptions.conformance';

export interface ConformanceSubject {
  readonly store: EventStore;
  /** Called after each test: close the store, stop servers, remove files. */
  teardown(): Promise<void>;
}

/**
 * The behaviour every adapter of the port must show, declared once: each adapter's spec calls this with a
 * factory, so every adapter runs the same tests by construction. Tests use fresh stream names and positions
 * taken from their own appends, so they also pass against a shared, non-empty EventStoreDB.
 */
export function describeEventStoreConformance(
  adapterName: string,
  createSubject: () => Promise<ConformanceSubject>,
): void {
  describe(`EventStore conformance: ${adapterName}`, () => {
    let current: ConformanceSubject | undefined;
    const subject: StoreUnderTest = {
      get store() {
        if (!current) throw new Error('No store: the conformance suite creates one before each test');
        return current.store;
      },
    };
    beforeEach(async () => {
      current = await createSubject();
    });
    afterEach(async () => {
      await current?.teardown();
      current = undefined;
    });

    appendConformance(subject);
    idempotencyConformance(subject);
    readsConformance(subject);
    subscriptionsConformance(subject);
    sizesConformance(subject);
  });
}
