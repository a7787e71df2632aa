import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DayTurnsModule } from '../day-turns/day-turns.module';
import { LIVE_OPTIONS, LiveBroadcast, type LiveOptions } from './live-broadcast.service';
import { LiveConnections } from './live-connections.service';
import { LiveController } from './live.controller';
import { TreatyOnRecord } from './treaty-on-record';

@Module({
  imports: [DayTurnsModule],
  controllers: [LiveController],
  providers: [
    LiveBroadcast,
    LiveConnections,
    TreatyOnRecord,
    {
      provide: LIVE_OPTIONS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): LiveOptions => ({
        heartbeatMs: 15_000,
        maxUnreadMessages: 256,
        maxUnreadBytes: config.limits.sseMaxBufferedBytes,
      }),
    },
  ],
})
export class LiveModule {}
