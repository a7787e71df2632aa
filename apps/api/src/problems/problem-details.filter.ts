import { STATUS_CODES } from 'node:http';
import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiProblem, problem, type ProblemDetails } from './api-problem';
import { problemFromKnownError } from './known-errors';

/** About one leader election (KurrentDB elects within a few seconds). */
const RETRY_UNAVAILABLE_AFTER_SECONDS = '2';

/**
 * The one place where errors become HTTP answers: `application/problem+json` with a stable `code`. Anything
 * unexpected is logged with its stack and answered as a bare 500, so no internals leak.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problems');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const problem = { ...this.toProblem(error), instance: request.originalUrl };
    if (problem.status >= 500) this.logger.error(`${request.method} ${request.originalUrl}: ${describe(error)}`);
    if (response.headersSent) return;
    // Transient: an election, a node not ready or too busy, a timeout. Retrying with the same Idempotency-Key is safe.
    if (problem.code === 'EVENT_STORE_UNAVAILABLE') response.setHeader('Retry-After', RETRY_UNAVAILABLE_AFTER_SECONDS);
    response.status(problem.status).type('application/problem+json').json(problem);
  }

  private toProblem(error: unknown): ProblemDetails {
    if (error instanceof ApiProblem) return problem(error.status, error.code, error.message, error.extensions);
    const known = problemFromKnownError(error);
    if (known) return known;
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse();
      const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      const detail = Array.isArray(message)
        ? message.join('; ')
        : typeof message === 'string'
          ? message
          : error.message;
      return problem(status, codeForStatus(status), detail);
    }
    return problem(500, 'INTERNAL_ERROR', 'The service failed to answer this request; the failure has been logged.');
  }
}

function codeForStatus(status: number): string {
  return (STATUS_CODES[status] ?? 'ERROR')
    .toUpperCase()
    .replace(/[^A-Z]+/g, '_')
    .replace(/^_|_$/g, '');
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
