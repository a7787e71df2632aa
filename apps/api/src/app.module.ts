import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AsyncApiModule } from './asyncapi/asyncapi.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CalendarsModule } from './calendars/calendars.module';
import { CLOCK, systemClock, type Clock } from './clock';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { DemoModule } from './demo/demo.module';
import { EventStoreModule } from './event-store/event-store.module';
import { ExportsModule } from './exports/exports.module';
import { EXTRACTION_TIME_LIMIT, EXTRACTION_TIME_LIMIT_MS } from './extractions/extraction-thread';
import { ExtractionsModule } from './extractions/extractions.module';
import { FeedsModule } from './feeds/feeds.module';
import { HealthModule } from './health/health.module';
import { PublicAddress } from './http/public-address';
import { CorrelationIdMiddleware } from './http/correlation-id.middleware';
import { LiveModule } from './live/live.module';
import { MetricsModule } from './metrics/metrics.module';
import { PageModule } from './page/page.module';
import { ProjectionsModule } from './read-models/projections.module';
import { TreatiesModule } from './treaties/treaties.module';
import { WebhooksModule } from './webhooks/webhooks.module';

export interface AppOptions {
  /** Replaces the system clock, e.g. in tests that need a fixed "today". */
  readonly clock?: Clock;
  /** Where the logs go instead of standard output, e.g. in tests that read them. */
  readonly logDestination?: { write(line: string): unknown };
  /** Replaces how long reading one article may take (`EXTRACTION_TIME_LIMIT_MS`), e.g. in tests of the limit. */
  readonly extractionTimeLimitMs?: number;
}

@Module({})
export class AppModule implements NestModule {
  /** The whole app, built from a validated configuration (see `loadConfig`), so tests can boot it with their own. */
  static forRoot(config: AppConfig, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        EventStoreModule.register(config.store),
        AuthModule,
        ProjectionsModule,
        MetricsModule,
        HealthModule,
        TreatiesModule,
        ExtractionsModule,
        LiveModule,
        AuditModule,
        DemoModule,
        PageModule,
        WebhooksModule,
        FeedsModule,
        ExportsModule,
        CalendarsModule,
        AsyncApiModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        { provide: EXTRACTION_TIME_LIMIT, useValue: options.extractionTimeLimitMs ?? EXTRACTION_TIME_LIMIT_MS },
        PublicAddress,
      ],
      exports: [APP_CONFIG, CLOCK, EXTRACTION_TIME_LIMIT, PublicAddress],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationIdMiddleware).forRoutes('*path');
  }
}
