import { Module } from '@nestjs/common';
import { PAGE_ASSETS, loadPageAssets, pageAssetsDirectory } from './page-assets';
import { PageController } from './page.controller';

/** The consumers' live timeline page at `/`: static HTML, CSS and browser modules that read the public API. */
@Module({
  controllers: [PageController],
  providers: [{ provide: PAGE_ASSETS, useFactory: () => loadPageAssets(pageAssetsDirectory()) }],
})
export class PageModule {}
