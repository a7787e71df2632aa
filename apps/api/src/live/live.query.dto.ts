import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { TREATY_STATUSES } from '../treaties/dto/treaty-statuses';
import { IsAbsentOr, PARTY_CODE } from '../treaties/dto/validation.decorators';

export class LiveQueryDto {
  @ApiPropertyOptional({ example: 'ru-ir-comprehensive-strategic-partnership' })
  @IsAbsentOr()
  @Matches(/^[a-z0-9][a-z0-9-]{2,80}$/, { message: 'treaty must be a treaty id' })
  treaty?: string;

  @ApiPropertyOptional({ example: 'IR' })
  @IsAbsentOr()
  @Matches(PARTY_CODE, { message: 'party must be a code such as RU, IR or EAEU' })
  party?: string;

  @ApiPropertyOptional({ enum: TREATY_STATUSES })
  @IsAbsentOr()
  @IsIn(TREATY_STATUSES, { message: `status must be one of ${TREATY_STATUSES.join(', ')}` })
  status?: string;
}
