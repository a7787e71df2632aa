import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsAbsentOr } from '../treaties/dto/validation.decorators';

export class TreatyLiveQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description:
      'true: follow a treaty not on record yet (its registration is the first message); false: 404 TREATY_NOT_FOUND',
  })
  @IsAbsentOr()
  @IsIn(['true', 'false'], { message: 'awaitRegistration must be true or false' })
  awaitRegistration?: string;
}
