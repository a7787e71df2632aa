import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { IntegrityHealthIndicator } from './integrity.health';

@Global()
@Module({
  imports: [TerminusModule],
  controllers: [AuditController],
  providers: [AuditService, IntegrityHealthIndicator],
  exports: [AuditService, IntegrityHealthIndicator],
})
export class AuditModule {}
