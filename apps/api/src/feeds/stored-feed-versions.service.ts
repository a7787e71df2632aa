import { Injectable } from '@nestjs/common';
import type { FeedVersionRow } from '@timeline/projections';
import { ReadModels } from '../read-models/read-models.service';
import { developmentRecords, summaryOf, type DevelopmentRecord } from './development-records';
import { entryVersionsOf, type EntryVersion } from './entry-versions';
import { FeedArchives } from './feed-archives';

/** A document's versions, with the records of their treaties that render them. */
export interface VersionsToRender {
  readonly versions: EntryVersion[];
  readonly records: ReadonlyMap<string, DevelopmentRecord>;
}

/**
 * The feeds whose versions the read model stores as the log made them (every development's, a party's: decision
 * 0057). A document reads its 50 versions by index and the records of their treaties only, whatever the size of the
 * read model.
 */
@Injectable()
export class StoredFeedVersions {
  constructor(private readonly readModels: ReadModels) {}

  /** The feed's archives (`feed`: `EVERY_DEVELOPMENT_FEED` or a party's code), read from the stored versions. */
  archives(feed: string): FeedArchives<FeedVersionRow> {
    const treaties = this.readModels.treaties;
    return new FeedArchives({
      count: treaties.feedVersionCount(feed),
      slice: (offset: number, limit: number) => treaties.feedVersions(feed, offset, limit),
    });
  }

  /**
   * The versions as the renderer takes them: each with its treaty's current records, and `latest` when no later
   * event changed its entry (it is then rendered from the record as it stands, otherwise as it was then). A version
   * of a treaty deleted for good is left out: its place in the feed stays taken, so no archive boundary moves, but
   * nothing of it can be read any more (decision 0024).
   */
  toRender(rows: readonly FeedVersionRow[]): VersionsToRender {
    const treaties = this.readModels.treaties;
    const records = new Map<string, DevelopmentRecord>();
    const newestOfEntry = new Map<string, bigint>();
    for (const treatyId of new Set(rows.map((row) => row.treatyId))) {
      const status = treaties.deletedAt(treatyId) === undefined ? treaties.status(treatyId) : undefined;
      const timeline = status && treaties.timeline(treatyId);
      if (!status || !timeline) continue;
      for (const record of developmentRecords(summaryOf(status), timeline)) {
        records.set(record.developmentId, record);
        for (const version of entryVersionsOf(record)) {
          if (version.latest) newestOfEntry.set(version.entryId, version.position);
        }
      }
    }
    const versions = rows.flatMap((row) => {
      const newest = newestOfEntry.get(row.entryId);
      if (newest === undefined || !records.has(row.developmentId)) return [];
      return [{ ...row, latest: row.position >= newest }];
    });
    return { versions, records };
  }
}
