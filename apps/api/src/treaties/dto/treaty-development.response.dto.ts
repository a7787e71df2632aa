import { ApiProperty } from '@nestjs/swagger';
import { TreatyNotOnRecordDto } from './treaty-not-on-record.response.dto';
import { TimelineItemDto } from './treaty-timeline.response.dto';

/** One development as `GET /treaties/{id}/developments/{developmentId}` answers it, for the OpenAPI document. */
export class TreatyDevelopmentDto {
  @ApiProperty() treatyId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({
    type: TimelineItemDto,
    description: "The development as the treaty's timeline shows it: corrections applied, every source, retraction",
  })
  development!: TimelineItemDto;
  @ApiProperty({
    type: [TreatyNotOnRecordDto],
    description: 'The treaties this development names that are not on record: links to them lead nowhere',
  })
  treatiesNotOnRecord!: TreatyNotOnRecordDto[];
  @ApiProperty({ type: String, nullable: true }) asOf!: string | null;
  @ApiProperty({ type: String, nullable: true }) knownAt!: string | null;
  @ApiProperty({ description: "The treaty's revision the answer reflects" }) revision!: string;
  @ApiProperty() position!: string;
}
