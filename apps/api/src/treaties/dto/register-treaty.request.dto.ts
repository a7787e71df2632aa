import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsObject,
  Max,
  Min,
  ValidateNested,
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  CLAUSE_LIMITS,
  INPUT_LIMITS,
  TREATY_CATEGORIES,
  TREATY_ID_PATTERN,
  TREATY_KINDS,
  PARTY_CODE_PATTERN,
} from '@timeline/treaty';
import { EntryIntoForceDto } from './entry-into-force.dto';
import { TreatyIdentifiersDto } from './treaty-identifiers.dto';
import { TreatyRelationDto } from './treaty-relation.dto';
import { HasOriginalParties, IsAbsentOr, IsCleanText, IsNotWith, IsOnePeriod } from './validation.decorators';
import { WithdrawalNoticeDto } from './withdrawal-notice.dto';

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
    description:
      'The original parties: ISO 3166-1 alpha-2 codes or organisation codes such as EAEU. Others join later by signature, accession or succession (on a multilateral treaty, by any consent to be bound). At least two, except for a treaty registered multilateral, which may name none (a convention an organisation adopted)',
    minItems: 0,
    maxItems: INPUT_LIMITS.parties,
    uniqueItems: true,
    pattern: PARTY_CODE_PATTERN.source,
  })
  @IsArray()
  @HasOriginalParties()
  @ArrayMaxSize(INPUT_LIMITS.parties)
  @ArrayUnique({ message: 'parties must not repeat a party' })
  @Matches(PARTY_CODE_PATTERN, { each: true, message: 'each party must be a code such as RU, IR or EAEU' })
  parties!: string[];

  @ApiProperty({ enum: TREATY_CATEGORIES })
  @IsIn(TREATY_CATEGORIES, { message: `category must be one of ${TREATY_CATEGORIES.join(', ')}` })
  category!: string;

  @ApiPropertyOptional({ enum: TREATY_KINDS, description: 'A bilateral treaty gains no parties after registration' })
  @IsAbsentOr()
  @IsIn(TREATY_KINDS, { message: `kind must be one of ${TREATY_KINDS.join(', ')}` })
  kind?: string;

  @ApiPropertyOptional({ example: 'Secretary-General of the United Nations', maxLength: INPUT_LIMITS.name })
  @IsAbsentOr()
  @IsString()
  @MinLength(1)
  @MaxLength(INPUT_LIMITS.name)
  @IsCleanText()
  depositary?: string;

  @ApiPropertyOptional({
    type: EntryIntoForceDto,
    description:
      'The entry-into-force clause: instrumentsRequired and one of daysAfter, monthsAfter, yearsAfter, perhaps with firstDayOfFollowingMonth; without it nothing is computed',
  })
  @IsAbsentOr()
  @IsObject()
  @IsOnePeriod(['daysAfter', 'monthsAfter', 'yearsAfter'])
  @ValidateNested()
  @Type(() => EntryIntoForceDto)
  entryIntoForce?: EntryIntoForceDto;

  @ApiPropertyOptional({
    type: 'integer',
    example: 365,
    minimum: 0,
    maximum: CLAUSE_LIMITS.days,
    description:
      'Days from the notification of a withdrawal to the day it takes effect. For months or years, or the first day of the following month: withdrawalNotice',
  })
  @IsAbsentOr()
  @IsInt()
  @Min(0)
  @Max(CLAUSE_LIMITS.days)
  withdrawalNoticeDays?: number;

  @ApiPropertyOptional({
    type: WithdrawalNoticeDto,
    example: { years: 1 },
    description:
      'The notice of withdrawal: one of days, months, years, perhaps with firstDayOfFollowingMonth ({ "months": 6, "firstDayOfFollowingMonth": true }). Not with withdrawalNoticeDays',
  })
  @IsAbsentOr()
  @IsObject()
  @IsNotWith('withdrawalNoticeDays')
  @IsOnePeriod(['days', 'months', 'years'])
  @ValidateNested()
  @Type(() => WithdrawalNoticeDto)
  withdrawalNotice?: WithdrawalNoticeDto;

  @ApiPropertyOptional({ type: TreatyIdentifiersDto })
  @IsAbsentOr()
  @IsObject()
  @ValidateNested()
  @Type(() => TreatyIdentifiersDto)
  identifiers?: TreatyIdentifiersDto;

  @ApiPropertyOptional({
    type: [TreatyRelationDto],
    maxItems: INPUT_LIMITS.links,
    description: 'Relations to earlier treaties; shown on both',
  })
  @IsAbsentOr()
  @IsArray()
  @ArrayMaxSize(INPUT_LIMITS.links)
  @ValidateNested({ each: true })
  @Type(() => TreatyRelationDto)
  relations?: TreatyRelationDto[];
}
