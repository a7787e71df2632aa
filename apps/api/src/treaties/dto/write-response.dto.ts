import { ApiProperty } from '@nestjs/swagger';
import type { WriteOutcome } from '../application/write-request';

export class WriteResponseDto {
  @ApiProperty({ example: 'ru-ir-comprehensive-strategic-partnership' })
  treatyId!: string;

  @ApiProperty({ format: 'uuid', description: 'The id of the event appended (or found, for a retry)' })
  eventId!: string;

  @ApiProperty({ example: 'LegislativeApprovalGiven', description: 'The type of that event' })
  eventType!: string;

  @ApiProperty({ example: '3', description: "The treaty stream's revision after the write: the next If-Match" })
  revision!: string;

  @ApiProperty({
    example: '42',
    description: 'The global position of the event: pass it as ?minPosition= to read your write',
  })
  position!: string;

  static from(outcome: WriteOutcome): WriteResponseDto {
    return {
      treatyId: outcome.treatyId,
      eventId: outcome.eventId,
      eventType: outcome.eventType,
      revision: outcome.revision.toString(),
      position: outcome.position.toString(),
    };
  }
}
