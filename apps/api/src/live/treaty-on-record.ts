import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, StreamNotFoundError, type EventStore } from '@timeline/event-store';
import { treatyStreamName } from '@timeline/treaty';

/**
 * Whether a treaty is on record, asked of the log rather than the read model: a client that registers a treaty and
 * follows it at once must not be told it does not exist because the projection has not applied it yet.
 */
@Injectable()
export class TreatyOnRecord {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async has(treatyId: string): Promise<boolean> {
    const events = this.store
      .readStream(treatyStreamName(treatyId), { maxCount: 1, requiresLeader: true })
      [Symbol.asyncIterator]();
    try {
      return !(await events.next()).done;
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
      return false;
    } finally {
      await events.return?.();
    }
  }
}
