import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadAccess } from '../auth/access.decorators';
import { Metrics } from './metrics.service';

@ApiTags('health')
// What is appended, the head position, subscribers, integrity failures: open only while reads are public.
@ReadAccess()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Prometheus metrics: appends, conflicts, projection lag, live subscribers' })
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
