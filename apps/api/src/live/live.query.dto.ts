import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { TREATY_ID_PATTERN, PARTY_CODE_PATTERN } from '@timeline/treaty';
import { TREATY_STATUSES } from '../treaties/dto/treaty-statuses';
import { IsAbsentOr } from '../treaties/dto/validation.decorators';

export class LiveQueryDto {
  @ApiPropertyOptional({ example: 'ru-ir-comprehensive-strategic-partnership' })
  @IsAbsentOr()
  @Matches(TREATY_ID_PATTERN, { message: 'treaty must be a treaty id' })
  treaty?: string;

  @ApiPropertyOptional({ example: 'IR' })
  @IsAbsentOr()
  @Matches(PARTY_CODE_PATTERN, { message: 'party must be a code such as RU, IR or EAEU' })
  party?: string;

  @ApiPropertyOptional({ enum: TREATY_STATUSES })
  @IsAbsentOr()
  @IsIn(TREATY_STATUSES, { message: `status must be one of ${TREATY_STATUSES.join(', ')}` })
  status?: string;
}
