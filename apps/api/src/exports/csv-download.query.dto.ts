import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsAbsentOr } from '../treaties/dto/validation.decorators';
import { CSV_DELIMITERS, type CsvDelimiter } from './csv';

const DELIMITER_NAMES = Object.keys(CSV_DELIMITERS) as (keyof typeof CSV_DELIMITERS)[];

export class CsvDownloadQueryDto {
  @ApiPropertyOptional({
    enum: DELIMITER_NAMES,
    default: 'comma',
    description:
      "What separates the fields: `semicolon` for Excel where the comma is the decimal mark (most of Europe, Russia, Iran's Persian locale), which otherwise opens a comma-separated file as one column",
  })
  @IsAbsentOr()
  @IsIn(DELIMITER_NAMES, { message: `delimiter must be one of ${DELIMITER_NAMES.join(', ')}` })
  delimiter?: keyof typeof CSV_DELIMITERS;
}

/** The delimiter a query names, comma when it names none. */
export function delimiterOf(query: CsvDownloadQueryDto): CsvDelimiter {
  return CSV_DELIMITERS[query.delimiter ?? 'comma'];
}
