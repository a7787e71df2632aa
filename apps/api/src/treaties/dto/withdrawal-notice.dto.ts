import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { CLAUSE_LIMITS } from '@timeline/treaty';
import { IsAbsentOr } from './validation.decorators';

/**
 * A notice of withdrawal in days, months or years (exactly one), perhaps taking effect on the first day of the month
 * following it (decision 0063). The request checks that one period is given (`IsOnePeriod` on the request's field).
 */
export class WithdrawalNoticeDto {
  @ApiPropertyOptional({
    type: 'integer',
    example: 90,
    minimum: 0,
    maximum: CLAUSE_LIMITS.days,
    description: 'Days from the notification to the day it takes effect. One of days, months, years',
  })
  @IsAbsentOr()
  @IsInt()
  @Min(0)
  @Max(CLAUSE_LIMITS.days)
  days?: number;

  @ApiPropertyOptional({
    type: 'integer',
    example: 6,
    minimum: 1,
    maximum: CLAUSE_LIMITS.months,
    description:
      'Calendar months from the notification: the same day of the month, or the last day of a shorter month. One of days, months, years',
  })
  @IsAbsentOr()
  @IsInt()
  @Min(1)
  @Max(CLAUSE_LIMITS.months)
  months?: number;

  @ApiPropertyOptional({
    type: 'integer',
    example: 1,
    minimum: 1,
    maximum: CLAUSE_LIMITS.years,
    description:
      'Years from the notification: a year from 2019-11-04 is 2020-11-04 (Paris Agreement art. 28). One of days, months, years',
  })
  @IsAbsentOr()
  @IsInt()
  @Min(1)
  @Max(CLAUSE_LIMITS.years)
  years?: number;

  @ApiPropertyOptional({
    example: true,
    description:
      'Takes effect on the first day of the month following the end of that period (Council of Europe conventions)',
  })
  @IsAbsentOr()
  @IsBoolean()
  firstDayOfFollowingMonth?: boolean;
}
