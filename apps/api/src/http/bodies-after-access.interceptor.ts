import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import type { Observable } from 'rxjs';

/**
 * Reads a request's body once the guards have let the request through: a request without a key, or with a key
 * that may not write, is refused (401, 403, 429) before its body is read, so an unauthenticated megabyte costs no
 * parsing (decision 0054). Express middleware would run before every guard; an interceptor runs after them and
 * before the pipes that validate `@Body()`. Global, so it runs before any route's own interceptor. A body refused
 * here (415, 413, MALFORMED_JSON) is answered by the exception filter with the same problem as before.
 */
export class BodiesAfterAccess implements NestInterceptor {
  /** `readers` are Express middleware, run in order; each may leave the body to the next (`batchBodyReader`). */
  constructor(private readonly readers: readonly RequestHandler[]) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() === 'http') {
      const http = context.switchToHttp();
      const request = http.getRequest<Request>();
      const response = http.getResponse<Response>();
      for (const read of this.readers) await run(read, request, response);
    }
    return next.handle();
  }
}

function run(read: RequestHandler, request: Request, response: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    void read(request, response, (error?: unknown) => {
      if (!error) return resolve();
      reject(error instanceof Error ? error : new Error('A body reader failed without an error'));
    });
  });
}
