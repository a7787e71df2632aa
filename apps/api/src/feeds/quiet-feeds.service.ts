import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@timeline/event-store';
import { CLOCK, type Clock } from '../clock';
import { ReadModels } from '../read-models/read-models.service';

/** What a feed is cut from: one treaty's developments, those of a party's treaties, or every treaty's. */
export type FeedScope = { readonly treatyId: string } | { readonly party: string } | { readonly every: true };

/**
 * The `updated` of a feed with no entry. RFC 4287 (4.2.15) makes it the most recent instant the feed changed in a
 * significant way; such a feed last changed when what it is cut from last did, and its entries cannot say when that
 * was. The epoch, said before, was an instant at which nothing happened (decision 0083).
 */
@Injectable()
export class QuietFeeds {
  /** When the log's first event was recorded, read once the log has one: it never changes after. */
  private began: Date | undefined;
  /** The moment this service started: all a feed can be dated by while the log holds nothing. */
  private readonly startedAt: Date;

  constructor(
    private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) clock: Clock,
  ) {
    this.startedAt = clock();
  }

  /**
   * When the log began, for `updatedOf`: asked before the feed's entries are read, so that the two are read in one
   * turn of the event loop, from the read model as it stands then.
   */
  async logBegan(): Promise<Date> {
    if (this.began === undefined) {
      for await (const event of this.store.readAll({ direction: 'forwards', maxCount: 1 })) {
        this.began = event.recordedAt;
      }
    }
    return this.began ?? this.startedAt;
  }

  /**
   * The `updated` of a feed of `scope` that has no entry: the last event of the treaties it is cut from (none has a
   * development, so each one's is its registration, when it entered the feed's scope), and for a party's, of those it
   * once was a party of (the event that took the party out is one of theirs, or before their last: never earlier
   * than the change). A feed no treaty ever entered has been as it is since the log began (`logBegan`).
   */
  updatedOf(scope: FeedScope, logBegan: Date): string {
    const treaties = this.readModels.treaties;
    const treatyIds =
      'treatyId' in scope
        ? [scope.treatyId]
        : 'party' in scope
          ? treaties.treatiesOnceUnder(scope.party)
          : treaties.treatyIds();
    return (treaties.lastRecordedAt(treatyIds) ?? logBegan).toISOString();
  }
}
