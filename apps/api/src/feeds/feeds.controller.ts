import { Controller, Get, Header, Inject, Param, Query, Req, Res } from '@nestjs/common';
import {
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ReadAccess } from '../auth/access.decorators';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PublicAddress } from '../http/public-address';
import { ApiProblem } from '../problems/api-problem';
import { TreatyIdPipe } from '../treaties/treaty-id.pipe';
import { byUpdatedDescending, entriesOf, renderAtom, type AtomEntry } from './atom-feed';
import { DevelopmentReads } from './development-reads.service';
import type { DevelopmentRecord } from './development-records';
import { entryVersionsOf, inLogOrder, type EntryVersion } from './entry-versions';
import { EntryVersions } from './entry-versions.service';
import { FeedArchives } from './feed-archives';
import { FeedDates, type FeedScope } from './feed-dates.service';
import { FeedPageQueryDto, PartyCodePipe } from './feed-page.query.dto';

const ATOM = 'application/atom+xml; charset=utf-8';
export const FEED_PAGE_SIZE = 50;
/**
 * How long a complete archive may be kept without asking again: its entries never change, except that a treaty whose
 * stream the operator deletes for good leaves every document (decision 0024), which a week of caching bounds.
 */
export const ARCHIVE_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
const ARCHIVE_NOT_FOUND = 'FEED_ARCHIVE_NOT_FOUND: ?archive= names an archive not complete yet';

@ApiTags('consumers')
@ApiProduces('application/atom+xml')
@ApiOkResponse({
  description:
    'An Atom feed (RFC 4287), newest first, archived (RFC 5005 section 4): the subscription document links its ' +
    'newest complete archive (prev-archive); each archive (?archive=n, fh:archive) links the previous and next ones ' +
    'and never changes. A change is a new version of its entry (same id, later updated) in the newer document',
})
@ReadAccess()
@Controller()
export class FeedsController {
  constructor(
    private readonly reads: DevelopmentReads,
    private readonly address: PublicAddress,
    private readonly versions: EntryVersions,
    private readonly dates: FeedDates,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('feeds/developments.atom')
  @Header('Content-Type', ATOM)
  @ApiOperation({ summary: 'Every development of every treaty, as Atom' })
  @ApiNotFoundResponse({ description: ARCHIVE_NOT_FOUND })
  all(
    @Query() query: FeedPageQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const path = 'feeds/developments.atom';
    return this.feed(request, response, path, 'Treaty developments', query, {
      scope: { every: true },
      versions: () => this.reads.entryVersions(),
      everyRecord: () => this.reads.everyRecord(),
    });
  }

  @Get('treaties/:treatyId/feed.atom')
  @Header('Content-Type', ATOM)
  @ApiOperation({ summary: "One treaty's developments, as Atom" })
  @ApiNotFoundResponse({ description: `TREATY_NOT_FOUND; ${ARCHIVE_NOT_FOUND}` })
  @ApiGoneResponse({
    description: "STREAM_DELETED: the treaty's stream was deleted for good by the event store's operator",
  })
  treaty(
    @Param('treatyId', TreatyIdPipe) treatyId: string,
    @Query() query: FeedPageQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { summary, records } = this.reads.treaty(treatyId);
    const path = `treaties/${treatyId}/feed.atom`;
    return this.feed(request, response, path, `${summary.title}: developments`, query, {
      scope: { treatyId },
      versions: () => Promise.resolve(records.flatMap(entryVersionsOf).sort(inLogOrder)),
      everyRecord: () => Promise.resolve(records),
    });
  }

  @Get('parties/:party/feed.atom')
  @Header('Content-Type', ATOM)
  @ApiOperation({ summary: "The developments of a party's treaties, as Atom" })
  @ApiNotFoundResponse({ description: ARCHIVE_NOT_FOUND })
  party(
    @Param('party', PartyCodePipe) party: string,
    @Query() query: FeedPageQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const title = `Treaties of ${party}: developments`;
    return this.feed(request, response, `parties/${party}/feed.atom`, title, query, {
      scope: { party },
      versions: () => this.reads.entryVersions(party),
      everyRecord: () => this.reads.everyRecord(party),
    });
  }

  private async feed(
    request: Request,
    response: Response,
    path: string,
    title: string,
    query: FeedPageQueryDto,
    content: FeedContent,
  ): Promise<string> {
    const base = this.address.baseUrlFor(request);
    const url = `${base}/${path}`;
    if (query.page !== undefined && query.archive !== undefined) {
      const message = "page and archive cannot be asked together: follow the feed's prev-archive links";
      throw new ApiProblem(400, 'VALIDATION_FAILED', message, { errors: [{ field: 'archive', message }] });
    }
    // Read first: what dates the feed is then read in the turn its entries are (see FeedDates).
    const logBegan = await this.dates.logBegan();
    const updatedOf = (newestEntry: string | undefined) => this.dates.updatedOf(content.scope, logBegan, newestEntry);
    if (query.page !== undefined) {
      return pagedFeed(url, title, await content.everyRecord(), base, query.page, updatedOf);
    }
    const archives = new FeedArchives(await content.versions());
    const entries = (versions: readonly EntryVersion[]) =>
      this.versions.entries(
        versions,
        this.reads.recordsByDevelopment(new Set(versions.map((version) => version.treatyId))),
        base,
      );
    const archiveUrl = (n: number) => `${url}?archive=${n}`;
    const prevArchive = (n: number) => (n >= 1 ? { prevArchive: archiveUrl(n) } : {});
    if (query.archive === undefined) {
      response.setHeader('Cache-Control', 'no-cache');
      const subscription = entries(archives.subscription());
      return renderAtom({
        id: url,
        title,
        updated: updatedOf(newest(subscription)),
        paging: { self: url, archive: false, ...prevArchive(archives.complete) },
        entries: subscription,
      });
    }
    const n = query.archive;
    const inArchive = archives.archive(n);
    if (inArchive === undefined) {
      throw new ApiProblem(
        404,
        'FEED_ARCHIVE_NOT_FOUND',
        `The feed has ${archives.complete} complete archive(s), not ${n}: newer entries are in ${url}`,
      );
    }
    // Complete: its bytes never change (decision 0053). A key-protected read is no shared cache's to keep.
    response.setHeader(
      'Cache-Control',
      `${this.config.publicReads ? 'public' : 'private'}, max-age=${ARCHIVE_MAX_AGE_SECONDS}, immutable`,
    );
    const archived = entries(inArchive);
    return renderAtom({
      id: url,
      title: `${title} (archive ${n})`,
      // Its newest entry's: an archive is never empty, and says what it held when it was complete, whatever left since.
      updated: newest(archived) ?? updatedOf(undefined),
      paging: {
        self: archiveUrl(n),
        archive: true,
        current: url,
        ...prevArchive(n - 1),
        ...(n < archives.complete ? { nextArchive: archiveUrl(n + 1) } : {}),
      },
      entries: archived,
    });
  }
}

/**
 * What a feed shows: every version of its entries in log order, which its documents are cut from, and every record,
 * for the pages of `?page=`.
 */
interface FeedContent {
  readonly scope: FeedScope;
  versions(): Promise<readonly EntryVersion[]>;
  everyRecord(): Promise<Iterable<DevelopmentRecord>>;
}

/** The latest `updated` of the entries; undefined for a feed with none (`FeedDates` dates it). */
function newest(entries: readonly AtomEntry[]): string | undefined {
  return entries.reduce<string | undefined>(
    (latest, entry) => (latest === undefined || entry.updated > latest ? entry.updated : latest),
    undefined,
  );
}

/**
 * The pages of RFC 5005 section 3 that the feed was before its archives (`?page=`): every entry once, at its latest,
 * newest first. Kept for the links handed out, but lossy: a correction moves its entry to page 1, so a reader walking
 * the pages meanwhile misses the entry that slid over the page it had read (decision 0053).
 */
function pagedFeed(
  url: string,
  title: string,
  records: Iterable<DevelopmentRecord>,
  base: string,
  page: number,
  updatedOf: (newestEntry: string | undefined) => string,
) {
  const entries: AtomEntry[] = [];
  for (const record of records) entries.push(...entriesOf(record, base));
  entries.sort(byUpdatedDescending);
  const pages = Math.max(1, Math.ceil(entries.length / FEED_PAGE_SIZE));
  const pageUrl = (number: number) => `${url}?page=${number}`;
  return renderAtom({
    id: url,
    title,
    updated: updatedOf(entries[0]?.updated),
    paging: {
      self: pageUrl(page),
      first: pageUrl(1),
      last: pageUrl(pages),
      ...(page > 1 ? { previous: pageUrl(Math.min(page - 1, pages)) } : {}),
      ...(page < pages ? { next: pageUrl(page + 1) } : {}),
    },
    entries: entries.slice((page - 1) * FEED_PAGE_SIZE, page * FEED_PAGE_SIZE),
  });
}
