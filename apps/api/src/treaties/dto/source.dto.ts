import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';
import { CALENDAR_DATE, IsAbsentOr, IsCleanText } from './validation.decorators';

export class SourceDto {
  @ApiProperty({ example: 'The Moscow Times', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsCleanText()
  publisher!: string;

  @ApiPropertyOptional({ example: 'https://www.themoscowtimes.com/2025/04/08/duma-ratifies-iran-treaty' })
  @IsAbsentOr()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http(s) address' })
  @MaxLength(2000)
  url?: string;

  @ApiProperty({ example: '2025-04-08', description: 'When the source was published, YYYY-MM-DD' })
  @Matches(CALENDAR_DATE, { message: 'publishedOn must be a date as YYYY-MM-DD' })
  publishedOn!: string;

  @ApiPropertyOptional({ description: 'A reference to the source when it has no address', maxLength: 300 })
  @IsAbsentOr()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  @IsCleanText()
  document?: string;

  @ApiPropertyOptional({ description: 'A verbatim quote from the source', maxLength: 5000 })
  @IsAbsentOr()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  @IsCleanText({ multiline: true })
  quote?: string;
}
