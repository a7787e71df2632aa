import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';
import { INPUT_LIMITS } from '@timeline/treaty';
import { CALENDAR_DATE, IsAbsentOr, IsCleanText } from './validation.decorators';

export class SourceDto {
  @ApiProperty({ example: 'The Moscow Times', maxLength: INPUT_LIMITS.name })
  @IsString()
  @MinLength(1)
  @MaxLength(INPUT_LIMITS.name)
  @IsCleanText()
  publisher!: string;

  @ApiPropertyOptional({
    example: 'https://www.themoscowtimes.com/2025/04/08/duma-ratifies-iran-treaty',
    maxLength: INPUT_LIMITS.url,
  })
  @IsAbsentOr()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http(s) address' })
  @MaxLength(INPUT_LIMITS.url)
  url?: string;

  @ApiProperty({
    example: '2025-04-08',
    pattern: CALENDAR_DATE.source,
    description: 'When the source was published, YYYY-MM-DD',
  })
  @Matches(CALENDAR_DATE, { message: 'publishedOn must be a date as YYYY-MM-DD' })
  publishedOn!: string;

  @ApiPropertyOptional({
    description: 'A reference to the source when it has no address',
    maxLength: INPUT_LIMITS.reference,
  })
  @IsAbsentOr()
  @IsString()
  @MinLength(1)
  @MaxLength(INPUT_LIMITS.reference)
  @IsCleanText()
  document?: string;

  @ApiPropertyOptional({ description: 'A verbatim quote from the source', maxLength: INPUT_LIMITS.quote })
  @IsAbsentOr()
  @IsString()
  @MinLength(1)
  @MaxLength(INPUT_LIMITS.quote)
  @IsCleanText({ multiline: true })
  quote?: string;
}
