import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { ExtractionRequestDto } from './dto/extraction.request.dto';
import { ExtractionResponseDto } from './dto/extraction.response.dto';
import { Extractions } from './extractions.service';

const PROBLEM = { description: 'application/problem+json with a stable `code`' };

@ApiTags('editors')
@ApiBearerAuth()
@Roles('editor')
@Controller('extractions')
export class ExtractionsController {
  constructor(private readonly extractions: Extractions) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Read an article and propose the treaty developments it reports, dates resolved; nothing is written',
  })
  @ApiOkResponse({ type: ExtractionResponseDto })
  @ApiBadRequestResponse(PROBLEM)
  @ApiUnauthorizedResponse(PROBLEM)
  @ApiForbiddenResponse(PROBLEM)
  @ApiUnprocessableEntityResponse({ description: 'DATE_IN_FUTURE: publishedOn is after today (UTC+14)' })
  extract(@Body() request: ExtractionRequestDto): ExtractionResponseDto {
    return this.extractions.extract(request) as ExtractionResponseDto;
  }
}
