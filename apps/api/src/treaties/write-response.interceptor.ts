import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import type { DryRunOutcome } from './application/treaty-dry-run.service';
import type { WriteOutcome } from './application/write-request';
import { DryRunResponseDto } from './dto/dry-run-response.dto';
import { WriteResponseDto } from './dto/write-response.dto';

/**
 * Turns a write's outcome into its HTTP answer: the body with decimal strings, the ETag for the next If-Match,
 * the Location of what was written (the treaty registered, or the permalink of the development written about), and `Idempotent-Replayed: true` when a retry found its first answer. A dry run answers
 * 200 (nothing was created) with the ETag of the revision it decided on, which a real write may send as If-Match.
 */
@Injectable()
export class WriteResponseInterceptor implements NestInterceptor<
  WriteOutcome | DryRunOutcome,
  WriteResponseDto | DryRunResponseDto
> {
  intercept(
    context: ExecutionContext,
    next: CallHandler<WriteOutcome | DryRunOutcome>,
  ): Observable<WriteResponseDto | DryRunResponseDto> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((outcome) => {
        if ('dryRun' in outcome) {
          response.status(200);
          if (outcome.revision !== null) response.setHeader('ETag', `"${outcome.revision}"`);
          return DryRunResponseDto.from(outcome);
        }
        response.setHeader('ETag', `"${outcome.revision}"`);
        response.setHeader('Location', locationOf(outcome));
        if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
        return WriteResponseDto.from(outcome);
      }),
    );
  }
}

/**
 * A registration creates the treaty; a report, correction or retraction is about one development, whose permalink
 * answers by the id of any event about it (a corroboration's, a correction's) as by its own.
 */
function locationOf(outcome: Pick<WriteOutcome, 'treatyId' | 'eventId' | 'eventType'>): string {
  const treaty = `/treaties/${outcome.treatyId}`;
  return outcome.eventType === 'TreatyRegistered' ? treaty : `${treaty}/developments/${outcome.eventId}`;
}
