import { Module } from '@nestjs/common';
import { DevelopmentReads } from './development-reads.service';
import { EntryVersions } from './entry-versions.service';
import { FeedsController } from './feeds.controller';
import { StoredFeedVersions } from './stored-feed-versions.service';

@Module({
  controllers: [FeedsController],
  providers: [DevelopmentReads, EntryVersions, StoredFeedVersions],
  exports: [DevelopmentReads],
})
export class FeedsModule {}
