import { ApiProperty } from '@nestjs/swagger';
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
  @ApiProperty({ type: String, nullable: true }) asOf!: string | null;
  @ApiProperty({ type: String, nullable: true }) knownAt!: string | null;
  @ApiProperty({ description: "The treaty's revision the answer reflects" }) revision!: string;
  @ApiProperty() position!: string;
}
