import { STATUS_CODES } from 'node:http';
import {
  Catch,
  HttpException,
  Logger,
  NotFoundException,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { redactUrl } from '../http/redaction';
import type { RouteMethods } from '../http/route-methods';
import { ApiProblem, problem, type ProblemDetails } from './api-problem';
import { problemFromKnownError } from './known-errors';

/** What a 401 asks for (RFC 9110 §11.6.1): a bearer token. */
export const WWW_AUTHENTICATE = 'Bearer realm="treaty-timeline"';
/** When a 429 has no better answer of its own, e.g. too many open streams, whose end nobody can predict. */
const DEFAULT_RETRY_AFTER_SECONDS = 5;
const MAX_INSTANCE = 1000;

/** About one leader election (KurrentDB elects within a few seconds). */
const RETRY_UNAVAILABLE_AFTER_SECONDS = '2';

/**
 * The one place where errors become HTTP answers: `application/problem+json` with a stable `code`. Anything
 * unexpected is logged with its stack and answered as a bare 500, so no internals leak. A client's mistake (4xx)
 * is not the service's failure: the request log records it at warn, and nothing here logs it again.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problems');

  /** `routes` turns "no route for this method" into 405 with `Allow` when another method has one. */
  constructor(private readonly routes?: RouteMethods) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const url = redactUrl(request.originalUrl);
    // The URL names the occurrence; a query string of thousands of parameters is not worth echoing back.
    const instance = url.length > MAX_INSTANCE ? request.path.slice(0, MAX_INSTANCE) : url;
    const problem: ProblemDetails = { ...(this.wrongMethod(error, request) ?? this.toProblem(error)), instance };
    if (problem.status >= 500) this.logger.error(`${request.method} ${url}: ${describeFailure(error)}`);
    if (response.headersSent) {
      // The answer has begun (a stream written by hand) and cannot become a problem: break it off, so that the
      // client sees it end short instead of waiting for an end, or taking what it got for the whole.
      if (!response.writableEnded) response.destroy();
      return;
    }
    // Transient: an election, a node not ready or too busy, a timeout. Retrying with the same Idempotency-Key is safe.
    if (
      problem.code === 'EVENT_STORE_UNAVAILABLE' ||
      problem.code === 'TREATY_BUSY' ||
      problem.code === 'EXTRACTIONS_BUSY' ||
      problem.code === 'TIME_TRAVEL_BUSY'
    ) {
      response.setHeader('Retry-After', RETRY_UNAVAILABLE_AFTER_SECONDS);
    }
    if (problem.status === 401) {
      const invalid = problem.code === 'INVALID_API_KEY' ? ', error="invalid_token"' : '';
      response.setHeader('WWW-Authenticate', `${WWW_AUTHENTICATE}${invalid}`);
    }
    if (problem.status === 429 && !response.hasHeader('Retry-After')) {
      const retryAfter = problem['retryAfterSeconds'];
      response.setHeader(
        'Retry-After',
        String(typeof retryAfter === 'number' ? retryAfter : DEFAULT_RETRY_AFTER_SECONDS),
      );
    }
    if (problem.status === 405 && Array.isArray(problem['allow'])) {
      response.setHeader('Allow', (problem['allow'] as string[]).join(', '));
    }
    // Written with `end`, not `json`: Express's `send` would give the problem a weak ETag of its bytes, which a
    // client taking the ETag of any answer would send back as If-Match (and be refused INVALID_IF_MATCH).
    const body = JSON.stringify(problem);
    response
      .status(problem.status)
      .setHeader('Content-Type', 'application/problem+json; charset=utf-8')
      .setHeader('Content-Length', Buffer.byteLength(body))
      .end(body);
  }

  /** Nest's answer when no route matched (no route ran: `request.route` is unset), on a path another method serves. */
  private wrongMethod(error: unknown, request: Request): ProblemDetails | undefined {
    if (!(error instanceof NotFoundException) || request.route !== undefined || !this.routes) return undefined;
    const allow = this.routes.on(request.path);
    if (allow.length === 0) return undefined;
    return problem(405, 'METHOD_NOT_ALLOWED', `${request.method} is not allowed here: use ${allow.join(', ')}`, {
      allow,
    });
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

/**
 * The stack, then each cause with its code: a store's "could not commit" says nothing an operator can act on without
 * what SQLite said beneath it (`SQLITE_FULL`: disk full, `SQLITE_READONLY`: a read-only data directory).
 */
export function describeFailure(error: unknown): string {
  const lines = [error instanceof Error ? (error.stack ?? error.message) : String(error)];
  const seen = new Set<unknown>([error]);
  for (let cause = causeOf(error); cause !== undefined && !seen.has(cause); cause = causeOf(cause)) {
    seen.add(cause);
    lines.push(`caused by: ${oneLine(cause)}`);
  }
  return lines.join('\n');
}

/**
 * Errors are read by their shape, not by `instanceof Error`: one made in another realm (a native driver's, a vm
 * context's) is no instance of this realm's Error, and would lose its code to `String()`.
 */
interface ErrorLike {
  readonly name?: unknown;
  readonly message: string;
  readonly code?: unknown;
  readonly cause?: unknown;
}

function isErrorLike(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}

function causeOf(error: unknown): unknown {
  return isErrorLike(error) ? error.cause : undefined;
}

function oneLine(cause: unknown): string {
  if (!isErrorLike(cause)) return String(cause);
  const name = typeof cause.name === 'string' ? cause.name : 'Error';
  return `${name}${typeof cause.code === 'string' ? ` ${cause.code}` : ''}: ${cause.message}`;
}
