import { Controller, Inject, Param, Query, Req, Sse } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import { ReadAccess } from '../auth/access.decorators';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TreatyIdPipe } from '../treaties/treaty-id.pipe';
import { LastEventIdHeader, LastEventIdPipe } from './last-event-id.pipe';
import { LiveConnections } from './live-connections.service';
import { LiveFeed } from './live-feed.service';
import { LiveQueryDto } from './live.query.dto';
import { toSseMessages, type SseOptions } from './sse-messages';

@ApiTags('consumers')
@ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this position: nothing missed' })
@ApiOkResponse({ description: 'text/event-stream: each message a treaty status, `id:` its global position' })
@ReadAccess()
@Controller()
export class LiveController {
  constructor(
    private readonly feed: LiveFeed,
    private readonly connections: LiveConnections,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.sse = { heartbeatMs: 15_000, maxUnreadMessages: 256, maxUnreadBytes: config.limits.sseMaxBufferedBytes };
  }

  private readonly sse: SseOptions;

  @Sse('live')
  @ApiOperation({ summary: 'Every treaty update, live (filters: treaty, party, status)' })
  all(
    @Query() query: LiveQueryDto,
    @LastEventIdHeader(LastEventIdPipe) after: bigint | undefined,
    @Req() request: AuthenticatedRequest,
  ) {
    const updates = this.feed.updates(after, query);
    return this.connections.track(request, toSseMessages(updates, request.res!, this.sse));
  }

  @Sse('treaties/:treatyId/live')
  @ApiOperation({ summary: "One treaty's updates, live" })
  one(
    @Param('treatyId', TreatyIdPipe) treaty: string,
    @LastEventIdHeader(LastEventIdPipe) after: bigint | undefined,
    @Req() request: AuthenticatedRequest,
  ) {
    const updates = this.feed.updates(after, { treaty });
    return this.connections.track(request, toSseMessages(updates, request.res!, this.sse));
  }
}
