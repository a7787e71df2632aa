import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { CLAUSE_LIMITS } from '@timeline/treaty';
import { IsAbsentOr } from './validation.decorators';

/**
 * The treaty's entry-into-force clause: in force a period (exactly one of `daysAfter`, `monthsAfter`, `yearsAfter`)
 * after the `instrumentsRequired`th instrument, perhaps on the first day of the month following it (decision 0063).
 * The request checks that one period is given where the clause is (`IsOnePeriod` on the request's field).
 */
export class EntryIntoForceDto {
  @ApiProperty({
    type: 'integer',
    example: 3,
    minimum: 1,
    maximum: CLAUSE_LIMITS.instrumentsRequired,
    description: 'How many instruments of consent (ratification, acceptance, approval, accession...) it takes',
  })
  @IsInt()
  @Min(1)
  @Max(CLAUSE_LIMITS.instrumentsRequired)
  instrumentsRequired!: number;

  @ApiPropertyOptional({
    type: 'integer',
    example: 30,
    minimum: 0,
    maximum: CLAUSE_LIMITS.days,
    description:
      'In force this many days after that deposit; for a later party, after its own deposit. One of daysAfter, monthsAfter, yearsAfter',
  })
  @IsAbsentOr()
  @IsInt()
  @Min(0)
  @Max(CLAUSE_LIMITS.days)
  daysAfter?: number;

  @ApiPropertyOptional({
    type: 'integer',
    example: 3,
    minimum: 1,
    maximum: CLAUSE_LIMITS.months,
    description:
      'In force this many calendar months after that deposit: the same day of the month, or the last day of a shorter month (31 January + 1 month = 28/29 February). One of daysAfter, monthsAfter, yearsAfter',
  })
  @IsAbsentOr()
  @IsInt()
  @Min(1)
  @Max(CLAUSE_LIMITS.months)
  monthsAfter?: number;

  @ApiPropertyOptional({
    type: 'integer',
    example: 1,
    minimum: 1,
    maximum: CLAUSE_LIMITS.years,
    description:
      'In force this many years (of twelve calendar months) after that deposit. One of daysAfter, monthsAfter, yearsAfter',
  })
  @IsAbsentOr()
  @IsInt()
  @Min(1)
  @Max(CLAUSE_LIMITS.years)
  yearsAfter?: number;

  @ApiPropertyOptional({
    example: true,
    description:
      'In force on the first day of the month following the end of that period (Council of Europe conventions; Rome Statute art. 126: daysAfter 60 with this)',
  })
  @IsAbsentOr()
  @IsBoolean()
  firstDayOfFollowingMonth?: boolean;
}
