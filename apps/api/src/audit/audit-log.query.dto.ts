import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { IsPosition } from '../http/positions';
import { IsAbsentOr } from '../treaties/dto/validation.decorators';
import { MAX_LOG_PAGE } from './audit.service';

export class AuditLogQueryDto {
  @ApiPropertyOptional({ example: '0', description: 'Events after this position: the last line of the previous page' })
  @IsAbsentOr()
  @IsPosition()
  after?: string;

  @ApiPropertyOptional({ default: MAX_LOG_PAGE, maximum: MAX_LOG_PAGE })
  @IsAbsentOr()
  @Type(() => Number)
  @IsInt({ message: `limit must be a whole number from 1 to ${MAX_LOG_PAGE}` })
  @Min(1, { message: `limit must be a whole number from 1 to ${MAX_LOG_PAGE}` })
  @Max(MAX_LOG_PAGE, { message: `limit must be a whole number from 1 to ${MAX_LOG_PAGE}` })
  limit?: number;
}

export class RebuildQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'true' })
  @IsAbsentOr()
  @IsIn(['true', 'false'], { message: 'dryRun must be true or false' })
  dryRun?: string;
}
