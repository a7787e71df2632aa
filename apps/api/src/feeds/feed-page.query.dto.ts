import { ApiPropertyOptional } from '@nestjs/swagger';
import { Injectable, type PipeTransform } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { PARTY_CODE_PATTERN } from '@timeline/treaty';
import { ApiProblem } from '../problems/api-problem';
import { IsAbsentOr } from '../treaties/dto/validation.decorators';

export class FeedPageQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1, description: "RFC 5005 page; follow the feed's next link" })
  @IsAbsentOr()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number from 1' })
  @Min(1, { message: 'page must be a whole number from 1' })
  @Max(1_000_000, { message: 'page must be a whole number from 1' })
  page?: number;
}

/** A party code in a path, validated as the rest of the API validates it. */
@Injectable()
export class PartyCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!PARTY_CODE_PATTERN.test(value)) {
      throw new ApiProblem(400, 'VALIDATION_FAILED', 'party must be a code such as RU, IR or EAEU', {
        errors: [{ field: 'party', message: 'party must be a code such as RU, IR or EAEU' }],
      });
    }
    return value;
  }
}
