import { Body, Controller, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiPreconditionFailedResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
  ApiExtraModels,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/access.decorators';
import { TreatyBatches } from './application/treaty-batches.service';
import type { WriteRequest } from './application/write-request';
import { BatchModeQueryDto } from './dto/batch-mode.query.dto';
import { BatchResponseDto } from './dto/batch-response.dto';
import { ReportDevelopmentRequestDto } from './dto/report-development.request.dto';
import { DevelopmentItemsPipe, MAX_BATCH_ITEMS } from './development-items.pipe';
import { TreatyIdPipe } from './treaty-id.pipe';
import { Write } from './write-request.decorator';

const PROBLEM = { description: "application/problem+json with a stable `code`; an item's refusal carries its `index`" };

@ApiTags('editors')
@ApiBearerAuth()
@ApiExtraModels(ReportDevelopmentRequestDto)
@Roles('editor')
@Controller('treaties')
export class TreatyBatchesController {
  constructor(private readonly batches: TreatyBatches) {}

  @Post(':treatyId/developments\\:batch')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Report many developments of one treaty at once (backfills), all or nothing',
    description:
      `A JSON array or NDJSON (one development per line), at most ${MAX_BATCH_ITEMS} items and ` +
      'TIMELINE_MAX_BATCH_BYTES bytes. Each item is checked and decided as POST .../developments would, on the ' +
      'state the items before it leave; the events are appended in one append. The treaty must be registered.',
  })
  @ApiConsumes('application/json', 'application/x-ndjson')
  @ApiBody({ schema: { type: 'array', items: { $ref: getSchemaPath(ReportDevelopmentRequestDto) } } })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key and body again: the first answer' })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag of the read you decided on, or a list of ETags any of which may hold; 412 when stale',
  })
  @ApiCreatedResponse({ type: BatchResponseDto })
  @ApiBadRequestResponse(PROBLEM)
  @ApiUnauthorizedResponse(PROBLEM)
  @ApiForbiddenResponse(PROBLEM)
  @ApiNotFoundResponse(PROBLEM)
  @ApiConflictResponse(PROBLEM)
  @ApiPreconditionFailedResponse(PROBLEM)
  @ApiPayloadTooLargeResponse(PROBLEM)
  @ApiUnprocessableEntityResponse(PROBLEM)
  async reportDevelopments(
    @Param('treatyId', TreatyIdPipe) treatyId: string,
    @Body(DevelopmentItemsPipe) developments: ReportDevelopmentRequestDto[],
    @Write() write: WriteRequest,
    @Res({ passthrough: true }) response: Response,
    @Query() _mode: BatchModeQueryDto,
  ): Promise<BatchResponseDto> {
    const outcome = await this.batches.reportDevelopments(treatyId, developments, write);
    response.setHeader('ETag', `"${outcome.revision}"`);
    response.setHeader('Location', `/treaties/${outcome.treatyId}`);
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return BatchResponseDto.from(outcome);
  }
}
