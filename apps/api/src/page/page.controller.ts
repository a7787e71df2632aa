import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/access.decorators';
import { ApiProblem } from '../problems/api-problem';
import { PAGE_ASSETS, type PageAssets } from './page-assets';

/**
 * Everything the page needs comes from this origin: no inline script or style, no other host. The page reads
 * the API with fetch and EventSource, so `connect-src 'self'` is all it may reach.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

@ApiExcludeController()
@Public()
@Controller()
export class PageController {
  constructor(@Inject(PAGE_ASSETS) private readonly assets: PageAssets) {}

  @Get()
  index(@Res() response: Response): void {
    this.send(response, 'index.html');
  }

  @Get('page/:file')
  file(@Param('file') file: string, @Res() response: Response): void {
    this.send(response, file);
  }

  /** The editors' desk: its page is public like this one; every write it makes needs the editor's key. */
  @Get('desk')
  desk(@Res() response: Response): void {
    this.send(response, 'desk/index.html');
  }

  @Get('page/desk/:file')
  deskFile(@Param('file') file: string, @Res() response: Response): void {
    this.send(response, `desk/${file}`);
  }

  private send(response: Response, name: string): void {
    const asset = this.assets.get(name);
    if (asset === undefined) throw new ApiProblem(404, 'NOT_FOUND', `The page has no file ${name}`);
    response
      .set({
        'Content-Type': asset.contentType,
        'Cache-Control': 'no-cache',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      })
      .send(asset.body);
  }
}
