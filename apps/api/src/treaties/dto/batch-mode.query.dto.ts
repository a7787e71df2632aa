import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsAbsentOr } from './validation.decorators';

/**
 * The batch route's query. It offers no dry run, and says so: left unread, `?dryRun=true` would be ignored and the
 * batch appended for real to a log that keeps it forever.
 */
export class BatchModeQueryDto {
  @ApiPropertyOptional({
    enum: ['false'],
    description: 'A batch has no dry run: true is refused (400); try the items on the single route instead',
  })
  @IsAbsentOr()
  @IsIn(['false'], { message: 'dryRun=true is not offered on the batch route: try its items on the single route' })
  dryRun?: 'false';
}
