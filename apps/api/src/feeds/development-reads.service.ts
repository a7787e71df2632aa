import { Injectable } from '@nestjs/common';
import pLimit from 'p-limit';
import {
  treatyStatusProjection,
  type JsonView,
  type ReadModelSnapshot,
  type TreatyStatusQueries,
} from '@timeline/projections';
import { inTurns } from '../http/in-turns';
import { ApiProblem } from '../problems/api-problem';
import { refuseIfDeleted } from '../read-models/deleted-treaty';
import { ReadModels } from '../read-models/read-models.service';
import { developmentRecords, summaryOf, type DevelopmentRecord, type TreatySummary } from './development-records';
import type { EntryVersion } from './entry-versions';
import { FeedVersionIndex } from './feed-version-index';

const PAGE = 500;

/** Rows read from a snapshot of the read model, with what they depend on (`moment`), named before the first row. */
export interface OpenSnapshot<M, T> {
  readonly moment: M;
  readonly rows: Generator<T>;
  close(): void;
}

/**
 * What is rendered from the views of some treaties depends on, known without rendering one: each treaty, in id order,
 * with the position of the last event that changed its views (its own, or another's naming it), the projection's
 * version that renders them, and the present's day, which the dates the record sets ahead are read against.
 */
export interface ViewsMoment {
  readonly treaties: readonly (readonly [treatyId: string, viewsPosition: bigint])[];
  readonly projectionVersion: number;
  readonly today: string;
}

/** A download whose snapshot of the read model is open: see `DevelopmentReads.openDownload`. */
export type OpenDownload<T> = OpenSnapshot<
  {
    /** What the download's rows depend on: the snapshot's last event and version, and the present's day. */
    readonly position: bigint | undefined;
    readonly version: number | undefined;
    readonly today: string;
  },
  T
>;

/**
 * The read model's treaties and their developments, for feeds, calendars and downloads. What is read over many turns
 * of the event loop (a download, a party's calendar, every record) is read from one snapshot, so that it never mixes
 * two moments, as reading the live read model page by page would.
 */
@Injectable()
export class DevelopmentReads {
  /** The feeds' entry versions, kept for the read model served (a promoted file gets an index of its own). */
  private feedVersions: { readonly of: TreatyStatusQueries; readonly index: FeedVersionIndex } | undefined;

  /**
   * Reads of every record wait for one another: each holds them all in memory, and once read in turns, requests that
   * came together would hold a copy each (they ran one after the other while each held the event loop).
   */
  private readonly oneWholeReadAtATime = pLimit(1);

  constructor(private readonly readModels: ReadModels) {}

  /**
   * Every version of the entries of the feed of every development (of a party's feed, when given), in log order: an
   * index kept up to date with what changed since it was last asked (decision 0065). Resolves in the turn of the
   * event loop where the read model is as the versions say, the one served then.
   */
  async entryVersions(party?: string): Promise<readonly EntryVersion[]> {
    for (;;) {
      const treaties = this.readModels.treaties;
      if (this.feedVersions?.of !== treaties) {
        this.feedVersions = { of: treaties, index: new FeedVersionIndex(treaties) };
      }
      try {
        const versions = await this.feedVersions.index.versions(party);
        if (this.readModels.treaties === treaties) return versions;
      } catch (error) {
        // A read model replaced by a promoted rebuild while its index was built is closed: build the new one's.
        if (this.readModels.treaties === treaties) throw error;
      }
    }
  }

  /** The developments of these treaties, by id: those of the entries a feed's document shows. */
  recordsByDevelopment(treatyIds: Iterable<string>): Map<string, DevelopmentRecord> {
    const records = new Map<string, DevelopmentRecord>();
    for (const treatyId of treatyIds) {
      for (const record of treatyRecordsIn(this.readModels.treaties, treatyId)?.records ?? []) {
        records.set(record.developmentId, record);
      }
    }
    return records;
  }

  /**
   * The developments of every treaty (a party's, when given), treaty by treaty, read from one snapshot of the read
   * model a turn of the event loop at a time: for a reader that needs them all at once (a feed's `?page=`), without
   * holding every other request meanwhile; one such read at a time, the others queued.
   */
  everyRecord(party?: string): Promise<DevelopmentRecord[]> {
    return this.oneWholeReadAtATime(async () => {
      const opened = this.openSnapshot(
        (treaties) => recordsIn(treaties, party),
        () => undefined,
      );
      const records: DevelopmentRecord[] = [];
      for await (const record of inTurns(opened.rows)) records.push(record);
      return records;
    });
  }

  /**
   * A download of what `read` yields from a snapshot of the read model taken now: its `moment` (position and
   * projection version) names the download before a row is written, so that a client holding it can be answered
   * 304. The snapshot is closed once the last row has been taken or the reader stops (a generator's `return`,
   * which a destroyed stream calls), or by `close`, for a download that is never read (a 304, a client gone
   * before the first row); closing twice is harmless.
   */
  openDownload<T>(read: (treaties: TreatyStatusQueries) => Iterable<T>): OpenDownload<T> {
    return this.openSnapshot(read, (snapshot) => ({
      position: snapshot.position,
      version: snapshot.version,
      today: snapshot.treaties.today(),
    }));
  }

  /**
   * A calendar of every treaty (a party's, when given) from a snapshot of the read model taken now, as a download is:
   * its `moment` is what the calendar's events depend on, read without rendering a view, for an ETag known before
   * the first event is made (decision 0069).
   */
  openCalendar<T>(
    party: string | undefined,
    read: (treaties: TreatyStatusQueries) => Iterable<T>,
  ): OpenSnapshot<ViewsMoment, T> {
    return this.openSnapshot(read, (snapshot) => ({
      treaties: snapshot.treaties.viewPositions(party),
      projectionVersion: treatyStatusProjection.version,
      today: snapshot.treaties.today(),
    }));
  }

  private openSnapshot<M, T>(
    read: (treaties: TreatyStatusQueries) => Iterable<T>,
    momentOf: (snapshot: ReadModelSnapshot) => M,
  ): OpenSnapshot<M, T> {
    const snapshot: ReadModelSnapshot = this.readModels.snapshot();
    function* rows(): Generator<T> {
      try {
        yield* read(snapshot.treaties);
      } finally {
        snapshot.close();
      }
    }
    try {
      return { moment: momentOf(snapshot), rows: rows(), close: () => snapshot.close() };
    } catch (error) {
      snapshot.close();
      throw error;
    }
  }

  treaty(treatyId: string): { summary: TreatySummary; status: JsonView; records: DevelopmentRecord[] } {
    refuseIfDeleted(this.readModels.treaties, treatyId);
    const found = treatyRecordsIn(this.readModels.treaties, treatyId);
    if (!found) throw new ApiProblem(404, 'TREATY_NOT_FOUND', `No treaty has the id "${treatyId}"`);
    return found;
  }
}

/** One treaty's summary, status and developments, or undefined when the read model holds no such treaty. */
function treatyRecordsIn(
  treaties: TreatyStatusQueries,
  treatyId: string,
): { summary: TreatySummary; status: JsonView; records: DevelopmentRecord[] } | undefined {
  const status = treaties.status(treatyId);
  const timeline = treaties.timeline(treatyId);
  if (!status || !timeline) return undefined;
  const summary = summaryOf(status);
  return { summary, status, records: developmentRecords(summary, timeline) };
}

/** Every treaty's status view (optionally only a party's), in id order, page by page. */
export function* statusesIn(treaties: TreatyStatusQueries, party?: string): Generator<JsonView> {
  let after: string | undefined;
  for (;;) {
    const page = treaties.list({
      limit: PAGE,
      ...(party !== undefined ? { party } : {}),
      ...(after !== undefined ? { after } : {}),
    });
    yield* page.items;
    if (page.nextCursor === null) return;
    after = page.nextCursor;
  }
}

/** The developments of every treaty (a party's, when given), treaty by treaty. */
export function* recordsIn(treaties: TreatyStatusQueries, party?: string): Generator<DevelopmentRecord> {
  for (const status of statusesIn(treaties, party)) {
    const timeline = treaties.timeline(String(status.id));
    if (timeline) yield* developmentRecords(summaryOf(status), timeline);
  }
}
