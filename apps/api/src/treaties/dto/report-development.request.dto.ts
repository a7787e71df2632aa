import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsUUID,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  CONSENT_TYPES,
  DEVELOPMENT_TYPES,
  NEGOTIATION_STAGES,
  INPUT_LIMITS,
  LEGISLATIVE_STAGES,
  PARTY_CODE_PATTERN,
  TREATY_ID_PATTERN,
} from '@timeline/treaty';
import { SourceDto } from './source.dto';
import { IsAbsentOr, IsInForType, PARTIAL_DATE, IsCleanText } from './validation.decorators';
import { VotesDto } from './votes.dto';

export class ReportDevelopmentRequestDto {
  /** Where an array of these goes (ObjectBodyPipe's answer to one posted here). */
  static readonly manyGoTo = 'post many developments of one treaty to /treaties/{id}/developments:batch';

  @ApiProperty({ enum: DEVELOPMENT_TYPES, example: 'legislative-approval' })
  @IsString()
  @MaxLength(64)
  type!: string;

  @ApiProperty({
    example: '2025-04-08',
    pattern: PARTIAL_DATE.source,
    description: 'When it happened: YYYY-MM-DD, YYYY-MM or YYYY',
  })
  @Matches(PARTIAL_DATE, { message: 'occurredOn must be a date as YYYY-MM-DD, YYYY-MM or YYYY' })
  occurredOn!: string;

  @ApiPropertyOptional({
    example: 'RU',
    pattern: PARTY_CODE_PATTERN.source,
    description:
      'The party the development concerns: required for legislative-approval, ratification-completed, withdrawn, consent-to-be-bound, reservation, declaration, objection and objection-withdrawn (the objecting party), reservation-withdrawn, provisional-application-started/-ended, withdrawal-notified, withdrawal-revoked (the party revoking its latest notice of withdrawal before it takes effect, VCLT art. 68); optional for signed (a party signing on its own, which adds it to the treaty), entered-into-force, suspended and resumed (that party only; absent: the whole treaty)',
  })
  @IsAbsentOr()
  @Matches(PARTY_CODE_PATTERN, { message: 'party must be a code such as RU, IR or EAEU' })
  party?: string;

  @ApiPropertyOptional({
    example: 'State Duma',
    maxLength: INPUT_LIMITS.name,
    description: 'The chamber or council, for legislative-approval',
  })
  @IsAbsentOr()
  @IsString()
  @MinLength(1)
  @MaxLength(INPUT_LIMITS.name)
  @IsCleanText()
  body?: string;

  @ApiPropertyOptional({ example: 'Moscow', maxLength: INPUT_LIMITS.name, description: 'For signed' })
  @IsAbsentOr()
  @IsString()
  @MinLength(1)
  @MaxLength(INPUT_LIMITS.name)
  @IsCleanText()
  place?: string;

  @ApiPropertyOptional({
    example: ['Vladimir Putin', 'Masoud Pezeshkian'],
    maxItems: INPUT_LIMITS.signatories,
    maxLength: INPUT_LIMITS.name,
    description: 'For signed',
  })
  @IsAbsentOr()
  @IsArray()
  @ArrayMaxSize(INPUT_LIMITS.signatories)
  @IsString({ each: true })
  @MaxLength(INPUT_LIMITS.name, { each: true })
  @IsCleanText({ each: true })
  signatories?: string[];

  @ApiPropertyOptional({
    type: VotesDto,
    minProperties: 1,
    description: 'For legislative-approval: at least one count',
  })
  @IsAbsentOr()
  @IsObject()
  @ValidateNested()
  @Type(() => VotesDto)
  votes?: VotesDto;

  @ApiPropertyOptional({
    enum: CONSENT_TYPES,
    description:
      'For consent-to-be-bound (required); occurredOn is then the date of deposit, exchange or notification. accession, succession and definitive-signature add the party to the treaty',
  })
  @IsAbsentOr()
  @IsIn(CONSENT_TYPES, { message: `consentType must be one of ${CONSENT_TYPES.join(', ')}` })
  consentType?: string;

  @ApiPropertyOptional({
    example: 'HU',
    pattern: PARTY_CODE_PATTERN.source,
    description: 'For objection and objection-withdrawn (required): the party whose reservation is objected to',
  })
  @IsAbsentOr()
  @Matches(PARTY_CODE_PATTERN, { message: 'againstParty must be a code such as RU, IR or EAEU' })
  againstParty?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "For objection and reservation-withdrawn (optional): the developmentId of the reservation; without it, an objection concerns the party's reservations and a withdrawal withdraws them all",
  })
  @IsAbsentOr()
  @IsUUID('all', { message: 'reservationId must be the developmentId of a reservation' })
  reservationId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "For reservation (optional): the developmentId of the party's reservation formulated at signature that this one confirms on its consent to be bound (VCLT art. 23(2)); the reservation then counts as made on this date. Not before it was formulated",
  })
  @IsAbsentOr()
  @IsUUID('all', { message: 'confirmsReservationId must be the developmentId of a reservation' })
  confirmsReservationId?: string;

  @ApiPropertyOptional({
    example: 'Article 5 does not apply to the Republic of Hungary',
    maxLength: INPUT_LIMITS.quote,
    description: 'For reservation, declaration, objection (optional): its wording or what it concerns',
  })
  @IsAbsentOr()
  @IsString()
  @MinLength(1)
  @MaxLength(INPUT_LIMITS.quote)
  @IsCleanText({ multiline: true })
  text?: string;

  @ApiPropertyOptional({
    example: '2026-06-30',
    pattern: PARTIAL_DATE.source,
    description:
      "For withdrawal-notified (optional): the day the withdrawal takes effect as the report gives it; without it, the notification plus the treaty's withdrawalNoticeDays",
  })
  @IsAbsentOr()
  @Matches(PARTIAL_DATE, { message: 'effectiveOn must be a date as YYYY-MM-DD, YYYY-MM or YYYY' })
  effectiveOn?: string;

  @ApiPropertyOptional({
    example: '1993-01-01',
    pattern: PARTIAL_DATE.source,
    description:
      "For consent-to-be-bound by succession (optional): the date of the succession of States, from which the successor is a party (or from the treaty's entry into force, if later); on or before the notification (occurredOn). Without it, the party's date is computed from the notification",
  })
  @IsAbsentOr()
  @Matches(PARTIAL_DATE, { message: 'successionOn must be a date as YYYY-MM-DD, YYYY-MM or YYYY' })
  successionOn?: string;

  @ApiPropertyOptional({
    example: 'Sergei Lavrov',
    maxLength: INPUT_LIMITS.name,
    description: 'For statement (required): who spoke',
  })
  @IsAbsentOr()
  @IsString()
  @MinLength(1)
  @MaxLength(INPUT_LIMITS.name)
  @IsCleanText()
  speaker?: string;

  @ApiPropertyOptional({
    maxLength: INPUT_LIMITS.quote,
    description: 'For statement (required): what was said, verbatim',
  })
  @IsAbsentOr()
  @IsString()
  @MinLength(1)
  @MaxLength(INPUT_LIMITS.quote)
  @IsCleanText({ multiline: true })
  quote?: string;

  @ApiPropertyOptional({
    enum: [...NEGOTIATION_STAGES, ...LEGISLATIVE_STAGES],
    example: 'first-reading',
    description:
      "For negotiations (required): announced, held or ended. For legislative-approval (optional): the stage of the chamber's procedure the vote was taken at, committee, first-reading, second-reading, third-reading or final (the vote that adopts the bill where there is no third reading); each is a step of its own. Without it, the chamber's decisive vote, which a third-reading or final report of the same day corroborates; an earlier stage is progress, not the chamber's approval",
  })
  @IsAbsentOr()
  @IsInForType({ negotiations: NEGOTIATION_STAGES, 'legislative-approval': LEGISLATIVE_STAGES })
  stage?: string;

  @ApiPropertyOptional({
    example: ['RU', 'IR'],
    maxItems: INPUT_LIMITS.links,
    pattern: PARTY_CODE_PATTERN.source,
    description: 'For negotiations (required): the parties taking part',
  })
  @IsAbsentOr()
  @IsArray()
  @ArrayMaxSize(INPUT_LIMITS.links)
  @Matches(PARTY_CODE_PATTERN, { each: true, message: 'each participant must be a code such as RU, IR or EAEU' })
  participants?: string[];

  @ApiPropertyOptional({
    maxLength: INPUT_LIMITS.reason,
    description: 'For context (required): the event the source gives as background, in a sentence',
  })
  @IsAbsentOr()
  @IsString()
  @MinLength(1)
  @MaxLength(INPUT_LIMITS.reason)
  @IsCleanText({ multiline: true })
  summary?: string;

  @ApiPropertyOptional({
    example: ['ru-ir-2001-treaty'],
    maxItems: INPUT_LIMITS.links,
    pattern: TREATY_ID_PATTERN.source,
    description:
      'For statement, negotiations, context (optional): further treaties it concerns; it shows on theirs too',
  })
  @IsAbsentOr()
  @IsArray()
  @ArrayMaxSize(INPUT_LIMITS.links)
  @Matches(TREATY_ID_PATTERN, { each: true, message: 'each of treaties must be a treaty id' })
  treaties?: string[];

  @ApiPropertyOptional({
    example: ['RU'],
    maxItems: INPUT_LIMITS.links,
    pattern: PARTY_CODE_PATTERN.source,
    description: 'For statement, context (optional): parties it concerns',
  })
  @IsAbsentOr()
  @IsArray()
  @ArrayMaxSize(INPUT_LIMITS.links)
  @Matches(PARTY_CODE_PATTERN, { each: true, message: 'each of parties must be a code such as RU, IR or EAEU' })
  parties?: string[];

  @ApiProperty({ type: SourceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SourceDto)
  source!: SourceDto;
}
