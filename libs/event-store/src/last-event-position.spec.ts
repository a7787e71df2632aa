import { describe, expect, it } from '@jest/globals';
import { InMemoryEventStore } from './in-memory-event-store';
import { lastEventPosition } from './last-event-position';
import { newEventId } from './event-id';

describe('lastEventPosition', () => {
  it("is undefined for an empty log, then the position of the log's last event, whatever its stream", async () => {
    const store = new InMemoryEventStore();
    expect(await lastEventPosition(store)).toBeUndefined();
    await store.appendToStream('a', [{ id: newEventId(), type: 'Happened', data: {} }]);
    const last = await store.appendToStream('b', [
      { id: newEventId(), type: 'Happened', data: {} },
      { id: newEventId(), type: 'Happened', data: {} },
    ]);
    expect(await lastEventPosition(store)).toBe(last.position);
  });
});
