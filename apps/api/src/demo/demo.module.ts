import { Module } from '@nestjs/common';
import { TreatiesModule } from '../treaties/treaties.module';
import { DemoDataLoader } from './demo-data.loader';

@Module({ imports: [TreatiesModule], providers: [DemoDataLoader] })
export class DemoModule {}
