import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TreatyStatusDto } from './treaty-status.response.dto';

/** A page of `GET /treaties` as it is answered, for the OpenAPI document (see TreatyStatusDto). */
export class TreatyListDto {
  @ApiProperty({ type: [TreatyStatusDto], description: 'Each treaty as `GET /treaties/{id}` answers it' })
  items!: TreatyStatusDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Pass as `cursor` for the next page (with the same filters); null on the last. With `changedSince`, a ' +
      'position: a page ends between positions, so it can hold a few more than `limit`',
  })
  nextCursor!: string | null;

  @ApiPropertyOptional({
    example: '1234',
    description: 'With `changedSince` only: the position to pass as `changedSince` on the next sync',
  })
  changedUpTo?: string;

  @ApiPropertyOptional({
    type: [String],
    description:
      'With `changedSince` only, and only when there are any: the ids of the treaties deleted for good (on ' +
      'EventStoreDB) in that span, whatever the filters',
  })
  deleted?: string[];

  @ApiPropertyOptional({
    type: [String],
    description:
      'With `changedSince` and `status` or `party` only, and only when there are any: the ids of the treaties ' +
      'changed in that span that do not show under those filters now but may have (its status moved on, or the ' +
      "report of the party's joining was retracted); drop those you hold. A superset of those that matched at " +
      '`changedSince` (no history of statuses is kept)',
  })
  leftFilter?: string[];
}
