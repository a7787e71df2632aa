import { Inject, Injectable } from '@nestjs/common';
import {
  EVENT_STORE,
  StreamDeletedError,
  StreamNotFoundError,
  type EventStore,
  type RecordedEvent,
} from '@timeline/event-store';
import { toTreatyEnvelope, type JsonView, type TimelineText, type TreatyPage } from '@timeline/projections';
import {
  latestDateOnEarth,
  linksKnownAt,
  treatiesNamedBy,
  TREATY_STREAM_PREFIX,
  treatyStreamName,
  type TreatyEventEnvelope,
  type TreatyLinks,
  type ViewOptions,
} from '@timeline/treaty';
import { CLOCK, type Clock } from '../../clock';
import { LogHead, parsePosition } from '../../http/positions';
import { ApiProblem } from '../../problems/api-problem';
import { refuseIfDeleted } from '../../read-models/deleted-treaty';
import { ReadModels } from '../../read-models/read-models.service';
import type { TreatyListQueryDto } from '../dto/treaty-list.query.dto';
import type { TreatyViewQueryDto } from '../dto/treaty-view.query.dto';
import { developmentInTimelineText } from './development-in-timeline';
import { mayHaveLeftFilter, showsUnder, type StatusAndParties } from './status-and-party-filter';
import { TimeTravelThread } from './time-travel-thread';
import type { PastViews } from './time-travel.worker';

const READ_YOUR_WRITE_TIMEOUT_MS = 5000;
const DEFAULT_PAGE_SIZE = 50;
const CHANGED_SCAN_PAGE = 500;

/** A page of `GET /treaties?changedSince=`: `nextCursor` (more now) and `changedUpTo` are positions. */
export interface ChangedTreatiesPage {
  readonly items: JsonView[];
  /**
   * The ids of the treaties deleted for good (by the event store's operator) in that span, whatever the filters: a
   * mirror drops them (decision 0024). Only when there are any: on a store that never deletes, pages are as before.
   */
  readonly deleted?: string[];
  /**
   * With a `status` or `party` filter, and only when there are any: the ids of the treaties changed in that span that
   * do not show under it now but may have at `changedSince` (any status; a party the record once made theirs). A
   * mirror that holds one drops it: it left the filter. A superset (the read model keeps no history of statuses, so
   * it cannot tell which matched at `changedSince`): decisions 0050 and 0055.
   */
  readonly leftFilter?: string[];
  readonly nextCursor: string | null;
  readonly changedUpTo: string;
}

/**
 * The consumers' reads. The present (as of today: decision 0035) comes from the read model (one row, whatever the
 * history's size); the past (`asOf`, `knownAt`) is folded from the treaty's own events by the same domain views, so
 * it is right for any date, in a thread of its own (decision 0056). What other treaties say about it (relations,
 * linked statements) comes from the read model's index as it stands now, which is what the record says of any
 * `asOf`; at a past `knownAt`, from their streams as they stood then.
 */
@Injectable()
export class TreatyReads {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly head: LogHead,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly pastViews: TimeTravelThread,
  ) {}

  async list(query: TreatyListQueryDto): Promise<TreatyPage | ChangedTreatiesPage> {
    await this.readYourWrite(query.minPosition);
    if (query.changedSince !== undefined) {
      const since = syncPosition(query);
      // Past the head it is no position this log gave (a store reset or restored since): answered, its changedUpTo
      // would skip every change until the log grew past it.
      if (since > 0n) await this.head.requireOnRecord(since, 'changedSince', this.readModels.projection.position);
      return this.changedSince(since, query);
    }
    return this.readModels.treaties.list({
      ...(query.party !== undefined ? { party: query.party } : {}),
      ...(query.status !== undefined ? { status: query.status } : {}),
      ...(query.category !== undefined ? { category: query.category } : {}),
      ...(query.cursor !== undefined ? { after: query.cursor } : {}),
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
    });
  }

  /**
   * The treaties changed after a position (their own events, or another's naming them), in the order of their last
   * change, filtered; `changedUpTo` is where the next sync starts (the last change looked at, whether it matched the
   * filters or not). A page can run past the limit to finish the treaties changed at one position.
   */
  private changedSince(after: bigint, query: TreatyListQueryDto): ChangedTreatiesPage {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const answer: SyncAnswer = { items: [], deleted: [], leftFilter: [] };
    const answered = () => answer.items.length + answer.deleted.length + answer.leftFilter.length;
    let changedUpTo = after;
    for (;;) {
      const page = this.readModels.treaties.changedAfter(changedUpTo, CHANGED_SCAN_PAGE);
      for (const update of page) {
        // A page ends between positions: the next starts after changedUpTo, and would miss the rest of one.
        if (answered() >= limit && update.position !== changedUpTo)
          return changedPage(answer, changedUpTo.toString(), changedUpTo);
        changedUpTo = update.position;
        if (update.deleted) {
          answer.deleted.push(update.treatyId);
          continue;
        }
        const status = update.status as StatusAndParties & { category?: unknown };
        // A treaty never leaves its category: a filter by it is applied as it stands.
        if (query.category !== undefined && status.category !== query.category) continue;
        if (showsUnder(status, query)) answer.items.push(update.status);
        else if (
          mayHaveLeftFilter(
            status,
            query,
            () => this.readModels.treaties.partiesOnceNamed(update.treatyId),
            // Whether the client, synced up to `after`, held it under the party (decision 0059).
            () => this.readModels.treaties.partiesAt(update.treatyId, after),
          )
        ) {
          answer.leftFilter.push(update.treatyId);
        }
      }
      if (page.length < CHANGED_SCAN_PAGE) {
        return changedPage(answer, null, changedUpTo);
      }
    }
  }

  async status(treatyId: string, query: TreatyViewQueryDto): Promise<JsonView> {
    await this.readYourWrite(query.minPosition);
    refuseIfDeleted(this.readModels.treaties, treatyId);
    if (isTimeTravel(query)) {
      return JSON.parse((await this.fold(treatyId, query, 'status')).status) as JsonView;
    }
    return this.readModels.treaties.status(treatyId) ?? notFound(treatyId);
  }

  /** One development, its permalink: as the timeline shows it, named by its id or any event's about it. */
  async development(treatyId: string, developmentId: string, query: TreatyViewQueryDto): Promise<JsonView> {
    return developmentInTimelineText(await this.timeline(treatyId, query), developmentId);
  }

  /** The timeline as rendered (the present's, cached until the treaty's views change), with where its items lie. */
  async timeline(treatyId: string, query: TreatyViewQueryDto): Promise<TimelineText> {
    await this.readYourWrite(query.minPosition);
    refuseIfDeleted(this.readModels.treaties, treatyId);
    if (isTimeTravel(query)) return (await this.fold(treatyId, query, 'timeline')).timeline;
    return this.readModels.treaties.timelineText(treatyId) ?? notFound(treatyId);
  }

  /** Waits for a position on record (one past the head is refused at once: nothing would ever reach it). */
  private async readYourWrite(minPosition: string | undefined): Promise<void> {
    const position = parsePosition(minPosition);
    if (position === undefined) return;
    await this.head.requireOnRecord(position, 'minPosition', this.readModels.projection.position);
    const treatyPosition = await this.lastTreatyEventUpTo(position);
    if (treatyPosition === undefined) return;
    if (!(await this.readModels.waitForPosition(treatyPosition, READ_YOUR_WRITE_TIMEOUT_MS))) {
      throw new ApiProblem(
        504,
        'PROJECTION_LAGGING',
        `The read model has not reached position ${minPosition} within ${READ_YOUR_WRITE_TIMEOUT_MS / 1000} s`,
        { position: this.readModels.projection.position?.toString() ?? null },
      );
    }
  }

  /**
   * The read model follows the treaty streams only, so it never reaches the position of another event (an audit
   * checkpoint, a webhook's): it holds everything up to `position` once it has the last treaty event at or before
   * it. Undefined when it has that already. A position that is no event's is refused (POSITION_NOT_AN_EVENT).
   */
  private async lastTreatyEventUpTo(position: bigint): Promise<bigint | undefined> {
    const applied = this.readModels.projection.position;
    if (applied !== undefined && applied >= position) return undefined;
    for await (const event of this.store.readAll({ fromPosition: position, maxCount: 1 })) {
      if (event.position !== position) return undefined; // 0, the log's start: nothing to wait for
      if (event.streamName.startsWith(TREATY_STREAM_PREFIX)) return position;
    }
    for await (const event of this.store.readAll({ fromPosition: position, direction: 'backwards' })) {
      if (applied !== undefined && event.position <= applied) return undefined;
      if (event.streamName.startsWith(TREATY_STREAM_PREFIX)) return event.position;
    }
    return undefined;
  }

  private async events(treatyId: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const event of this.store.readStream(treatyStreamName(treatyId))) events.push(event);
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return events;
  }

  /** What other treaties say about this one: as the record stands now, or as it stood at `knownAt`. */
  private async linksTo(treatyId: string, query: TreatyViewQueryDto): Promise<TreatyLinks> {
    if (query.knownAt === undefined) return this.readModels.treaties.links(treatyId);
    const linkers: TreatyEventEnvelope[][] = [];
    for (const linker of this.readModels.treaties.linkers(treatyId)) {
      // A linker whose stream its operator deleted for good says nothing any more: this treaty is still here.
      const events = await this.events(linker).catch((error: unknown) => {
        if (error instanceof StreamDeletedError) return [];
        throw error;
      });
      linkers.push(events.map(toTreatyEnvelope));
    }
    return linksKnownAt(treatyId, linkers, query.knownAt);
  }

  /** The view of a past `asOf` or `knownAt`, folded in the time travellers' thread from what is read here. */
  private async fold<View extends keyof PastViews>(
    treatyId: string,
    query: TreatyViewQueryDto,
    view: View,
  ): Promise<PastViews[View]> {
    const events = await this.events(treatyId);
    const envelopes = events.map(toTreatyEnvelope);
    // Which of the treaties it names are not on record (decision 0045): now, or as the record stood at knownAt.
    const named = new Set(envelopes.flatMap((envelope) => treatiesNamedBy(envelope.event)));
    const knownAt = query.knownAt === undefined ? undefined : new Date(query.knownAt);
    const links = {
      ...(await this.linksTo(treatyId, query)),
      notOnRecord: this.readModels.treaties.notOnRecord(named, knownAt),
    };
    const folded = await this.pastViews.fold({ view, envelopes, options: viewOptions(query, this.clock), links });
    if (folded) return folded;
    // Recorded since: an auditor asking what was known then is told so, and from when it is known.
    const first = events[0];
    if (first !== undefined && query.knownAt !== undefined) notYetKnown(treatyId, query.knownAt, first.recordedAt);
    return notFound(treatyId);
  }
}

interface SyncAnswer {
  readonly items: JsonView[];
  readonly deleted: string[];
  readonly leftFilter: string[];
}

/**
 * A sync page: `deleted` and `leftFilter` only when there are any, so that a store that never deletes, or a sync
 * with no status filter, answers as before.
 */
function changedPage({ items, deleted, leftFilter }: SyncAnswer, nextCursor: string | null, changedUpTo: bigint) {
  return {
    items,
    ...(deleted.length > 0 ? { deleted } : {}),
    ...(leftFilter.length > 0 ? { leftFilter } : {}),
    nextCursor,
    changedUpTo: changedUpTo.toString(),
  } satisfies ChangedTreatiesPage;
}

/** Where a sync continues: a page's nextCursor passed as `cursor`, as every listing is followed, else `changedSince`. */
function syncPosition(query: TreatyListQueryDto): bigint {
  if (query.cursor === undefined) return BigInt(query.changedSince!);
  const position = parsePosition(query.cursor);
  if (position === undefined) {
    const message = 'cursor must be the nextCursor of a changedSince page: a position';
    throw new ApiProblem(400, 'VALIDATION_FAILED', message, { errors: [{ field: 'cursor', message }] });
  }
  return position;
}

function isTimeTravel(query: TreatyViewQueryDto): boolean {
  return query.asOf !== undefined || query.knownAt !== undefined;
}

function viewOptions(query: TreatyViewQueryDto, clock: Clock): ViewOptions {
  const knownAt = query.knownAt === undefined ? undefined : new Date(query.knownAt);
  return {
    ...(query.asOf !== undefined ? { asOf: query.asOf } : {}),
    ...(query.knownAt !== undefined ? { knownAt: query.knownAt } : {}),
    // Without asOf, what was known at a moment is the present as it was then: the dates ahead read against its day.
    // A moment still to come is now: all that is known is what is known now, and no day after today has come.
    ...(query.asOf === undefined && knownAt !== undefined && !Number.isNaN(knownAt.getTime())
      ? { today: latestDateOnEarth(new Date(Math.min(knownAt.getTime(), clock().getTime()))) }
      : {}),
  };
}

function notFound(treatyId: string): never {
  throw new ApiProblem(404, 'TREATY_NOT_FOUND', `No treaty has the id "${treatyId}"`);
}

function notYetKnown(treatyId: string, knownAt: string, firstRecordedAt: Date): never {
  throw new ApiProblem(
    404,
    'TREATY_NOT_FOUND',
    `Treaty "${treatyId}" was not on record at knownAt ${knownAt}: it was first recorded at ${firstRecordedAt.toISOString()}`,
  );
}
