import { Module, type DynamicModule } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { EventStoreModule } from './event-store/event-store.module';
import { HealthModule } from './health/health.module';

@Module({})
export class AppModule {
  /** The whole app, built from a validated configuration (see `loadConfig`), so tests can boot it with their own. */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [EventStoreModule.register(config.store), HealthModule],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
      global: true,
    };
  }
}
