import { IsCleanText } from './validation.decorators';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { SourceDto } from './source.dto';

export class RetractDevelopmentRequestDto {
  @ApiProperty({ example: 'The report confused the Duma vote with the committee vote', maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @IsCleanText({ multiline: true })
  reason!: string;

  @ApiProperty({ type: SourceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SourceDto)
  source!: SourceDto;
}
