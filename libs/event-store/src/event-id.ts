import { v7 as uuidV7 } from 'uuid';

/**
 * A fresh event id: a UUID of version 7, whose first 48 bits are the time in milliseconds (RFC 9562), so ids of
 * events written one after another sort together. A store's unique index on event ids then grows at its end: on
 * the embedded store a commit of 32 appends touches a page or two of that index, not one page per event, as random
 * ids do (decision 0020). Nothing may rely on the order of ids: the log's order is its positions.
 */
export function newEventId(): string {
  return uuidV7();
}
