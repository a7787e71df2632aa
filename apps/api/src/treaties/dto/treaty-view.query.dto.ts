import { ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { CALENDAR_DATE, IsAbsentOr, IsExistingDay } from './validation.decorators';
import { IsPosition } from '../../http/positions';

export class TreatyViewQueryDto {
  @ApiPropertyOptional({
    example: '2025-04-30',
    description: 'Valid time: the treaty as it stood in the world that day',
  })
  @IsAbsentOr()
  @Matches(CALENDAR_DATE, { message: 'asOf must be a date as YYYY-MM-DD' })
  @IsExistingDay()
  asOf?: string;

  @ApiPropertyOptional({
    example: '2025-05-01T00:00:00Z',
    description: 'Recorded time: the treaty as the record stood at that moment (ISO 8601 with a zone)',
  })
  @IsAbsentOr()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'knownAt must be an ISO 8601 timestamp with a zone, such as 2025-05-01T00:00:00Z',
  })
  @IsExistingDay()
  knownAt?: string;

  @ApiPropertyOptional({
    example: '42',
    description: 'Read your write: wait (up to 5 s) until the read model has applied this position; 504 if not',
  })
  @IsAbsentOr()
  @IsPosition()
  minPosition?: string;
}
