import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { correlationIdOf } from './correlation-id.middleware';

const PINO_LEVEL: Record<AppConfig['logLevel'], string> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/** Structured JSON logs (pino): one line per request with its correlation id; keys never logged. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: PINO_LEVEL[config.logLevel],
          genReqId: (request) => correlationIdOf(request),
          redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
          customProps: (request) => ({ principal: (request as { principal?: { keyId: string } }).principal?.keyId }),
        },
      }),
    }),
  ],
})
export class LoggingModule {}
