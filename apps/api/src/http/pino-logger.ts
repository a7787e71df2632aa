import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import pinoPretty from 'pino-pretty';
import type { AppConfig } from '../config/app-config';

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
