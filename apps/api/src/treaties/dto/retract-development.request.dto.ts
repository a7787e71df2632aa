import { IsCleanText } from './validation.decorators';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { INPUT_LIMITS } from '@timeline/treaty';
import { SourceDto } from './source.dto';

export class RetractDevelopmentRequestDto {
  @ApiProperty({ example: 'The report confused the Duma vote with the committee vote', maxLength: INPUT_LIMITS.reason })
  @IsString()
  @MinLength(1)
  @MaxLength(INPUT_LIMITS.reason)
  @IsCleanText({ multiline: true })
  reason!: string;

  @ApiProperty({ type: SourceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SourceDto)
  source!: SourceDto;
}
