import { ApiPropertyOptional } from '@nestjs/swagger';
import { Injectable, type PipeTransform } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { PARTY_CODE_PATTERN } from '@timeline/treaty';
import { ApiProblem } from '../problems/api-problem';
import { IsAbsentOr } from '../treaties/dto/validation.decorators';

export class FeedPageQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    description:
      'A page of the paged feed this was before its archives (RFC 5005 section 3), every entry once at its latest: ' +
      'lossy while entries change (a corrected entry moves to page 1). Follow the archives instead',
    deprecated: true,
  })
  @IsAbsentOr()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number from 1' })
  @Min(1, { message: 'page must be a whole number from 1' })
  @Max(1_000_000, { message: 'page must be a whole number from 1' })
  page?: number;

  @ApiPropertyOptional({
    minimum: 1,
    description:
      "An archive document (RFC 5005 section 4), counted from the oldest: follow the feed's prev-archive link. " +
      'Exists once complete (50 entry versions), and never changes',
  })
  @IsAbsentOr()
  @Type(() => Number)
  @IsInt({ message: 'archive must be a whole number from 1' })
  @Min(1, { message: 'archive must be a whole number from 1' })
  @Max(1_000_000_000, { message: 'archive must be a whole number from 1' })
  archive?: number;
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
