import { Module } from '@nestjs/common';
import { DevelopmentReads } from './development-reads.service';
import { EntryVersions } from './entry-versions.service';
import { FeedDates } from './feed-dates.service';
import { FeedsController } from './feeds.controller';

@Module({
  controllers: [FeedsController],
  providers: [DevelopmentReads, EntryVersions, FeedDates],
  exports: [DevelopmentReads],
})
export class FeedsModule {}
