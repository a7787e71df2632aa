import { Module } from '@nestjs/common';
import { FeedsModule } from '../feeds/feeds.module';
import { CalendarsController } from './calendars.controller';

@Module({ imports: [FeedsModule], controllers: [CalendarsController] })
export class CalendarsModule {}
