import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import {
  ApiGoneResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
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
import { ApiProblem } from '../problems/api-problem';
import { TreatyLiveQueryDto } from './treaty-live.query.dto';
import { TreatyOnRecord } from './treaty-on-record';

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
    private readonly onRecord: TreatyOnRecord,
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
  @ApiOperation({
    summary: "One treaty's updates, live",
    description:
      'A treaty not on record is 404, as on every other route of a treaty: a mistyped id is not a stream that ' +
      'never speaks. `awaitRegistration=true` follows an id before its registration (its first message); so ' +
      'does `/live?treaty=`, a filter.',
  })
  @ApiNotFoundResponse({ description: 'TREATY_NOT_FOUND: no treaty has the id (and awaitRegistration is not true)' })
  @ApiGoneResponse({
    description: "STREAM_DELETED: the treaty's stream was deleted for good by the event store's operator",
  })
  async one(
    @Param('treatyId', TreatyIdPipe) treaty: string,
    @Query() query: TreatyLiveQueryDto,
    @LastEventIdHeader(LastEventIdPipe) after: bigint | undefined,
    @Req() request: AuthenticatedRequest,
    @Res() response: Response,
  ): Promise<void> {
    // A treaty deleted for good has no updates to come: say so, rather than hold a stream open on nothing.
    refuseIfDeleted(this.readModels.treaties, treaty);
    if (query.awaitRegistration !== 'true' && !(await this.onRecord.has(treaty))) {
      throw new ApiProblem(
        404,
        'TREATY_NOT_FOUND',
        `No treaty has the id "${treaty}": to follow it before it is registered, ask with ?awaitRegistration=true`,
      );
    }
    this.stream(request, response, { treaty }, after);
  }

  private stream(request: AuthenticatedRequest, response: Response, filter: LiveFilter, after?: bigint): void {
    const release = this.connections.admit(request);
    response.once('close', release);
    this.broadcast.subscribe(response, filter, after);
  }
}
