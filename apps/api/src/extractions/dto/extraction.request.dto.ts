import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';
import { EXTRACTION_LIMITS } from '@timeline/extraction';
import { INPUT_LIMITS } from '@timeline/treaty';
import { CALENDAR_DATE, IsAbsentOr, IsCleanText, IsExistingDay } from '../../treaties/dto/validation.decorators';

/** An article to read: its text as pasted, and what the editor knows of its publication. */
export class ExtractionRequestDto {
  @ApiProperty({
    description: "The article's text, as pasted (line breaks kept)",
    example:
      'Lawmakers in Russia’s lower-house State Duma on Tuesday ratified a 20-year strategic partnership treaty with Iran.',
    maxLength: EXTRACTION_LIMITS.text,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(EXTRACTION_LIMITS.text)
  @IsCleanText({ multiline: true })
  text!: string;

  @ApiProperty({
    example: '2025-04-08',
    description: 'When the article was published, YYYY-MM-DD: "on Tuesday" or "last year" are read relative to it',
  })
  @Matches(CALENDAR_DATE, { message: 'publishedOn must be a date as YYYY-MM-DD' })
  // A read, not a decision: a day the calendar lacks is malformed input (400), as for `asOf`, not a 500 from the
  // date arithmetic that reads "on Tuesday" against it.
  @IsExistingDay()
  publishedOn!: string;

  @ApiPropertyOptional({ example: 'The Moscow Times', maxLength: INPUT_LIMITS.name })
  @IsAbsentOr()
  @IsString()
  @MinLength(1)
  @MaxLength(INPUT_LIMITS.name)
  @IsCleanText()
  publisher?: string;

  @ApiPropertyOptional({ example: 'https://www.themoscowtimes.com/2025/04/08/a', maxLength: INPUT_LIMITS.url })
  @IsAbsentOr()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http(s) address' })
  @MaxLength(INPUT_LIMITS.url)
  url?: string;

  @ApiPropertyOptional({
    description: 'A reference to the article when it has no address',
    maxLength: INPUT_LIMITS.reference,
  })
  @IsAbsentOr()
  @IsString()
  @MinLength(1)
  @MaxLength(INPUT_LIMITS.reference)
  @IsCleanText()
  document?: string;
}
