import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { INPUT_LIMITS } from '@timeline/treaty';
import { IsAbsentOr } from './validation.decorators';

export class VotesDto {
  @ApiPropertyOptional({ type: 'integer', example: 412, minimum: 0, maximum: INPUT_LIMITS.votes })
  @IsAbsentOr()
  @IsInt()
  @Min(0)
  @Max(INPUT_LIMITS.votes)
  for?: number;

  @ApiPropertyOptional({ type: 'integer', example: 0, minimum: 0, maximum: INPUT_LIMITS.votes })
  @IsAbsentOr()
  @IsInt()
  @Min(0)
  @Max(INPUT_LIMITS.votes)
  against?: number;

  @ApiPropertyOptional({ type: 'integer', example: 1, minimum: 0, maximum: INPUT_LIMITS.votes })
  @IsAbsentOr()
  @IsInt()
  @Min(0)
  @Max(INPUT_LIMITS.votes)
  abstained?: number;
}
