import type { IncomingMessage } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import pinoPretty from 'pino-pretty';
import type { AppConfig } from '../config/app-config';
import { correlationIdOf } from './correlation-id.middleware';
import { redactHeaders, redactQuery, redactUrl } from './redaction';

const PINO_LEVEL: Record<AppConfig['logLevel'], pino.Level> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/**
 * One pino logger for NestJS's own messages and for one line per request: JSON lines for log collectors, or, for a
 * person at a terminal (`auto` with stdout a TTY, or `pretty`), readable coloured lines from the same records.
 * `destination` (tests) receives the JSON lines instead of standard output.
 */
export function createLogger(
  config: AppConfig,
  destination?: pino.DestinationStream,
  stdoutIsTerminal = process.stdout.isTTY === true,
): Logger {
  const level = PINO_LEVEL[config.logLevel];
  if (destination) return pino({ level }, destination);
  if (!writesPrettyLogs(config, stdoutIsTerminal)) return pino({ level });
  return pino(
    { level },
    pinoPretty({
      colorize: stdoutIsTerminal,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,context,req,res,responseTime',
      messageFormat: '{if context}[{context}] {end}{msg}',
      singleLine: true,
      sync: true,
    }),
  );
}

export function writesPrettyLogs(config: AppConfig, stdoutIsTerminal = process.stdout.isTTY === true): boolean {
  return config.logFormat === 'pretty' || (config.logFormat === 'auto' && stdoutIsTerminal);
}

interface SerializedRequest {
  url?: string;
  query?: unknown;
  headers?: Record<string, unknown>;
  [other: string]: unknown;
}

/**
 * Logs each request with its correlation id (pino's request id) and the caller's key fingerprint. No header or
 * query parameter whose name could carry a credential reaches the log (see `redaction.ts`). A request the
 * client got wrong (4xx) is logged at warn, without a stack; one the service failed (5xx) at error, with one.
 */
export function requestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (request) => correlationIdOf(request),
    serializers: {
      req: (request: SerializedRequest): SerializedRequest => ({
        ...request,
        ...(request.url !== undefined ? { url: redactUrl(request.url) } : {}),
        ...(request.query !== undefined ? { query: redactQuery(request.query) } : {}),
        ...(request.headers !== undefined ? { headers: redactHeaders(request.headers) } : {}),
      }),
    },
    // A line its level would drop is not built: no bindings, no child logger, no serialised request.
    customLogLevel: (_request, response, error) => {
      const level = levelOf(response.statusCode, error !== undefined);
      return logger.isLevelEnabled(level) ? level : 'silent';
    },
    // pino-http attaches an error (with its stack) to any request that ended with one; a client's is no failure.
    customErrorObject: (_request, response, error, logged: Record<string, unknown>) =>
      response.statusCode >= 500 ? logged : { ...logged, err: undefined, reason: error.message },
    customProps: principalOf as (request: IncomingMessage) => object,
    // The path only: a query string may carry what must not be logged, and the request record has it, redacted.
    customSuccessMessage: (request, response, responseTime) =>
      `${request.method} ${pathOf(request.url)} ${response.statusCode} ${Math.round(responseTime)} ms`,
    customErrorMessage: (request, response) => `${request.method} ${pathOf(request.url)} ${response.statusCode}`,
  });
}

/**
 * The caller's key fingerprint, for the request's line. pino-http asks at the start too, before the key guard has
 * run: nothing then, so that it makes no child logger per request for a binding that would be empty.
 */
function principalOf(request: IncomingMessage & { principal?: { keyId: string } }): object | undefined {
  const keyId = request.principal?.keyId;
  return keyId === undefined ? undefined : { principal: keyId };
}

const pathOf = (url: string | undefined): string => (url ?? '').split('?', 1)[0] ?? '';

function levelOf(status: number, failed: boolean): pino.Level {
  if (status >= 500) return 'error';
  if (status >= 400) return 'warn';
  return failed ? 'error' : 'info';
}

/**
 * NestJS's logger interface over pino (hand-written: nestjs-pino 5, the release for NestJS 12, requires Node 22).
 */
export class PinoLoggerService implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...context: unknown[]): void {
    this.write('info', message, context);
  }
  error(message: unknown, ...context: unknown[]): void {
    this.write('error', message, context);
  }
  warn(message: unknown, ...context: unknown[]): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, ...context: unknown[]): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, ...context: unknown[]): void {
    this.write('trace', message, context);
  }
  fatal(message: unknown, ...context: unknown[]): void {
    this.write('fatal', message, context);
  }

  /** Nest passes the context (a class name) last; an error's stack comes before it. */
  private write(level: pino.Level, message: unknown, context: unknown[]): void {
    const source =
      typeof context[context.length - 1] === 'string' ? (context[context.length - 1] as string) : undefined;
    const stack = context.length > 1 && typeof context[0] === 'string' ? context[0] : undefined;
    this.logger[level]({ context: source, ...(stack ? { stack } : {}) }, String(message));
  }
}
