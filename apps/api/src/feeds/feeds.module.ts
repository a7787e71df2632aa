import { Module } from '@nestjs/common';
import { DevelopmentReads } from './development-reads.service';
import { EntryVersions } from './entry-versions.service';
import { FeedsController } from './feeds.controller';
import { QuietFeeds } from './quiet-feeds.service';

@Module({
  controllers: [FeedsController],
  providers: [DevelopmentReads, EntryVersions, QuietFeeds],
  exports: [DevelopmentReads],
})
export class FeedsModule {}
