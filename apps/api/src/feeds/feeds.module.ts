import { Module } from '@nestjs/common';
import { DevelopmentReads } from './development-reads.service';
import { FeedsController } from './feeds.controller';

@Module({ controllers: [FeedsController], providers: [DevelopmentReads], exports: [DevelopmentReads] })
export class FeedsModule {}
