import { Controller, Get, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ReadAccess } from '../auth/access.decorators';
import { DevelopmentReads, recordsIn, statusesIn, type OpenDownload } from '../feeds/development-reads.service';
import { PublicAddress } from '../http/public-address';
import { answerFromSnapshot } from '../http/snapshot-answer';
import { csvHeader, csvLines } from './csv';
import { CsvDownloadQueryDto, delimiterOf } from './csv-download.query.dto';
import { downloadEtag } from './download-etag';
import { DEVELOPMENT_COLUMNS, TREATY_COLUMNS } from './export-columns';
import { treatiesJsonLd } from './treaties-jsonld';

/**
 * Bulk downloads, streamed: rows are rendered as the response drains, a page of the read model at a time, so a
 * download of any size holds one page in memory. Each reads one snapshot of the read model, taken when it starts:
 * what the projection commits while it streams is not in it, neither half-way nor at all. Its ETag names that
 * snapshot (decision 0032), so a client that keeps a download asks again with If-None-Match and downloads only
 * what changed since, a correction or a retraction included.
 */
@ApiTags('consumers')
@ApiHeader({
  name: 'If-None-Match',
  required: false,
  description: "A download's ETag: 304 while the read model has not moved since (no event, no new rendering)",
})
@ApiResponse({ status: 304, description: 'Not Modified: the download named by If-None-Match is current' })
@ReadAccess()
@Controller('exports')
export class ExportsController {
  constructor(
    private readonly reads: DevelopmentReads,
    private readonly address: PublicAddress,
  ) {}

  @Get('treaties.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Every treaty with its current status and dates (RFC 4180 CSV, header row)' })
  @ApiOkResponse({ description: 'text/csv, with an ETag' })
  treaties(
    @Query() query: CsvDownloadQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): StreamableFile | undefined {
    const delimiter = delimiterOf(query);
    return download(
      request,
      response,
      this.reads.openDownload((treaties) => csvLines(TREATY_COLUMNS, statusesIn(treaties), delimiter)),
      { type: CSV, filename: 'treaties.csv', variant: csvHeader(TREATY_COLUMNS, delimiter) },
    );
  }

  @Get('developments.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Every development, corrections applied, with its source (RFC 4180 CSV, header row)' })
  @ApiOkResponse({ description: 'text/csv, with an ETag' })
  developments(
    @Query() query: CsvDownloadQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): StreamableFile | undefined {
    const delimiter = delimiterOf(query);
    return download(
      request,
      response,
      this.reads.openDownload((treaties) => csvLines(DEVELOPMENT_COLUMNS, recordsIn(treaties), delimiter)),
      { type: CSV, filename: 'developments.csv', variant: csvHeader(DEVELOPMENT_COLUMNS, delimiter) },
    );
  }

  @Get('treaties.jsonld')
  @ApiProduces('application/ld+json')
  @ApiOperation({ summary: 'Every treaty as schema.org Legislation (JSON-LD, context inline)' })
  @ApiOkResponse({ description: 'application/ld+json, with an ETag' })
  treatiesJsonLd(@Req() request: Request, @Res({ passthrough: true }) response: Response): StreamableFile | undefined {
    const base = this.address.baseUrlFor(request);
    return download(
      request,
      response,
      this.reads.openDownload((treaties) => treatiesJsonLd(statusesIn(treaties), base)),
      // Its absolute links are made of the address the client reached: another address, other bytes.
      { type: 'application/ld+json', filename: 'treaties.jsonld', variant: `treaties.jsonld ${base}` },
    );
  }
}

const CSV = 'text/csv; charset=utf-8; header=present';

/** Answers a download (an attachment) from its snapshot: see `answerFromSnapshot`. */
function download(
  request: Request,
  response: Response,
  opened: OpenDownload<string>,
  file: { type: string; filename: string; variant: string },
): StreamableFile | undefined {
  return answerFromSnapshot(
    request,
    response,
    opened,
    downloadEtag(opened.moment, `${file.filename}\n${file.variant}`),
    {
      type: file.type,
      disposition: `attachment; filename="${file.filename}"`,
    },
  );
}
