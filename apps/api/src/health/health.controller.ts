import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  type HealthCheckResult,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../auth/access.decorators';
import { IntegrityHealthIndicator } from '../audit/integrity.health';
import { ProjectionHealthIndicator } from '../read-models/projection.health';
import { EventStoreHealthIndicator } from './event-store.health';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
    private readonly projections: ProjectionHealthIndicator,
    private readonly integrity: IntegrityHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: the process answers; details say what the last verification of the log found' })
  live(@Res({ passthrough: true }) response: Response) {
    return this.report(response, [() => this.integrity.check()]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary:
      'Readiness: the event store takes writes (a cluster has a leader), the projections follow the log (503 naming what fails); integrity is reported, never fails it',
  })
  ready(@Res({ passthrough: true }) response: Response) {
    return this.report(response, [
      () => this.eventStore.isReachable(),
      () => this.projections.check(),
      () => this.integrity.check(),
    ]);
  }

  /** Keeps Terminus' own report as the body of a 503, which probes and operators read, instead of a problem. */
  private async report(response: Response, checks: HealthIndicatorFunction[]): Promise<HealthCheckResult> {
    try {
      return await this.health.check(checks);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(503);
      return error.getResponse() as HealthCheckResult;
    }
  }
}
