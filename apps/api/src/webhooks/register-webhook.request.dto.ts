import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DEVELOPMENT_TYPES, PARTY_CODE_PATTERN, TREATY_ID_PATTERN } from '@timeline/treaty';
import { TREATY_STATUSES } from '../treaties/dto/treaty-statuses';
import { IsAbsentOr } from '../treaties/dto/validation.decorators';

export class WebhookFilterDto {
  @ApiPropertyOptional({ example: 'ru-ir-comprehensive-strategic-partnership' })
  @IsAbsentOr()
  @Matches(TREATY_ID_PATTERN, { message: 'filter.treaty must be a treaty id' })
  treaty?: string;

  @ApiPropertyOptional({ example: 'IR' })
  @IsAbsentOr()
  @Matches(PARTY_CODE_PATTERN, { message: 'filter.party must be a code such as RU, IR or EAEU' })
  party?: string;

  @ApiPropertyOptional({ enum: TREATY_STATUSES, description: "The treaty's status right after the update" })
  @IsAbsentOr()
  @IsIn(TREATY_STATUSES, { message: `filter.status must be one of ${TREATY_STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({
    enum: DEVELOPMENT_TYPES,
    description: 'Reports of this development type, and their corroborations, corrections and retractions',
  })
  @IsAbsentOr()
  @IsIn(DEVELOPMENT_TYPES, { message: `filter.type must be one of ${DEVELOPMENT_TYPES.join(', ')}` })
  type?: string;
}

export class RegisterWebhookRequestDto {
  @ApiProperty({ example: 'https://cms.example.org/hooks/treaties' })
  @IsString({ message: 'url must be an https URL' })
  @MaxLength(2048, { message: 'url must be at most 2048 characters' })
  url!: string;

  @ApiPropertyOptional({ type: WebhookFilterDto })
  @IsAbsentOr()
  @IsObject({ message: 'filter must be an object' })
  @ValidateNested()
  @Type(() => WebhookFilterDto)
  filter?: WebhookFilterDto;
}

export class RotateWebhookSecretRequestDto {
  @ApiPropertyOptional({
    default: 86_400,
    minimum: 0,
    maximum: 604_800,
    description: 'Seconds during which deliveries are signed with both the old and the new secret',
  })
  @IsAbsentOr()
  @Type(() => Number)
  @IsInt({ message: 'overlapSeconds must be a whole number from 0 to 604800' })
  @Min(0, { message: 'overlapSeconds must be a whole number from 0 to 604800' })
  @Max(604_800, { message: 'overlapSeconds must be a whole number from 0 to 604800' })
  overlapSeconds?: number;
}
