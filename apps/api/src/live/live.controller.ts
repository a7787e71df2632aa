import { Controller, Headers, Param, Query, Req, Sse } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ReadAccess } from '../auth/access.decorators';
import { TreatyIdPipe } from '../treaties/treaty-id.pipe';
import { LiveFeed } from './live-feed.service';
import { LiveQueryDto } from './live.query.dto';
import { resumePosition, toSseMessages, type SseOptions } from './sse-messages';

const SSE: SseOptions = { heartbeatMs: 15_000, maxUnreadMessages: 256 };

@ApiTags('consumers')
@ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this position: nothing missed' })
@ApiOkResponse({ description: 'text/event-stream: each message a treaty status, `id:` its global position' })
@ReadAccess()
@Controller()
export class LiveController {
  constructor(private readonly feed: LiveFeed) {}

  @Sse('live')
  @ApiOperation({ summary: 'Every treaty update, live (filters: treaty, party, status)' })
  all(
    @Query() query: LiveQueryDto,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: Request,
  ) {
    return toSseMessages(this.feed.updates(resumePosition(lastEventId), query), request.res!, SSE);
  }

  @Sse('treaties/:treatyId/live')
  @ApiOperation({ summary: "One treaty's updates, live" })
  one(
    @Param('treatyId', TreatyIdPipe) treaty: string,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: Request,
  ) {
    return toSseMessages(this.feed.updates(resumePosition(lastEventId), { treaty }), request.res!, SSE);
  }
}
