import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@timeline/event-store';
import { CLOCK, type Clock } from '../clock';
import { ReadModels } from '../read-models/read-models.service';

/** What a feed is cut from: one treaty's developments, those of a party's treaties, or every treaty's. */
export type FeedScope = { readonly treatyId: string } | { readonly party: string } | { readonly every: true };

/**
 * A feed's `updated`. RFC 4287 (4.2.15) makes it the most recent instant the feed changed in a significant way, so
 * it never goes back: the latest recorded time of an event that changed what the feed is cut from. Its newest
 * entry's, or for a feed with none the last event of its treaties (decision 0083), and for a party's feed never
 * earlier than the event that last took a treaty out of it, whose entries left with it (decision 0096), nor, for a
 * party's feed or every development's, than the last deletion for good of a treaty it held (decision 0108). The
 * epoch, said before, was an instant at which nothing happened.
 */
@Injectable()
export class FeedDates {
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
   * The `updated` of a document of a feed of `scope` whose newest entry is dated `newestEntry` (none: undefined).
   * With entries, that date, unless a treaty left a party's feed later: the treaty's entries left with it, the newest
   * among them, and the feed changed then (a correction that moved the party's joining to another state, a
   * retraction of it, or the treaty's deletion for good on EventStoreDB, which also takes it out of every
   * development's feed). With none, the last event of the treaties it is cut from (none has a development, so each
   * one's is its registration, when it entered the feed's scope), or that departure if later; a feed no treaty ever
   * entered has been as it is since the log began (`logBegan`). Read from the read model alone, so every replica and
   * every rebuild of it says the same.
   */
  updatedOf(scope: FeedScope, logBegan: Date, newestEntry?: string): string {
    const treaties = this.readModels.treaties;
    const left = latest(
      'party' in scope
        ? [treaties.lastLeftBy(scope.party), treaties.lastDeletion(scope.party)]
        : 'every' in scope
          ? [treaties.lastDeletion()]
          : [],
    );
    if (newestEntry !== undefined) {
      return left !== undefined && left > new Date(newestEntry) ? left.toISOString() : newestEntry;
    }
    const treatyIds =
      'treatyId' in scope
        ? [scope.treatyId]
        : 'party' in scope
          ? treaties.treatyIds(scope.party)
          : treaties.treatyIds();
    const held = treaties.lastRecordedAt(treatyIds);
    return (latest([held, left]) ?? logBegan).toISOString();
  }
}

/** The latest of these instants; undefined when none is known. */
function latest(instants: readonly (Date | undefined)[]): Date | undefined {
  return instants.reduce<Date | undefined>(
    (last, at) => (at !== undefined && (last === undefined || at > last) ? at : last),
    undefined,
  );
}
