import { ApiProperty } from '@nestjs/swagger';
import { RELATION_TYPES } from '@timeline/treaty';

/**
 * A treaty a view's treaty names that the record does not hold (decision 0045), for the OpenAPI document: the
 * domain's TreatyNotOnRecord is the source of truth.
 */
export class TreatyNotOnRecordDto {
  @ApiProperty({ example: 'ru-ir-2025-treaty', description: 'The id named; /treaties/{treatyId} answers 404 or 410' })
  treatyId!: string;
  @ApiProperty({
    enum: ['not-registered', 'deleted'],
    description:
      'not-registered: no treaty has this id (yet: a backfill may register it later; else check the id for a typo); ' +
      'deleted: its stream was deleted for good',
  })
  reason!: string;
  @ApiProperty({ enum: RELATION_TYPES, isArray: true, description: 'The relations this treaty states to it' })
  relations!: string[];
  @ApiProperty({
    type: [String],
    description: 'The statements, negotiations and context shown that name it',
  })
  developmentIds!: string[];
}
