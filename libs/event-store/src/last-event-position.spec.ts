import { describe, expect, it } from '@jest/globals';
import { UnreadableEventError } from './errors';
import type { EventStore } from './event-store.port';
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

  it('is the position of a last event whose stored bytes cannot be read', async () => {
    const unreadable = new UnreadableEventError('b', 1n, newEventId(), 7n, new SyntaxError('Unexpected token'));
    // A read that fails at its first event.
    const store = {
      readAll: () => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(unreadable) }) }),
    } as Partial<EventStore> as EventStore;
    expect(await lastEventPosition(store)).toBe(7n);
  });
});
