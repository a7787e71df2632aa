import { randomUUID } from 'node:crypto';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

export const CORRELATION_HEADER = 'x-correlation-id';
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

export type CorrelatedRequest = Request & { correlationId?: string };

/**
 * Gives every request a correlation id (the caller's, when it sends a sane one) that is echoed back, logged,
 * and written into the metadata of the events the request appends.
 */
@Injectable()
export class CorrelationIdMiddleware implements NestMiddleware {
  use(request: CorrelatedRequest, response: Response, next: NextFunction): void {
    const given = request.header(CORRELATION_HEADER);
    request.correlationId = given && ACCEPTABLE.test(given) ? given : randomUUID();
    response.setHeader(CORRELATION_HEADER, request.correlationId);
    next();
  }
}
