import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { AuditService } from './audit.service';

/** Down when the last verification of the log found damage: the service still serves, and says so. */
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
    const details = {
      verifiedAt: status.at,
      checked: status.result.checked,
      failures: status.result.failures.length,
      firstFailures: status.result.failures.slice(0, 5),
    };
    return status.result.ok ? indicator.up(details) : indicator.down(details);
  }
}
