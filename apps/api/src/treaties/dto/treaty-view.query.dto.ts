import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';
import { CALENDAR_DATE, IsAbsentOr, IsExistingDay } from './validation.decorators';
import { IsPosition } from '../../http/positions';

const KNOWN_AT =
  /^\d{4}-\d{2}-\d{2}T(([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?|24:00(:00(\.0+)?)?)(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

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
  // RFC 3339 (section 5.6) lets "t" and "z" be lower case: read as the upper case the domain takes.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value))
  // Only times a clock reads (and 24:00, the day's end, which JavaScript takes): 25:00 or a 60th second would reach
  // the domain as an instant that does not exist, and be answered 422, where 2025-02-30 is a malformed query (400).
  @Matches(KNOWN_AT, {
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
