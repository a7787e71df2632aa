import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { IsAbsentOr } from './validation.decorators';
import { TreatyViewQueryDto } from './treaty-view.query.dto';

/** The most items one page of a timeline holds (about 1 MB of JSON), and how many a page holds when not told. */
export const TIMELINE_PAGE = { max: 1000, default: 500 } as const;

const LIMIT_MESSAGE = `limit must be a whole number from 1 to ${TIMELINE_PAGE.max}`;

/** The timeline's query: a view's (asOf, knownAt, minPosition) and, to read it in pages, limit and cursor. */
export class TreatyTimelineQueryDto extends TreatyViewQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: TIMELINE_PAGE.max,
    description:
      `Read the timeline in pages of this many items (with cursor alone, ${TIMELINE_PAGE.default}): the answer ` +
      'then has nextCursor, and a Link header rel="next" while there are more. Without limit and cursor, the ' +
      'whole timeline, as always',
  })
  @IsAbsentOr()
  @Type(() => Number)
  @IsInt({ message: LIMIT_MESSAGE })
  @Min(1, { message: LIMIT_MESSAGE })
  @Max(TIMELINE_PAGE.max, { message: LIMIT_MESSAGE })
  limit?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "The previous page's nextCursor: the page starts after that development, in the timeline's order",
  })
  @IsAbsentOr()
  @IsUUID('all', { message: 'cursor must be a nextCursor from a previous page' })
  cursor?: string;
}
