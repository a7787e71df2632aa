import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches } from 'class-validator';
import { RELATION_TYPES, TREATY_ID_PATTERN } from '@timeline/treaty';

/** How this treaty relates to an earlier one; shown on both treaties. */
export class TreatyRelationDto {
  @ApiProperty({ enum: RELATION_TYPES, example: 'builds-on' })
  @IsIn(RELATION_TYPES, { message: `relations.type must be one of ${RELATION_TYPES.join(', ')}` })
  type!: string;

  @ApiProperty({ example: 'ru-ir-2001-treaty', pattern: TREATY_ID_PATTERN.source, description: 'The other treaty' })
  @IsString()
  @Matches(TREATY_ID_PATTERN, { message: 'relations.treatyId must be a treaty id' })
  treatyId!: string;
}
