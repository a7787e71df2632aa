import { ApiProperty } from '@nestjs/swagger';
import type { BatchOutcome } from '../application/treaty-batches.service';

export class BatchResponseDto {
  @ApiProperty({ example: 'ru-ir-comprehensive-strategic-partnership' })
  treatyId!: string;

  @ApiProperty({ example: 3, description: 'How many developments were appended (or found, for a retry)' })
  count!: number;

  @ApiProperty({ type: [String], description: 'The ids of the events appended, in the order of the items' })
  eventIds!: string[];

  @ApiProperty({ example: '1', description: "The stream revision of the batch's first event" })
  firstRevision!: string;

  @ApiProperty({ example: '3', description: "The treaty stream's revision after the batch: the next If-Match" })
  revision!: string;

  @ApiProperty({ example: '42', description: "The global position of the batch's last event (for ?minPosition=)" })
  position!: string;

  static from(outcome: BatchOutcome): BatchResponseDto {
    return {
      treatyId: outcome.treatyId,
      count: outcome.eventIds.length,
      eventIds: [...outcome.eventIds],
      firstRevision: outcome.firstRevision.toString(),
      revision: outcome.revision.toString(),
      position: outcome.position.toString(),
    };
  }
}
