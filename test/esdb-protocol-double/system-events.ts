import { randomUUID } from 'node:crypto';
import { InMemoryLog } from './in-memory-log';

/**
 * A fresh EventStoreDB node is never empty: before any client writes, $all holds the node's own events in
 * `$`-prefixed streams (its epoch, the scavenge stream's metadata, the default users...). Seeding a few of them
 * makes a client that reads $all prove that it skips what it did not write.
 */
const SYSTEM_EVENTS = [
  { streamName: '$epoch-information', type: '$epoch-information', data: { epochNumber: 0 } },
  { streamName: '$$$scavenges', type: '$metadata', data: { $maxAge: 2_592_000 } },
  { streamName: '$users', type: '$User', data: 'admin' },
] as const;

export function createLogWithSystemEvents(now?: () => number): InMemoryLog {
  const log = new InMemoryLog(now);
  for (const { streamName, type, data } of SYSTEM_EVENTS) {
    log.append(streamName, 'any', [
      {
        id: randomUUID(),
        type,
        isJson: true,
        data: Buffer.from(JSON.stringify(data)),
        customMetadata: new Uint8Array(),
      },
    ]);
  }
  return log;
}
