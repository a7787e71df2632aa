import { Module } from '@nestjs/common';
import { FeedsModule } from '../feeds/feeds.module';
import { ExportsController } from './exports.controller';

@Module({ imports: [FeedsModule], controllers: [ExportsController] })
export class ExportsModule {}
