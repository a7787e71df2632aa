import { Controller, Get, Header, Inject, Req, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  type HealthCheckResult,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../auth/access.decorators';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // A probe asks what is true now: an answer kept by a cache would say the service was up when it no longer is.
  @Get()
  @Header('Cache-Control', 'no-store')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: the process answers; details say what the last verification of the log found' })
  live(@Res({ passthrough: true }) response: Response) {
    return this.report(response, [() => this.integrity.check()]);
  }

  @Get('ready')
  @Header('Cache-Control', 'no-store')
  @HealthCheck()
  @ApiOperation({
    summary:
      'Readiness: the event store takes writes (a cluster has a leader), the projections follow the log (503 naming what fails); integrity is reported, never fails it. With TIMELINE_PUBLIC_READS=false the details need a key',
  })
  async ready(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response) {
    const report = await this.report(response, [
      () => this.eventStore.isReachable(),
      () => this.projections.check(),
      () => this.integrity.check(),
    ]);
    // Probes need only the status; the details (head position, integrity failures) are for those with a key.
    if (!this.config.publicReads && !request.principal) return { status: report.status };
    return report;
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
