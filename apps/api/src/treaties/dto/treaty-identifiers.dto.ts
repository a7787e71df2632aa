import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUrl, Matches, MaxLength } from 'class-validator';
import { DEPOSITARY_REFERENCE_PATTERN, UNTS_NUMBER_PATTERN, WIKIDATA_ID_PATTERN } from '@timeline/treaty';
import { IsAbsentOr } from './validation.decorators';

/** Identifiers other registers give the treaty; each optional, each checked for its format. */
export class TreatyIdentifiersDto {
  @ApiPropertyOptional({
    example: 'I-54321',
    pattern: UNTS_NUMBER_PATTERN.source,
    description: 'UN Treaty Series registration number, optionally with its part (I- or II-)',
  })
  @IsAbsentOr()
  @Matches(UNTS_NUMBER_PATTERN, {
    message: 'identifiers.untsNumber must be a UNTS registration number such as 54321 or I-54321',
  })
  untsNumber?: string;

  @ApiPropertyOptional({
    example: 'XXVII-10',
    pattern: DEPOSITARY_REFERENCE_PATTERN.source,
    description: "The depositary's reference: chapter and number, CETS number, or notification reference",
  })
  @IsAbsentOr()
  @Matches(DEPOSITARY_REFERENCE_PATTERN, {
    message: 'identifiers.depositaryReference must be 1-100 letters, digits, spaces and . , : / ( ) -',
  })
  depositaryReference?: string;

  @ApiPropertyOptional({
    example: 'Q131277485',
    pattern: WIKIDATA_ID_PATTERN.source,
    description: 'A Wikidata item id',
  })
  @IsAbsentOr()
  @Matches(WIKIDATA_ID_PATTERN, { message: 'identifiers.wikidataId must be a Wikidata item id: Q and digits' })
  wikidataId?: string;

  @ApiPropertyOptional({ example: 'http://kremlin.ru/supplement/6230', description: 'The official text, http(s)' })
  @IsAbsentOr()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'identifiers.officialTextUrl must be an http(s) address' },
  )
  @MaxLength(2000)
  officialTextUrl?: string;
}
