import { Injectable } from '@nestjs/common';
import { Observable } from 'rxjs';
import type { TreatyUpdate } from '@timeline/projections';
import { ReadModels } from '../read-models/read-models.service';

export interface LiveFilter {
  readonly treaty?: string;
  readonly party?: string;
  readonly status?: string;
}

const CATCH_UP_PAGE = 500;

/**
 * Treaty updates for subscribers: live from the projection's commits, and, for a subscriber that comes back with
 * the position it last saw, first every treaty changed since (its current status, once), then live. Live updates
 * that arrive during that catch-up are held and delivered after it, skipping what the catch-up already covered:
 * positions only grow, so nothing is missed and nothing is sent twice.
 */
@Injectable()
export class LiveFeed {
  constructor(private readonly readModels: ReadModels) {}

  updates(after: bigint | undefined, filter: LiveFilter): Observable<TreatyUpdate> {
    return new Observable<TreatyUpdate>((subscriber) => {
      let lastSent = after ?? -1n;
      let held: TreatyUpdate[] | undefined = after === undefined ? undefined : [];
      const deliver = (update: TreatyUpdate): void => {
        if (update.position <= lastSent) return;
        lastSent = update.position;
        if (matches(update, filter)) subscriber.next(update);
      };
      const live = this.readModels.updates.subscribe({
        next: (update) => (held ? held.push(update) : deliver(update)),
        complete: () => subscriber.complete(),
      });
      if (after !== undefined) {
        for (let page = this.page(after); page.length > 0; page = this.page(lastSent)) {
          page.forEach(deliver);
          if (page.length < CATCH_UP_PAGE || subscriber.closed) break;
        }
        const waiting = held ?? [];
        held = undefined;
        waiting.forEach(deliver);
      }
      return () => live.unsubscribe();
    });
  }

  private page(after: bigint): TreatyUpdate[] {
    return this.readModels.treaties.changedAfter(after, CATCH_UP_PAGE);
  }
}

function matches(update: TreatyUpdate, filter: LiveFilter): boolean {
  const status = update.status as { status?: unknown; parties?: unknown };
  return (
    (filter.treaty === undefined || update.treatyId === filter.treaty) &&
    (filter.status === undefined || status.status === filter.status) &&
    (filter.party === undefined || (Array.isArray(status.parties) && status.parties.includes(filter.party)))
  );
}
