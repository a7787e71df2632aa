import { describeEventStoreConformance } from './testing';
import { InMemoryEventStore } from './in-memory-event-store';

describeEventStoreConformance('in-memory', async () => {
  const store = new InMemoryEventStore();
  return { store, teardown: () => store.close() };
});
