import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LEGISLATIVE_STAGES } from '@timeline/treaty';
import { VotesDto } from '../../treaties/dto/votes.dto';

class PeriodDto {
  @ApiProperty({ example: '2025-05-12' }) from!: string;
  @ApiProperty({ example: '2025-05-18' }) to!: string;
}

class DetailNotOnRecordDto {
  @ApiProperty({ example: 'votes', description: 'A field of the development' }) field!: string;
  @ApiProperty({ example: { for: 400, against: 2 }, description: 'Its value in the article' }) reported!: unknown;
  @ApiPropertyOptional({ description: 'Its value on record; absent when the record has none' }) onRecord?: unknown;
}

class StatementOnRecordDto {
  @ApiProperty({ example: 'Seyed Abbas Araghchi' }) speaker!: string;
  @ApiProperty({ example: 'The treaty opens a new chapter' }) quote!: string;
}

/** One development the article reports, for the editor to accept, edit or reject: nothing is recorded yet. */
export class ProposalDto {
  @ApiProperty({ nullable: true, type: String, description: 'The registered treaty it matches, or null' })
  treatyId!: string | null;

  @ApiPropertyOptional({ description: 'How the text names the treaty, when it matches no registered one' })
  treatyTitle?: string;

  @ApiProperty({
    type: [String],
    example: ['RU', 'IR'],
    description: "Codes of the treaty's parties the sentence names",
  })
  parties!: string[];

  @ApiProperty({
    example: 'legislative-approval',
    description:
      'A development type: signed, legislative-approval, ratification-completed, instruments-exchanged, consent-to-be-bound, entered-into-force, suspended, resumed, withdrawn, withdrawal-notified, withdrawal-revoked, terminated, statement, negotiations, context',
  })
  type!: string;

  @ApiPropertyOptional({ example: 'RU' }) party?: string;
  @ApiPropertyOptional({ example: 'State Duma' }) body?: string;
  @ApiPropertyOptional({ example: 'ratification', description: 'consent-to-be-bound only' }) consentType?: string;
  @ApiPropertyOptional({ example: 'Andrei Rudenko', description: 'statement only' }) speaker?: string;
  @ApiPropertyOptional({
    enum: ['announced', 'held', ...LEGISLATIVE_STAGES],
    description:
      'negotiations: announced or held; legislative-approval: the reading the text names ("in the first reading"), absent for the decisive vote',
  })
  stage?: string;

  @ApiPropertyOptional({
    type: VotesDto,
    description: 'legislative-approval only: the counts the text writes in digits ("by 98 votes to 2")',
  })
  votes?: VotesDto;

  @ApiProperty({ example: '2025-04-08', description: 'YYYY, YYYY-MM or YYYY-MM-DD, as precise as the words' })
  occurredOn!: string;

  @ApiProperty({ enum: ['day', 'month', 'year'] }) precision!: string;

  @ApiPropertyOptional({ type: PeriodDto, description: 'The days a vague expression ("last week") covers' })
  period?: PeriodDto;

  @ApiProperty({ example: '"on Tuesday" with the publication date 2025-04-08 (Tuesday) → the same day' })
  dateReasoning!: string;

  @ApiProperty({ description: 'The sentence that reports it, verbatim: text.slice(quoteStart, quoteEnd)' })
  quote!: string;

  @ApiProperty({ example: 0 }) quoteStart!: number;
  @ApiProperty({ example: 114 }) quoteEnd!: number;
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.9 }) confidence!: number;

  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'The development on record it repeats (an act: same type, party, chamber, stage and consent type; a statement: its speaker and words), its date agreeing: confirming it adds a corroborating source',
  })
  alreadyRecorded!: string | null;

  @ApiPropertyOptional({
    type: [DetailNotOnRecordDto],
    description:
      'With alreadyRecorded: details the article gives that the development on record lacks or holds otherwise. A corroboration records only its source and date, so a report with them is refused (409 DETAILS_NOT_ON_RECORD): report it without them, or correct the development',
  })
  detailsNotOnRecord?: DetailNotOnRecordDto[];

  @ApiPropertyOptional({
    enum: [true],
    description:
      'With alreadyRecorded: this article (publisher, date, address, this sentence as the quote) is already a source of the development with this date, so a report of it again is refused (409 REPORT_ALREADY_RECORDED)',
  })
  reportedByThisArticle?: true;

  @ApiPropertyOptional({
    type: StatementOnRecordDto,
    description:
      'A statement with alreadyRecorded: its speaker and words as on record, which a corroborating report gives (the record tells statements apart by both)',
  })
  statementOnRecord?: StatementOnRecordDto;
}

export class ExtractionResponseDto {
  @ApiProperty({ type: [ProposalDto] })
  proposals!: ProposalDto[];
}
