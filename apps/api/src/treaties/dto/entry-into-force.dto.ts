import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { CLAUSE_LIMITS } from '@timeline/treaty';

/** The treaty's entry-into-force clause: in force `daysAfter` days after the `instrumentsRequired`th instrument. */
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

  @ApiProperty({
    type: 'integer',
    example: 30,
    minimum: 0,
    maximum: CLAUSE_LIMITS.days,
    description: 'In force this many days after that deposit; for a later party, after its own deposit',
  })
  @IsInt()
  @Min(0)
  @Max(CLAUSE_LIMITS.days)
  daysAfter!: number;
}
