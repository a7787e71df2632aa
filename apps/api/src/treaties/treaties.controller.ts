import { Body, Controller, HttpCode, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiPreconditionFailedResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  ApiBadRequestResponse,
} from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { TreatyEditing, TreatyEditingDryRun } from './application/treaty-editing.service';
import type { WriteRequest } from './application/write-request';
import { DryRunResponseDto } from './dto/dry-run-response.dto';
import { CorrectDevelopmentRequestDto } from './dto/correct-development.request.dto';
import { RegisterTreatyRequestDto } from './dto/register-treaty.request.dto';
import { ReportDevelopmentRequestDto } from './dto/report-development.request.dto';
import { RetractDevelopmentRequestDto } from './dto/retract-development.request.dto';
import { WriteModeQueryDto } from './dto/write-mode.query.dto';
import { WriteResponseDto } from './dto/write-response.dto';
import { DEVELOPMENT_ID } from './development-id.pipe';
import { TreatyIdPipe } from './treaty-id.pipe';
import { Write } from './write-request.decorator';
import { WriteResponseInterceptor } from './write-response.interceptor';

const PROBLEM = { description: 'application/problem+json with a stable `code`' };

@ApiTags('editors')
@ApiBearerAuth()
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'Same key and body again: the first answer, nothing appended',
})
@ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'The ETag of the read you decided on, or a list of ETags any of which may hold; 412 when stale',
})
@ApiBadRequestResponse(PROBLEM)
@ApiUnauthorizedResponse(PROBLEM)
@ApiForbiddenResponse(PROBLEM)
@ApiUnprocessableEntityResponse(PROBLEM)
@ApiPreconditionFailedResponse(PROBLEM)
// Most of the record's rules refuse with a 409 (DATE_BEFORE_SIGNATURE, TREATY_TERMINATED, DEVELOPMENT_RETRACTED...).
@ApiConflictResponse(PROBLEM)
@ApiPayloadTooLargeResponse({ description: 'PAYLOAD_TOO_LARGE: the body, or the append, is larger than taken' })
@ApiServiceUnavailableResponse({
  description: 'EVENT_STORE_UNAVAILABLE, TREATY_BUSY: retry after Retry-After with the same Idempotency-Key',
})
@ApiCreatedResponse({ type: WriteResponseDto })
@ApiOkResponse({ type: DryRunResponseDto, description: 'With ?dryRun=true: what would be appended, nothing is' })
@Roles('editor')
@UseInterceptors(WriteResponseInterceptor)
@Controller('treaties')
export class TreatiesController {
  constructor(
    private readonly editing: TreatyEditing,
    private readonly dryRuns: TreatyEditingDryRun,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a treaty' })
  register(@Body() request: RegisterTreatyRequestDto, @Write() write: WriteRequest, @Query() mode: WriteModeQueryDto) {
    return this.use(mode).register(request, write);
  }

  @Post(':treatyId/developments')
  @HttpCode(201)
  @ApiOperation({ summary: 'Report a development (signature, approval, ratification, entry into force...)' })
  @ApiNotFoundResponse(PROBLEM)
  reportDevelopment(
    @Param('treatyId', TreatyIdPipe) treatyId: string,
    @Body() request: ReportDevelopmentRequestDto,
    @Write() write: WriteRequest,
    @Query() mode: WriteModeQueryDto,
  ) {
    return this.use(mode).reportDevelopment(treatyId, request, write);
  }

  @Post(':treatyId/developments/:developmentId/corrections')
  @HttpCode(201)
  @ApiOperation({ summary: 'Correct fields of a reported development; the original stays in the log' })
  @ApiNotFoundResponse(PROBLEM)
  correctDevelopment(
    @Param('treatyId', TreatyIdPipe) treatyId: string,
    @Param('developmentId', DEVELOPMENT_ID) developmentId: string,
    @Body() request: CorrectDevelopmentRequestDto,
    @Write() write: WriteRequest,
    @Query() mode: WriteModeQueryDto,
  ) {
    return this.use(mode).correctDevelopment(treatyId, developmentId, request, write);
  }

  @Post(':treatyId/developments/:developmentId/retractions')
  @HttpCode(201)
  @ApiOperation({ summary: 'Retract a reported development with its corrections; the original stays in the log' })
  @ApiNotFoundResponse(PROBLEM)
  retractDevelopment(
    @Param('treatyId', TreatyIdPipe) treatyId: string,
    @Param('developmentId', DEVELOPMENT_ID) developmentId: string,
    @Body() request: RetractDevelopmentRequestDto,
    @Write() write: WriteRequest,
    @Query() mode: WriteModeQueryDto,
  ) {
    return this.use(mode).retractDevelopment(treatyId, developmentId, request, write);
  }

  private use(mode: WriteModeQueryDto): TreatyEditing | TreatyEditingDryRun {
    return mode.dryRun === 'true' ? this.dryRuns : this.editing;
  }
}
