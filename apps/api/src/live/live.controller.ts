import { Controller, Headers, Param, Query, Req, Sse } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import { ReadAccess } from '../auth/access.decorators';
import { TreatyIdPipe } from '../treaties/treaty-id.pipe';
import { LiveConnections } from './live-connections.service';
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
  constructor(
    private readonly feed: LiveFeed,
    private readonly connections: LiveConnections,
  ) {}

  @Sse('live')
  @ApiOperation({ summary: 'Every treaty update, live (filters: treaty, party, status)' })
  all(
    @Query() query: LiveQueryDto,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: AuthenticatedRequest,
  ) {
    const updates = this.feed.updates(resumePosition(lastEventId), query);
    return this.connections.track(request, toSseMessages(updates, request.res!, SSE));
  }

  @Sse('treaties/:treatyId/live')
  @ApiOperation({ summary: "One treaty's updates, live" })
  one(
    @Param('treatyId', TreatyIdPipe) treaty: string,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: AuthenticatedRequest,
  ) {
    const updates = this.feed.updates(resumePosition(lastEventId), { treaty });
    return this.connections.track(request, toSseMessages(updates, request.res!, SSE));
  }
}
