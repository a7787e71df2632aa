import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { tap, type Observable } from 'rxjs';

/** A read's ETag is the treaty stream's revision it reflects: what an editor sends back as If-Match. */
@Injectable()
export class EtagFromRevisionInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler<{ revision?: unknown }>): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      tap((body) => {
        if (typeof body.revision === 'string') response.setHeader('ETag', `"${body.revision}"`);
      }),
    );
  }
}
