import { Controller, Get, Header, Param, Query, Req } from '@nestjs/common';
import {
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { ReadAccess } from '../auth/access.decorators';
import { PublicAddress } from '../http/public-address';
import { TreatyIdPipe } from '../treaties/treaty-id.pipe';
import { byUpdatedDescending, entriesOf, renderAtom, type AtomEntry } from './atom-feed';
import { DevelopmentReads } from './development-reads.service';
import type { DevelopmentRecord } from './development-records';
import { FeedPageQueryDto, PartyCodePipe } from './feed-page.query.dto';

const ATOM = 'application/atom+xml; charset=utf-8';
export const FEED_PAGE_SIZE = 50;

@ApiTags('consumers')
@ApiProduces('application/atom+xml')
@ApiOkResponse({ description: 'An Atom feed (RFC 4287), newest first, paged (RFC 5005: first/previous/next/last)' })
@ReadAccess()
@Controller()
export class FeedsController {
  constructor(
    private readonly reads: DevelopmentReads,
    private readonly address: PublicAddress,
  ) {}

  @Get('feeds/developments.atom')
  @Header('Content-Type', ATOM)
  @ApiOperation({ summary: 'Every development of every treaty, as Atom' })
  all(@Query() query: FeedPageQueryDto, @Req() request: Request): string {
    return this.feed(request, 'feeds/developments.atom', 'Treaty developments', this.reads.records(), query.page);
  }

  @Get('treaties/:treatyId/feed.atom')
  @Header('Content-Type', ATOM)
  @ApiOperation({ summary: "One treaty's developments, as Atom" })
  @ApiNotFoundResponse({ description: 'TREATY_NOT_FOUND' })
  @ApiGoneResponse({
    description: "STREAM_DELETED: the treaty's stream was deleted for good by the event store's operator",
  })
  treaty(@Param('treatyId', TreatyIdPipe) treatyId: string, @Query() query: FeedPageQueryDto, @Req() request: Request) {
    const { summary, records } = this.reads.treaty(treatyId);
    return this.feed(request, `treaties/${treatyId}/feed.atom`, `${summary.title}: developments`, records, query.page);
  }

  @Get('parties/:party/feed.atom')
  @Header('Content-Type', ATOM)
  @ApiOperation({ summary: "The developments of a party's treaties, as Atom" })
  party(@Param('party', PartyCodePipe) party: string, @Query() query: FeedPageQueryDto, @Req() request: Request) {
    return this.feed(
      request,
      `parties/${party}/feed.atom`,
      `Treaties of ${party}: developments`,
      this.reads.records(party),
      query.page,
    );
  }

  private feed(request: Request, path: string, title: string, records: Iterable<DevelopmentRecord>, page = 1): string {
    const base = this.address.baseUrlFor(request);
    const entries: AtomEntry[] = [];
    for (const record of records) entries.push(...entriesOf(record, base));
    entries.sort(byUpdatedDescending);
    const pages = Math.max(1, Math.ceil(entries.length / FEED_PAGE_SIZE));
    const url = `${base}/${path}`;
    const pageUrl = (number: number) => (number === 1 ? url : `${url}?page=${number}`);
    return renderAtom({
      id: url,
      title,
      updated: entries[0]?.updated ?? new Date(0).toISOString(),
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
}
