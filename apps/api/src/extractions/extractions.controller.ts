import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiServiceUnavailableResponse,
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
  @ApiUnprocessableEntityResponse({
    description:
      'DATE_IN_FUTURE: publishedOn is after today (UTC+14); EXTRACTION_TOO_COSTLY: the text took too long or too much memory',
  })
  @ApiServiceUnavailableResponse({ description: 'EXTRACTIONS_BUSY: too many articles waiting, with Retry-After' })
  async extract(@Body() request: ExtractionRequestDto): Promise<ExtractionResponseDto> {
    return (await this.extractions.extract(request)) as ExtractionResponseDto;
  }
}
