import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { INPUT_LIMITS } from '@timeline/treaty';
import { IsAbsentNullOr, IsAbsentOr } from './validation.decorators';

/**
 * One count of a chamber's vote: a whole number from 0 to `INPUT_LIMITS.votes`, validated and documented alike.
 * `clearable`: a correction's count, which `null` clears (decision 0029).
 */
export function VoteCount(example: number, { clearable = false } = {}): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'integer',
      example,
      minimum: 0,
      maximum: INPUT_LIMITS.votes,
      ...(clearable ? { nullable: true, description: 'only the counts named change; null clears this count' } : {}),
    }),
    clearable ? IsAbsentNullOr() : IsAbsentOr(),
    IsInt(),
    Min(0),
    Max(INPUT_LIMITS.votes),
  );
}

export class VotesDto {
  @VoteCount(412) for?: number;
  @VoteCount(0) against?: number;
  @VoteCount(1) abstained?: number;
}
