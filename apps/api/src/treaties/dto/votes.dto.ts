import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { IsAbsentOr } from './validation.decorators';

export class VotesDto {
  @ApiPropertyOptional({ example: 412 })
  @IsAbsentOr()
  @IsInt()
  @Min(0)
  @Max(100_000)
  for?: number;

  @ApiPropertyOptional({ example: 0 })
  @IsAbsentOr()
  @IsInt()
  @Min(0)
  @Max(100_000)
  against?: number;

  @ApiPropertyOptional({ example: 1 })
  @IsAbsentOr()
  @IsInt()
  @Min(0)
  @Max(100_000)
  abstained?: number;
}
