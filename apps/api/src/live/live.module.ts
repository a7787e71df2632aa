import { Module } from '@nestjs/common';
import { LiveConnections } from './live-connections.service';
import { LiveFeed } from './live-feed.service';
import { LiveController } from './live.controller';

@Module({ controllers: [LiveController], providers: [LiveFeed, LiveConnections] })
export class LiveModule {}
