import { Controller, Get, Header, Param, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ReadAccess } from '../auth/access.decorators';
import { DevelopmentReads } from '../feeds/development-reads.service';
import { PartyCodePipe } from '../feeds/feed-page.query.dto';
import { PublicAddress } from '../http/public-address';
import { answerFromSnapshot } from '../http/snapshot-answer';
import { TreatyIdPipe } from '../treaties/treaty-id.pipe';
import { calendarEtag } from './calendar-etag';
import { calendarText, renderCalendar } from './icalendar';
import { partyCalendarEvents, treatyCalendarEvents } from './treaty-calendar-events';

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
    return renderCalendar(summary.title, treatyCalendarEvents(status, records, this.address.baseUrlFor(request)));
  }

  @Get('parties/:party/calendar.ics')
  @Header('Content-Type', CALENDAR)
  @ApiOperation({ summary: "The developments of a party's treaties as a calendar" })
  @ApiResponse({
    status: 304,
    description: "Not Modified: none of the party's treaties changed, joined or left since the calendar named",
  })
  party(
    @Param('party', PartyCodePipe) party: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): StreamableFile | undefined {
    const base = this.address.baseUrlFor(request);
    // From one snapshot, named before an event is made, written a treaty at a time (decision 0069).
    const opened = this.reads.openCalendar(party, (treaties) =>
      calendarText(`Treaties of ${party}`, partyCalendarEvents(treaties, party, base)),
    );
    return answerFromSnapshot(request, response, opened, calendarEtag(opened.moment, `${base}\nparty ${party}`), {
      type: CALENDAR,
    });
  }
}
