import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsAbsentOr } from './validation.decorators';

export class WriteModeQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      'true: decide only. Nothing is appended and the Idempotency-Key is not used up; the answer (200) says what ' +
      'would be appended and the status and timeline the treaty would then have. Same validation, If-Match and ' +
      'errors as the write.',
  })
  @IsAbsentOr()
  @IsIn(['true', 'false'], { message: 'dryRun must be true or false' })
  dryRun?: 'true' | 'false';
}
