import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEVELOPMENT_TYPES, LEGISLATIVE_STAGES, NEGOTIATION_STAGES } from '@timeline/treaty';
import { TreatyNotOnRecordDto } from './treaty-not-on-record.response.dto';

/** The timeline as `GET /treaties/{id}/timeline` answers it, for the OpenAPI document (see TreatyStatusDto). */

export class TimelineItemDto {
  @ApiProperty({ enum: DEVELOPMENT_TYPES })
  type!: string;
  @ApiProperty({ enum: ['legal-act', 'diplomacy'], description: 'diplomacy: statement, negotiations, context' })
  kind!: string;
  @ApiProperty({ example: '2025-01-17' })
  occurredOn!: string;
  @ApiPropertyOptional({ description: "The development's own fields (party, consentType, speaker, quote, ...)" })
  party?: string;
  @ApiPropertyOptional({
    enum: [...NEGOTIATION_STAGES, ...LEGISLATIVE_STAGES],
    description: "negotiations: where the talks stand; legislative-approval: the stage of the chamber's procedure",
  })
  stage?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'reservation: the reservation formulated at signature that this one confirms on consent',
  })
  confirmsReservationId?: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ format: 'uuid' }) developmentId!: string;
  @ApiProperty() eventType!: string;
  @ApiProperty({ enum: ['year', 'month', 'day'] }) precision!: string;
  @ApiProperty() approximate!: boolean;
  @ApiProperty({ type: Object, description: 'The fields as first reported' }) reported!: object;
  @ApiProperty({
    type: [Object],
    description:
      'The original source, then every corroboration: kind, eventId, recordedAt, position, reportedOccurredOn',
  })
  sources!: object[];
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty() revision!: string;
  @ApiProperty() position!: string;
  @ApiProperty({ type: [Object], description: 'eventId, changes, reason, source, recordedAt, position' })
  corrections!: object[];
  @ApiProperty() retracted!: boolean;
  @ApiProperty({ type: Object, nullable: true, description: 'eventId, reason, source, recordedAt, position' })
  retraction!: object | null;
  @ApiPropertyOptional({ type: [String] }) disagreesWith?: string[];
  @ApiProperty({ type: [String] }) openDisagreements!: string[];
}

export class LinkedItemDto {
  @ApiProperty({ enum: ['statement', 'negotiations', 'context'] })
  type!: string;
  @ApiProperty({ example: 'ru-ir-2025-treaty', description: 'The treaty it is recorded on' })
  fromTreatyId!: string;
  @ApiProperty({ format: 'uuid' }) developmentId!: string;
  @ApiProperty() occurredOn!: string;
  @ApiProperty({ enum: ['year', 'month', 'day'] }) precision!: string;
  @ApiPropertyOptional({ description: 'statement' }) speaker?: string;
  @ApiPropertyOptional({ description: 'statement, verbatim' }) quote?: string;
  @ApiPropertyOptional({ enum: NEGOTIATION_STAGES }) stage?: string;
  @ApiPropertyOptional({ type: [String] }) participants?: string[];
  @ApiPropertyOptional() summary?: string;
  @ApiPropertyOptional({ type: [String] }) treaties?: string[];
  @ApiPropertyOptional({ type: [String] }) parties?: string[];
  @ApiProperty({ type: [Object] }) sources!: object[];
}

export class TreatyTimelineDto {
  @ApiProperty() treatyId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({
    type: [TimelineItemDto],
    description: 'Its own developments in valid-time order, retracted ones marked',
  })
  items!: TimelineItemDto[];
  @ApiProperty({
    type: [LinkedItemDto],
    description: 'Statements, negotiations, context recorded on other treaties that name this one',
  })
  linkedItems!: LinkedItemDto[];
  @ApiProperty({
    type: [TreatyNotOnRecordDto],
    description:
      'The treaties this one names (relations it states, the statements, negotiations and context among items) that ' +
      'are not on record: links to them lead nowhere. Empty once each is registered',
  })
  treatiesNotOnRecord!: TreatyNotOnRecordDto[];
  @ApiProperty({ type: String, nullable: true }) asOf!: string | null;
  @ApiProperty({ type: String, nullable: true }) knownAt!: string | null;
  @ApiProperty() revision!: string;
  @ApiProperty() position!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      'Only on a page (limit or cursor given): the cursor of the next page, the last item’s development id; null on ' +
      'the last page',
  })
  nextCursor?: string | null;
}
