import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

export const CORRELATION_HEADER = 'x-correlation-id';
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

export type CorrelatedRequest = Request & { correlationId?: string };

/** The request's correlation id: the caller's, when it sends a sane one, else a new one; the same on every call. */
export function correlationIdOf(request: IncomingMessage & { correlationId?: string }): string {
  if (request.correlationId === undefined) {
    const given = request.headers[CORRELATION_HEADER];
    request.correlationId = typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
  }
  return request.correlationId;
}

/**
 * Gives every request a correlation id that is echoed back, logged on the request's line (`req.id`), and written
 * into the metadata of the events the request appends.
 */
@Injectable()
export class CorrelationIdMiddleware implements NestMiddleware {
  use(request: CorrelatedRequest, response: Response, next: NextFunction): void {
    response.setHeader(CORRELATION_HEADER, correlationIdOf(request));
    next();
  }
}
