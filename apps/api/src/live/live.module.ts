import { Module } from '@nestjs/common';
import { LiveFeed } from './live-feed.service';
import { LiveController } from './live.controller';

@Module({ controllers: [LiveController], providers: [LiveFeed] })
export class LiveModule {}
