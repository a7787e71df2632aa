import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LEGISLATIVE_STAGES } from '@timeline/treaty';
import { VotesDto } from '../../treaties/dto/votes.dto';

class PeriodDto {
  @ApiProperty({ example: '2025-05-12' }) from!: string;
  @ApiProperty({ example: '2025-05-18' }) to!: string;
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
      'A development type: signed, legislative-approval, ratification-completed, instruments-exchanged, consent-to-be-bound, entered-into-force, suspended, resumed, withdrawn, withdrawal-notified, terminated, statement, negotiations, context',
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
    description: 'The development on record it repeats: confirming it adds a corroborating source',
  })
  alreadyRecorded!: string | null;
}

export class ExtractionResponseDto {
  @ApiProperty({ type: [ProposalDto] })
  proposals!: ProposalDto[];
}
