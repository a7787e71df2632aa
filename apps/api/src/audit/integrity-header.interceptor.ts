import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { AuditService } from './audit.service';

/** The header every read carries while the last verification found damage in the log. */
export const INTEGRITY_HEADER = 'Timeline-Integrity';

/**
 * Tells readers that what they read comes from a log known to be damaged (`damaged; failures=N`), so that a client
 * that trusts the history can stop, while the service keeps answering: the balancer keeps the replica (0008).
 */
@Injectable()
export class IntegrityHeaderInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<Request>();
      const status = this.audit.integrityStatus;
      // A HEAD is a GET without the body: its headers are the GET's (RFC 9110, 9.3.2), this one too.
      const read = request.method === 'GET' || request.method === 'HEAD';
      if (read && status.kind === 'checked' && !status.result.ok) {
        const response = context.switchToHttp().getResponse<Response>();
        response.setHeader(INTEGRITY_HEADER, `damaged; failures=${status.result.failures.length}`);
      }
    }
    return next.handle();
  }
}
