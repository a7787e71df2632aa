import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { MetricsModule } from '../metrics/metrics.module';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { ReadModelComparison } from './read-model-comparison.service';
import { IntegrityHeaderInterceptor } from './integrity-header.interceptor';
import { IntegrityHealthIndicator } from './integrity.health';

@Global()
@Module({
  imports: [TerminusModule, MetricsModule],
  controllers: [AuditController],
  providers: [
    AuditService,
    ReadModelComparison,
    IntegrityHealthIndicator,
    { provide: APP_INTERCEPTOR, useClass: IntegrityHeaderInterceptor },
  ],
  exports: [AuditService, IntegrityHealthIndicator],
})
export class AuditModule {}
