import type { EventStore } from './event-store.port';

/**
 * The position of the log's last event, or undefined for an empty log. Reads to the end of a one-event read:
 * leaving a read early could hold an EventStoreDB call open. The record of a stream deleted for good is no event:
 * EventStoreDB's reads skip it, so a deletion recorded last lies past this position.
 */
export async function lastEventPosition(store: EventStore): Promise<bigint | undefined> {
  let position: bigint | undefined;
  for await (const event of store.readAll({ direction: 'backwards', maxCount: 1 })) position = event.position;
  return position;
}
