import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ProjectionHealthIndicator } from './projection.health';
import { ReadModels } from './read-models.service';

@Global()
@Module({
  imports: [TerminusModule],
  providers: [ReadModels, ProjectionHealthIndicator],
  exports: [ReadModels, ProjectionHealthIndicator],
})
export class ProjectionsModule {}
