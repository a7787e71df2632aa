import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import type { WriteOutcome } from './application/write-request';
import { WriteResponseDto } from './dto/write-response.dto';

/**
 * Turns a write's outcome into its HTTP answer: the body with decimal strings, the ETag for the next If-Match,
 * the treaty's Location, and `Idempotent-Replayed: true` when a retry found its first answer.
 */
@Injectable()
export class WriteResponseInterceptor implements NestInterceptor<WriteOutcome, WriteResponseDto> {
  intercept(context: ExecutionContext, next: CallHandler<WriteOutcome>): Observable<WriteResponseDto> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((outcome) => {
        response.setHeader('ETag', `"${outcome.revision}"`);
        response.setHeader('Location', `/treaties/${outcome.treatyId}`);
        if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
        return WriteResponseDto.from(outcome);
      }),
    );
  }
}
