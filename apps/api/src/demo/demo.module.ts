import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { TreatiesModule } from '../treaties/treaties.module';
import { DemoDataLoader } from './demo-data.loader';

@Module({ imports: [AuditModule, TreatiesModule], providers: [DemoDataLoader] })
export class DemoModule {}
