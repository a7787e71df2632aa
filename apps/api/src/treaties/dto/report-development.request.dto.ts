import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DEVELOPMENT_TYPES, PARTY_CODE_PATTERN, INPUT_LIMITS } from '@timeline/treaty';
import { SourceDto } from './source.dto';
import { IsAbsentOr, PARTIAL_DATE, IsCleanText } from './validation.decorators';
import { VotesDto } from './votes.dto';

export class ReportDevelopmentRequestDto {
  @ApiProperty({ enum: DEVELOPMENT_TYPES, example: 'legislative-approval' })
  @IsString()
  @MaxLength(64)
  type!: string;

  @ApiProperty({ example: '2025-04-08', description: 'When it happened: YYYY-MM-DD, YYYY-MM or YYYY' })
  @Matches(PARTIAL_DATE, { message: 'occurredOn must be a date as YYYY-MM-DD, YYYY-MM or YYYY' })
  occurredOn!: string;

  @ApiPropertyOptional({ example: 'RU', description: 'For legislative-approval, ratification-completed, withdrawn' })
  @IsAbsentOr()
  @Matches(PARTY_CODE_PATTERN, { message: 'party must be a code such as RU, IR or EAEU' })
  party?: string;

  @ApiPropertyOptional({ example: 'State Duma', description: 'The chamber or council, for legislative-approval' })
  @IsAbsentOr()
  @IsString()
  @MinLength(1)
  @MaxLength(INPUT_LIMITS.name)
  @IsCleanText()
  body?: string;

  @ApiPropertyOptional({ example: 'Moscow', description: 'For signed' })
  @IsAbsentOr()
  @IsString()
  @MinLength(1)
  @MaxLength(INPUT_LIMITS.name)
  @IsCleanText()
  place?: string;

  @ApiPropertyOptional({ example: ['Vladimir Putin', 'Masoud Pezeshkian'], description: 'For signed' })
  @IsAbsentOr()
  @IsArray()
  @ArrayMaxSize(INPUT_LIMITS.signatories)
  @IsString({ each: true })
  @MaxLength(INPUT_LIMITS.name, { each: true })
  @IsCleanText({ each: true })
  signatories?: string[];

  @ApiPropertyOptional({ type: VotesDto, description: 'For legislative-approval' })
  @IsAbsentOr()
  @IsObject()
  @ValidateNested()
  @Type(() => VotesDto)
  votes?: VotesDto;

  @ApiProperty({ type: SourceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SourceDto)
  source!: SourceDto;
}
