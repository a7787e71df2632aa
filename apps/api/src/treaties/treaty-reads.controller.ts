import { Controller, Get, Param, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiGatewayTimeoutResponse,
  ApiGoneResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ReadAccess } from '../auth/access.decorators';
import { TreatyReads } from './application/treaty-reads.service';
import { DEVELOPMENT_ID } from './development-id.pipe';
import { TreatyDevelopmentDto } from './dto/treaty-development.response.dto';
import { TreatyListQueryDto } from './dto/treaty-list.query.dto';
import { TreatyListDto } from './dto/treaty-list.response.dto';
import { PartyStatusDto, TreatyStatusDto } from './dto/treaty-status.response.dto';
import { TreatyTimelineQueryDto } from './dto/treaty-timeline.query.dto';
import { TreatyTimelineDto } from './dto/treaty-timeline.response.dto';
import { TreatyViewQueryDto } from './dto/treaty-view.query.dto';
import { EtagFromRevisionInterceptor } from './etag-from-revision.interceptor';
import { timelineAnswer } from './timeline-answer';
import { TreatyIdPipe } from './treaty-id.pipe';

const PROBLEM = { description: 'application/problem+json with a stable `code`' };
const GONE = { description: "STREAM_DELETED: the treaty's stream was deleted for good by the event store's operator" };

@ApiTags('consumers')
// Referenced from the status's per-party map by name, so registered here.
@ApiExtraModels(PartyStatusDto)
@ApiBadRequestResponse(PROBLEM)
@ApiGatewayTimeoutResponse({ description: 'PROJECTION_LAGGING: the read model did not reach minPosition in time' })
@ReadAccess()
@Controller('treaties')
export class TreatyReadsController {
  constructor(private readonly reads: TreatyReads) {}

  @Get()
  @ApiOperation({ summary: 'Every treaty with its current status; filter by party, status, category; paginated' })
  @ApiOkResponse({
    type: TreatyListDto,
    description:
      '{ items: [status...], nextCursor }; with changedSince also changedUpTo and deleted (ids of treaties deleted ' +
      'for good), and with status or party leftFilter (ids of treaties changed since that no longer match them)',
  })
  list(@Query() query: TreatyListQueryDto) {
    return this.reads.list(query);
  }

  @Get(':treatyId')
  @UseInterceptors(EtagFromRevisionInterceptor)
  @ApiOperation({ summary: "A treaty's status, overall and per party, with every fact's sources; asOf / knownAt" })
  @ApiOkResponse({
    type: TreatyStatusDto,
    description:
      'The status projection; its ETag is `"<revision>-<digest>"`: the stream revision (what If-Match compares) and ' +
      'a digest of the bytes sent (304 to an If-None-Match that names it)',
  })
  @ApiResponse({ status: 304, description: 'Not Modified: the answer named by If-None-Match is current' })
  @ApiNotFoundResponse(PROBLEM)
  @ApiGoneResponse(GONE)
  status(@Param('treatyId', TreatyIdPipe) treatyId: string, @Query() query: TreatyViewQueryDto) {
    return this.reads.status(treatyId, query);
  }

  @Get(':treatyId/timeline')
  @ApiOperation({
    summary: "A treaty's full history in valid-time order, corrections and retractions beside each; or a page of it",
    description:
      "With limit (and the previous page's nextCursor as cursor), a page: the same view with only those items, " +
      'and nextCursor (null on the last page). Without them, the whole timeline, as it always was',
  })
  @ApiOkResponse({
    type: TreatyTimelineDto,
    description: "The timeline view; its ETag is of the answer's bytes (304 to an If-None-Match that names it)",
    headers: {
      Link: { description: 'Paged, while there are more: <the next page>; rel="next" (RFC 8288)', required: false },
    },
  })
  @ApiNotFoundResponse(PROBLEM)
  @ApiGoneResponse(GONE)
  @ApiResponse({ status: 304, description: 'Not Modified: the answer named by If-None-Match is current' })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'An ETag of this answer: 304 while it holds' })
  async timeline(
    @Param('treatyId', TreatyIdPipe) treatyId: string,
    @Query() query: TreatyTimelineQueryDto,
    @Req() request: Request,
    // Sent here, not returned: Nest would serialise a Buffer as JSON.
    @Res() response: Response,
  ): Promise<void> {
    response.send(timelineAnswer(await this.reads.timeline(treatyId, query), query, request, response));
  }

  @Get(':treatyId/developments/:developmentId')
  @ApiOperation({
    summary: 'One development, its permalink: corrections applied, every source, its retraction; asOf / knownAt',
    description:
      'Named by its development id, or by the id of any event about it (a corroboration, a correction, its ' +
      'retraction): each answers the development it concerns. A retracted development is answered, marked.',
  })
  @ApiOkResponse({ type: TreatyDevelopmentDto })
  @ApiNotFoundResponse({ description: 'TREATY_NOT_FOUND, DEVELOPMENT_NOT_FOUND' })
  development(
    @Param('treatyId', TreatyIdPipe) treatyId: string,
    @Param('developmentId', DEVELOPMENT_ID) developmentId: string,
    @Query() query: TreatyViewQueryDto,
  ) {
    return this.reads.development(treatyId, developmentId, query);
  }
}
