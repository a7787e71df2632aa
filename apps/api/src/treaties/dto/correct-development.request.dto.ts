import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { LEGISLATIVE_STAGES, PARTY_CODE_PATTERN, INPUT_LIMITS, type LegislativeStage } from '@timeline/treaty';
import { SourceDto } from './source.dto';
import { IsAbsentNullOr, IsAbsentOr, PARTIAL_DATE, IsCleanText } from './validation.decorators';
import { VoteCountChangesDto } from './vote-count-changes.dto';

/**
 * The fields a correction may change; `null` removes an optional one (place, signatories, votes, stage,
 * effectiveOn, successionOn).
 */
export class DevelopmentChangesDto {
  /** What an editor tries to correct that a correction cannot change, and what to do instead. */
  static readonly unknownFields: Readonly<Record<string, string>> = {
    type: notCorrectable('a development of another type is another development'),
    speaker: notCorrectable('a statement is its speaker and its words'),
    quote: notCorrectable('a statement is its speaker and its words'),
    text: notCorrectable('a reservation or declaration is its wording'),
    summary: notCorrectable('a context note is its summary'),
    consentType: notCorrectable('a consent is one per party and type'),
    againstParty: notCorrectable('an objection is one per party and reservation'),
    reservationId: notCorrectable('an objection or withdrawal is one per reservation'),
    participants: notCorrectable('a round of talks is its stage and participants'),
    treaties: notCorrectable('the treaties and parties a development names are reported with it'),
    parties: notCorrectable('the treaties and parties a development names are reported with it'),
    source: 'is not a change: the source of the correction goes beside `changes`, as `source`',
  };

  @ApiPropertyOptional({ example: '2025-04-08', pattern: PARTIAL_DATE.source })
  @IsAbsentOr()
  @Matches(PARTIAL_DATE, { message: 'changes.occurredOn must be a date as YYYY-MM-DD, YYYY-MM or YYYY' })
  occurredOn?: string;

  @ApiPropertyOptional({ example: 'RU', pattern: PARTY_CODE_PATTERN.source })
  @IsAbsentOr()
  @Matches(PARTY_CODE_PATTERN, { message: 'changes.party must be a code such as RU, IR or EAEU' })
  party?: string;

  @ApiPropertyOptional({ example: 'Federation Council', maxLength: INPUT_LIMITS.name })
  @IsAbsentOr()
  @IsString()
  @MinLength(1)
  @MaxLength(INPUT_LIMITS.name)
  @IsCleanText()
  body?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Moscow', maxLength: INPUT_LIMITS.name })
  @IsAbsentNullOr()
  @IsString()
  @MinLength(1)
  @MaxLength(INPUT_LIMITS.name)
  @IsCleanText()
  place?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: [String],
    example: ['Vladimir Putin', 'Masoud Pezeshkian'],
    maxItems: INPUT_LIMITS.signatories,
    maxLength: INPUT_LIMITS.name,
  })
  @IsAbsentNullOr()
  @IsArray()
  @ArrayMaxSize(INPUT_LIMITS.signatories)
  @IsString({ each: true })
  @MaxLength(INPUT_LIMITS.name, { each: true })
  @IsCleanText({ each: true })
  signatories?: string[] | null;

  @ApiPropertyOptional({
    nullable: true,
    type: VoteCountChangesDto,
    minProperties: 1,
    description:
      'legislative-approval: the counts named replace those on record, the others stay; null clears them all',
  })
  @IsAbsentNullOr()
  @IsObject()
  @ValidateNested()
  @Type(() => VoteCountChangesDto)
  votes?: VoteCountChangesDto | null;

  @ApiPropertyOptional({
    nullable: true,
    enum: LEGISLATIVE_STAGES,
    description: "legislative-approval: the stage of the chamber's procedure; null: the chamber's decisive vote",
  })
  @IsAbsentNullOr()
  @IsIn(LEGISLATIVE_STAGES, { message: `changes.stage must be one of ${LEGISLATIVE_STAGES.join(', ')}` })
  stage?: LegislativeStage | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2026-06-30',
    pattern: PARTIAL_DATE.source,
    description: "withdrawal-notified: the day it takes effect; null: computed from the treaty's notice period",
  })
  @IsAbsentNullOr()
  @Matches(PARTIAL_DATE, { message: 'changes.effectiveOn must be a date as YYYY-MM-DD, YYYY-MM or YYYY' })
  effectiveOn?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '1993-01-01',
    pattern: PARTIAL_DATE.source,
    description: 'consent-to-be-bound by succession: the date of the succession of States; null clears it',
  })
  @IsAbsentNullOr()
  @Matches(PARTIAL_DATE, { message: 'changes.successionOn must be a date as YYYY-MM-DD, YYYY-MM or YYYY' })
  successionOn?: string | null;
}

function notCorrectable(why: string): string {
  return `cannot be corrected (${why}): retract the development and report it again as it was`;
}

export class CorrectDevelopmentRequestDto {
  @ApiProperty({ type: DevelopmentChangesDto, example: { occurredOn: '2025-04-08' } })
  @IsObject()
  @ValidateNested()
  @Type(() => DevelopmentChangesDto)
  changes!: DevelopmentChangesDto;

  @ApiProperty({ example: 'The vote was on Tuesday 8 April, not 9 April', maxLength: INPUT_LIMITS.reason })
  @IsString()
  @MinLength(1)
  @MaxLength(INPUT_LIMITS.reason)
  @IsCleanText({ multiline: true })
  reason!: string;

  @ApiProperty({ type: SourceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SourceDto)
  source!: SourceDto;
}
