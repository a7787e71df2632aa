import { Controller, Get, Header, Param, Req } from '@nestjs/common';
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
import { DevelopmentReads } from '../feeds/development-reads.service';
import { PartyCodePipe } from '../feeds/feed-page.query.dto';
import { PublicAddress } from '../http/public-address';
import { TreatyIdPipe } from '../treaties/treaty-id.pipe';
import { expectedDatesOf, expectedEvent } from './expected-dates';
import { RecordStamps } from './record-stamp';
import { developmentEvents, renderCalendar } from './icalendar';
import { revokedNotices } from './revoked-notices';

/** When this calendar was made: the DTSTAMP of events that no record dates (RFC 5545, 3.8.7.2). */
const calendarStamp = (): string =>
  new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

const CALENDAR = 'text/calendar; charset=utf-8';

@ApiTags('consumers')
@ApiProduces('text/calendar')
@ApiOkResponse({
  description:
    'iCalendar (RFC 5545): each dated development an all-day event, as long as its precision; entry into force computed from the clause as a tentative event',
})
@ReadAccess()
@Controller()
export class CalendarsController {
  constructor(
    private readonly reads: DevelopmentReads,
    private readonly address: PublicAddress,
  ) {}

  @Get('treaties/:treatyId/calendar.ics')
  @Header('Content-Type', CALENDAR)
  @ApiOperation({ summary: "A treaty's developments as a calendar" })
  @ApiNotFoundResponse({ description: 'TREATY_NOT_FOUND' })
  @ApiGoneResponse({
    description: "STREAM_DELETED: the treaty's stream was deleted for good by the event store's operator",
  })
  treaty(@Param('treatyId', TreatyIdPipe) treatyId: string, @Req() request: Request): string {
    const { summary, status, records } = this.reads.treaty(treatyId);
    const base = this.address.baseUrlFor(request);
    const stamps = new RecordStamps(records);
    const revoked = revokedNotices(records);
    return renderCalendar(summary.title, [
      ...records.flatMap((record) => developmentEvents(record, base, revoked.get(record.developmentId))),
      ...expectedDatesOf(status).map((expected) =>
        expectedEvent(expected, base, stamps.of(expected.treatyId, calendarStamp)),
      ),
    ]);
  }

  @Get('parties/:party/calendar.ics')
  @Header('Content-Type', CALENDAR)
  @ApiOperation({ summary: "The developments of a party's treaties as a calendar" })
  party(@Param('party', PartyCodePipe) party: string, @Req() request: Request): string {
    const base = this.address.baseUrlFor(request);
    const records = [...this.reads.records(party)];
    const stamps = new RecordStamps(records);
    const expected = [...this.reads.statuses(party)].flatMap((status) => expectedDatesOf(status, party));
    const revoked = revokedNotices(records);
    return renderCalendar(`Treaties of ${party}`, [
      ...records.flatMap((record) => developmentEvents(record, base, revoked.get(record.developmentId))),
      ...expected.map((date) => expectedEvent(date, base, stamps.of(date.treatyId, calendarStamp))),
    ]);
  }
}
