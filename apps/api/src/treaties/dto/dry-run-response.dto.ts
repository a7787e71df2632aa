import { ApiProperty } from '@nestjs/swagger';
import type { DryRunOutcome } from '../application/treaty-dry-run.service';

class WouldAppendDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The id the event would have (the same again only under one Idempotency-Key)',
  })
  eventId!: string;

  @ApiProperty({ example: 'LegislativeApprovalGiven' })
  eventType!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: "The event's data, as it would be stored" })
  data!: unknown;
}

export class DryRunResponseDto {
  @ApiProperty({ enum: [true], description: 'Always true: nothing was appended' })
  dryRun!: true;

  @ApiProperty({ example: 'ru-ir-comprehensive-strategic-partnership' })
  treatyId!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '3',
    description: 'The stream revision decided on (an If-Match that would hold); null when the treaty has no stream',
  })
  revision!: string | null;

  @ApiProperty({
    type: WouldAppendDto,
    nullable: true,
    description: 'What the write would append; null when its Idempotency-Key already answers it (see replayOf)',
  })
  wouldAppend!: WouldAppendDto | null;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The event that already answers this Idempotency-Key and body',
  })
  replayOf!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The status view (as GET /treaties/{id}) as it would be after the write',
  })
  status!: unknown;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The timeline view (as GET /treaties/{id}/timeline) as it would be after the write',
  })
  timeline!: unknown;

  static from(outcome: DryRunOutcome): DryRunResponseDto {
    return {
      dryRun: true,
      treatyId: outcome.treatyId,
      revision: outcome.revision === null ? null : outcome.revision.toString(),
      wouldAppend: outcome.wouldAppend,
      replayOf: outcome.replayOf,
      status: outcome.status,
      timeline: outcome.timeline,
    };
  }
}
