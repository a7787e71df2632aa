import { UnreadableEventError } from './errors';
import type { EventStore } from './event-store.port';

/**
 * The position of the log's last event, or undefined for an empty log. Reads to the end of a one-event read:
 * leaving a read early could hold an EventStoreDB call open. The record of a stream deleted for good is no event:
 * EventStoreDB's reads skip it, so a deletion recorded last lies past this position. A last event whose stored bytes
 * cannot be read still has its position: where the log ends does not depend on what it says (a rebuild then stops at
 * it, naming it, rather than fail before it starts).
 */
export async function lastEventPosition(store: EventStore): Promise<bigint | undefined> {
  let position: bigint | undefined;
  try {
    for await (const event of store.readAll({ direction: 'backwards', maxCount: 1 })) position = event.position;
  } catch (error) {
    if (!(error instanceof UnreadableEventError)) throw error;
    return error.position;
  }
  return position;
}
