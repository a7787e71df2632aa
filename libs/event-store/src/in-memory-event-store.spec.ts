import { describe } from '@jest/globals';
import { describeEventStoreConformance, uniqueIdsAcrossStreamsSpec } from './testing';
import { InMemoryEventStore } from './in-memory-event-store';

describeEventStoreConformance('in-memory', async () => {
  const store = new InMemoryEventStore();
  return { store, teardown: () => store.close() };
});

describe('InMemoryEventStore', () => {
  uniqueIdsAcrossStreamsSpec(async () => new InMemoryEventStore());
});
