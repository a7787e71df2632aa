import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { INPUT_LIMITS, PARTY_CODE_PATTERN, TREATY_CATEGORIES, TREATY_ID_PATTERN } from '@timeline/treaty';
import { IsCleanText } from './validation.decorators';

export class RegisterTreatyRequestDto {
  @ApiProperty({ example: 'ru-ir-comprehensive-strategic-partnership', pattern: TREATY_ID_PATTERN.source })
  @IsString()
  @Matches(TREATY_ID_PATTERN, {
    message: 'id must be a slug: 3 to 81 lowercase letters, digits or dashes, not starting with a dash',
  })
  id!: string;

  @ApiProperty({
    example: 'Treaty on Comprehensive Strategic Partnership between Russia and Iran',
    maxLength: INPUT_LIMITS.title,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(INPUT_LIMITS.title)
  @IsCleanText()
  title!: string;

  @ApiProperty({
    example: ['RU', 'IR'],
    description: 'ISO 3166-1 alpha-2 codes or organisation codes such as EAEU',
    maxItems: INPUT_LIMITS.parties,
  })
  @IsArray()
  @ArrayMinSize(2, { message: 'parties must name at least two parties' })
  @ArrayMaxSize(INPUT_LIMITS.parties)
  @ArrayUnique({ message: 'parties must not repeat a party' })
  @Matches(PARTY_CODE_PATTERN, { each: true, message: 'each party must be a code such as RU, IR or EAEU' })
  parties!: string[];

  @ApiProperty({ enum: TREATY_CATEGORIES })
  @IsIn(TREATY_CATEGORIES, { message: `category must be one of ${TREATY_CATEGORIES.join(', ')}` })
  category!: string;
}
