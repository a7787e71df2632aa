import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { AuditService } from './audit.service';

/**
 * What the last verification of the log found, for /health and /health/ready. Always "up": damage in the log is
 * the same on every replica, so taking replicas out of the balancer for it would stop the service and repair
 * nothing (decision 0008). It is reported here, in a metric, in /audit/verify and on every read.
 */
@Injectable()
export class IntegrityHealthIndicator {
  constructor(
    private readonly audit: AuditService,
    private readonly health: HealthIndicatorService,
  ) {}

  check(key = 'integrity'): HealthIndicatorResult {
    const indicator = this.health.check(key);
    const status = this.audit.integrityStatus;
    if (status.kind === 'unchecked') return indicator.up({ verified: false });
    return indicator.up({
      verified: true,
      ok: status.result.ok,
      verifiedAt: status.at,
      checked: status.result.checked,
      failures: status.result.failures.length,
      firstFailures: status.result.failures.slice(0, 5),
    });
  }
}
