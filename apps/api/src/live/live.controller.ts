import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiGoneResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import { ReadAccess } from '../auth/access.decorators';
import { refuseIfDeleted } from '../read-models/deleted-treaty';
import { ReadModels } from '../read-models/read-models.service';
import { TreatyIdPipe } from '../treaties/treaty-id.pipe';
import { LastEventIdHeader, LastEventIdPipe } from './last-event-id.pipe';
import { LiveBroadcast } from './live-broadcast.service';
import { LiveConnections } from './live-connections.service';
import type { LiveFilter } from './live-filter';
import { LiveQueryDto } from './live.query.dto';

/**
 * The SSE routes write to the response themselves (not `@Sse()`): the broadcast writes one shared frame per update
 * to every stream, where NestJS would serialise each message again for each subscriber (decision 0014).
 */
@ApiTags('consumers')
@ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this position: nothing missed' })
@ApiProduces('text/event-stream')
@ApiOkResponse({ description: 'text/event-stream: each message a treaty status, `id:` its global position' })
@ReadAccess()
@Controller()
export class LiveController {
  constructor(
    private readonly broadcast: LiveBroadcast,
    private readonly connections: LiveConnections,
    private readonly readModels: ReadModels,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Every treaty update, live (filters: treaty, party, status)' })
  all(
    @Query() query: LiveQueryDto,
    @LastEventIdHeader(LastEventIdPipe) after: bigint | undefined,
    @Req() request: AuthenticatedRequest,
    @Res() response: Response,
  ): void {
    this.stream(request, response, { treaty: query.treaty, party: query.party, status: query.status }, after);
  }

  @Get('treaties/:treatyId/live')
  @ApiOperation({ summary: "One treaty's updates, live" })
  @ApiGoneResponse({
    description: "STREAM_DELETED: the treaty's stream was deleted for good by the event store's operator",
  })
  one(
    @Param('treatyId', TreatyIdPipe) treaty: string,
    @LastEventIdHeader(LastEventIdPipe) after: bigint | undefined,
    @Req() request: AuthenticatedRequest,
    @Res() response: Response,
  ): void {
    // A treaty deleted for good has no updates to come: say so, rather than hold a stream open on nothing.
    refuseIfDeleted(this.readModels.treaties, treaty);
    this.stream(request, response, { treaty }, after);
  }

  private stream(request: AuthenticatedRequest, response: Response, filter: LiveFilter, after?: bigint): void {
    const release = this.connections.admit(request);
    response.once('close', release);
    this.broadcast.subscribe(response, filter, after);
  }
}
