import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@timeline/event-store';
import { sealEvent } from '../event-integrity';

/** A log of sealed events over two streams, as a writer that reads before it appends would produce it. */
export function sealedLog(events = 8): RecordedEvent[] {
  const log: RecordedEvent[] = [];
  const heads = new Map<string, { revision: bigint; hash: string }>();
  for (let index = 0; index < events; index++) {
    const streamName = index % 3 === 0 ? 'treaty-b' : 'treaty-a';
    const previous = heads.get(streamName);
    const revision = previous ? previous.revision + 1n : 0n;
    const sealed = sealEvent(
      {
        id: randomUUID(),
        type: 'SomethingHappened',
        data: { index, text: 'Меджлис “ratified”' },
        metadata: { actor: 'editor:1' },
      },
      streamName,
      revision,
      previous?.hash ?? null,
      new Date(),
    );
    const recorded = {
      ...sealed,
      metadata: sealed.metadata!,
      streamName,
      revision,
      position: BigInt(index + 1),
      recordedAt: new Date(),
    };
    heads.set(streamName, { revision, hash: (recorded.metadata.integrity as { hash: string }).hash });
    log.push(recorded);
  }
  return log;
}
