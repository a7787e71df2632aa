import { Module } from '@nestjs/common';
import { DevelopmentReads } from './development-reads.service';
import { EntryVersions } from './entry-versions.service';
import { FeedsController } from './feeds.controller';

@Module({ controllers: [FeedsController], providers: [DevelopmentReads, EntryVersions], exports: [DevelopmentReads] })
export class FeedsModule {}
