import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Matches, Max, Min, ValidateBy } from 'class-validator';
import { TREATY_CATEGORIES, TREATY_ID_PATTERN, PARTY_CODE_PATTERN } from '@timeline/treaty';
import { TREATY_STATUSES } from './treaty-statuses';
import { IsAbsentOr } from './validation.decorators';
import { IsPosition, parsePosition } from '../../http/positions';

export class TreatyListQueryDto {
  @ApiPropertyOptional({ example: 'IR', description: 'Only treaties with this party' })
  @IsAbsentOr()
  @Matches(PARTY_CODE_PATTERN, { message: 'party must be a code such as RU, IR or EAEU' })
  party?: string;

  @ApiPropertyOptional({ enum: TREATY_STATUSES })
  @IsAbsentOr()
  @IsIn(TREATY_STATUSES, { message: `status must be one of ${TREATY_STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ enum: TREATY_CATEGORIES })
  @IsAbsentOr()
  @IsIn(TREATY_CATEGORIES, { message: `category must be one of ${TREATY_CATEGORIES.join(', ')}` })
  category?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsAbsentOr()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number from 1 to 500' })
  @Min(1, { message: 'limit must be a whole number from 1 to 500' })
  @Max(500, { message: 'limit must be a whole number from 1 to 500' })
  limit?: number;

  @ApiPropertyOptional({ description: "The previous page's nextCursor (with changedSince, a position)" })
  @IsAbsentOr()
  @ValidateBy({
    name: 'isCursor',
    validator: {
      // A treaty id when listing; a position when syncing (changedSince), whose pages end at one.
      validate: (value: unknown) =>
        typeof value === 'string' && (TREATY_ID_PATTERN.test(value) || parsePosition(value) !== undefined),
      defaultMessage: () => 'cursor must be a nextCursor from a previous page',
    },
  })
  cursor?: string;

  @ApiPropertyOptional({
    description:
      "Sync: only treaties changed after this position (0 for all), in the order of their last change; pass the answer's changedUpTo next time",
  })
  @IsAbsentOr()
  @IsPosition()
  changedSince?: string;

  @ApiPropertyOptional({ description: 'Read your write: see GET /treaties/{id}' })
  @IsAbsentOr()
  @IsPosition()
  minPosition?: string;
}
