import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { INPUT_LIMITS } from '@timeline/treaty';
import { IsAbsentNullOr } from './validation.decorators';

const NAMED_ONLY = 'only the counts named change; null clears this count';

/** A correction's vote counts: the ones it names replace those on record, `null` clears one (decision 0029). */
export class VoteCountChangesDto {
  @ApiPropertyOptional({
    type: 'integer',
    example: 412,
    minimum: 0,
    maximum: INPUT_LIMITS.votes,
    nullable: true,
    description: NAMED_ONLY,
  })
  @IsAbsentNullOr()
  @IsInt()
  @Min(0)
  @Max(INPUT_LIMITS.votes)
  for?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    example: 0,
    minimum: 0,
    maximum: INPUT_LIMITS.votes,
    nullable: true,
    description: NAMED_ONLY,
  })
  @IsAbsentNullOr()
  @IsInt()
  @Min(0)
  @Max(INPUT_LIMITS.votes)
  against?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    example: 1,
    minimum: 0,
    maximum: INPUT_LIMITS.votes,
    nullable: true,
    description: NAMED_ONLY,
  })
  @IsAbsentNullOr()
  @IsInt()
  @Min(0)
  @Max(INPUT_LIMITS.votes)
  abstained?: number | null;
}
