import { Readable } from 'node:stream';
import { Controller, Get, Req, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ReadAccess } from '../auth/access.decorators';
import { DevelopmentReads, recordsIn, statusesIn } from '../feeds/development-reads.service';
import { baseUrl } from '../feeds/feeds.controller';
import { csvLines } from './csv';
import { DEVELOPMENT_COLUMNS, TREATY_COLUMNS } from './export-columns';
import { treatiesJsonLd } from './treaties-jsonld';

/**
 * Bulk downloads, streamed: rows are rendered as the response drains, a page of the read model at a time, so a
 * download of any size holds one page in memory. Each reads one snapshot of the read model, taken when it starts:
 * what the projection commits while it streams is not in it, neither half-way nor at all.
 */
@ApiTags('consumers')
@ReadAccess()
@Controller('exports')
export class ExportsController {
  constructor(private readonly reads: DevelopmentReads) {}

  @Get('treaties.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Every treaty with its current status and dates (RFC 4180 CSV, header row)' })
  @ApiOkResponse({ description: 'text/csv' })
  treaties(): StreamableFile {
    return download(
      this.reads.download((treaties) => csvLines(TREATY_COLUMNS, statusesIn(treaties))),
      'text/csv; charset=utf-8; header=present',
      'treaties.csv',
    );
  }

  @Get('developments.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Every development, corrections applied, with its source (RFC 4180 CSV, header row)' })
  @ApiOkResponse({ description: 'text/csv' })
  developments(): StreamableFile {
    return download(
      this.reads.download((treaties) => csvLines(DEVELOPMENT_COLUMNS, recordsIn(treaties))),
      'text/csv; charset=utf-8; header=present',
      'developments.csv',
    );
  }

  @Get('treaties.jsonld')
  @ApiProduces('application/ld+json')
  @ApiOperation({ summary: 'Every treaty as schema.org Legislation (JSON-LD, context inline)' })
  @ApiOkResponse({ description: 'application/ld+json' })
  treatiesJsonLd(@Req() request: Request): StreamableFile {
    const base = baseUrl(request);
    return download(
      this.reads.download((treaties) => treatiesJsonLd(statusesIn(treaties), base)),
      'application/ld+json',
      'treaties.jsonld',
    );
  }
}

function download(chunks: Iterable<string>, type: string, filename: string): StreamableFile {
  return new StreamableFile(Readable.from(chunks, { objectMode: false }), {
    type,
    disposition: `attachment; filename="${filename}"`,
  });
}
