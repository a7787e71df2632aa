import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { TRUSTED_PROXIES_MESSAGE } from './trusted-proxies';

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;
const toInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

/**
 * The service's configuration, read from the environment. These names are a contract: scripts and users set
 * them. Every value is checked at start, and a wrong one stops the service with a message naming it.
 */
export class EnvironmentVariables {
  @Transform(toInteger)
  @IsInt({ message: 'PORT must be a whole number from 0 to 65535' })
  @Min(0, { message: 'PORT must be a whole number from 0 to 65535' })
  @Max(65535, { message: 'PORT must be a whole number from 0 to 65535' })
  PORT = 3000;

  @IsString()
  @MinLength(1, { message: 'TIMELINE_DATA_DIR must name a directory' })
  TIMELINE_DATA_DIR = './data';

  @IsOptional()
  @Matches(/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover|kdb|kdb\+discover):\/\/\S+$/, {
    message: 'EVENTSTORE_CONNECTION_STRING must be an esdb:// (or esdb+discover://) connection string',
  })
  EVENTSTORE_CONNECTION_STRING?: string;

  @IsOptional()
  @Matches(/^(\s*(reader|editor|auditor):[^\s,:]{16,}\s*)(,\s*(reader|editor|auditor):[^\s,:]{16,}\s*)*$/, {
    message:
      'TIMELINE_API_KEYS must be comma-separated role:key pairs (roles reader, editor, auditor; keys of 16 or more characters without spaces, commas or colons)',
  })
  TIMELINE_API_KEYS?: string;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'TIMELINE_SIGNING_KEY_FILE must name a PEM file with an Ed25519 private key' })
  TIMELINE_SIGNING_KEY_FILE?: string;

  /** Checked further by `trustedProxyProblems` (each entry an address, a network or a named range). */
  @IsOptional()
  @Matches(/^[^,\s]+(\s*,\s*[^,\s]+)*$/, {
    message: TRUSTED_PROXIES_MESSAGE,
  })
  TIMELINE_TRUSTED_PROXIES?: string;

  /** Checked in loadConfig: an http(s) address without query or fragment. */
  @IsOptional()
  @IsString()
  TIMELINE_PUBLIC_URL?: string;

  @Transform(toBoolean)
  @IsBoolean({ message: 'TIMELINE_DEMO_DATA must be true or false' })
  TIMELINE_DEMO_DATA = true;

  @Transform(toBoolean)
  @IsBoolean({ message: 'TIMELINE_PUBLIC_READS must be true or false' })
  TIMELINE_PUBLIC_READS = true;

  @Transform(toInteger)
  @IsInt({ message: 'TIMELINE_MAX_BODY_BYTES must be a whole number of bytes from 1024 to 10485760' })
  @Min(1024, { message: 'TIMELINE_MAX_BODY_BYTES must be a whole number of bytes from 1024 to 10485760' })
  @Max(10_485_760, { message: 'TIMELINE_MAX_BODY_BYTES must be a whole number of bytes from 1024 to 10485760' })
  TIMELINE_MAX_BODY_BYTES = 262_144;

  @Transform(toInteger)
  @IsInt({ message: 'TIMELINE_MAX_BATCH_BYTES must be a whole number of bytes from 1024 to 67108864' })
  @Min(1024, { message: 'TIMELINE_MAX_BATCH_BYTES must be a whole number of bytes from 1024 to 67108864' })
  @Max(67_108_864, { message: 'TIMELINE_MAX_BATCH_BYTES must be a whole number of bytes from 1024 to 67108864' })
  TIMELINE_MAX_BATCH_BYTES = 1_048_576;

  @Transform(toInteger)
  @IsInt({ message: 'TIMELINE_RATE_LIMIT_PER_MINUTE must be a whole number from 1 to 1000000' })
  @Min(1, { message: 'TIMELINE_RATE_LIMIT_PER_MINUTE must be a whole number from 1 to 1000000' })
  @Max(1_000_000, { message: 'TIMELINE_RATE_LIMIT_PER_MINUTE must be a whole number from 1 to 1000000' })
  TIMELINE_RATE_LIMIT_PER_MINUTE = 600;

  @Transform(toInteger)
  @IsInt({ message: 'TIMELINE_SSE_MAX_PER_CLIENT must be a whole number from 1 to 100000' })
  @Min(1, { message: 'TIMELINE_SSE_MAX_PER_CLIENT must be a whole number from 1 to 100000' })
  @Max(100_000, { message: 'TIMELINE_SSE_MAX_PER_CLIENT must be a whole number from 1 to 100000' })
  TIMELINE_SSE_MAX_PER_CLIENT = 20;

  @Transform(toBoolean)
  @IsBoolean({ message: 'TIMELINE_WEBHOOKS_ALLOW_PRIVATE_TARGETS must be true or false' })
  TIMELINE_WEBHOOKS_ALLOW_PRIVATE_TARGETS = false;

  @Transform(toInteger)
  @IsInt({ message: 'TIMELINE_WEBHOOK_RETRY_BASE_MS must be a whole number of milliseconds from 1 to 3600000' })
  @Min(1, { message: 'TIMELINE_WEBHOOK_RETRY_BASE_MS must be a whole number of milliseconds from 1 to 3600000' })
  @Max(3_600_000, {
    message: 'TIMELINE_WEBHOOK_RETRY_BASE_MS must be a whole number of milliseconds from 1 to 3600000',
  })
  TIMELINE_WEBHOOK_RETRY_BASE_MS = 1000;

  @Transform(toInteger)
  @IsInt({ message: 'TIMELINE_WEBHOOK_MAX_FAILURES must be a whole number from 1 to 1000' })
  @Min(1, { message: 'TIMELINE_WEBHOOK_MAX_FAILURES must be a whole number from 1 to 1000' })
  @Max(1000, { message: 'TIMELINE_WEBHOOK_MAX_FAILURES must be a whole number from 1 to 1000' })
  TIMELINE_WEBHOOK_MAX_FAILURES = 8;

  @Transform(toInteger)
  @IsInt({ message: 'TIMELINE_WEBHOOK_LEASE_MS must be a whole number of milliseconds from 1000 to 600000' })
  @Min(1000, { message: 'TIMELINE_WEBHOOK_LEASE_MS must be a whole number of milliseconds from 1000 to 600000' })
  @Max(600_000, { message: 'TIMELINE_WEBHOOK_LEASE_MS must be a whole number of milliseconds from 1000 to 600000' })
  TIMELINE_WEBHOOK_LEASE_MS = 30_000;

  @Transform(toInteger)
  @IsInt({ message: 'TIMELINE_SSE_MAX_BUFFERED_BYTES must be a whole number of bytes from 65536 to 1073741824' })
  @Min(65_536, {
    message: 'TIMELINE_SSE_MAX_BUFFERED_BYTES must be a whole number of bytes from 65536 to 1073741824',
  })
  @Max(1_073_741_824, {
    message: 'TIMELINE_SSE_MAX_BUFFERED_BYTES must be a whole number of bytes from 65536 to 1073741824',
  })
  TIMELINE_SSE_MAX_BUFFERED_BYTES = 1_048_576;

  @Transform(toInteger)
  @IsInt({ message: 'TIMELINE_AUTH_FAILURES_PER_MINUTE must be a whole number from 1 to 1000000' })
  @Min(1, { message: 'TIMELINE_AUTH_FAILURES_PER_MINUTE must be a whole number from 1 to 1000000' })
  @Max(1_000_000, { message: 'TIMELINE_AUTH_FAILURES_PER_MINUTE must be a whole number from 1 to 1000000' })
  TIMELINE_AUTH_FAILURES_PER_MINUTE = 20;

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'], {
    message: 'TIMELINE_LOG_LEVEL must be one of fatal, error, warn, log, debug, verbose',
  })
  TIMELINE_LOG_LEVEL = 'log';

  @IsIn(['auto', 'json', 'pretty'], { message: 'TIMELINE_LOG_FORMAT must be one of auto, json, pretty' })
  TIMELINE_LOG_FORMAT = 'auto';

  @Transform(toInteger)
  @IsInt({ message: 'TIMELINE_DECISION_CACHE_SIZE must be a whole number of treaties from 0 to 1000000' })
  @Min(0, { message: 'TIMELINE_DECISION_CACHE_SIZE must be a whole number of treaties from 0 to 1000000' })
  @Max(1_000_000, { message: 'TIMELINE_DECISION_CACHE_SIZE must be a whole number of treaties from 0 to 1000000' })
  TIMELINE_DECISION_CACHE_SIZE = 1_000;

  /** How long requests already read may take to be answered after SIGTERM before their connections close (0094). */
  @Transform(toInteger)
  @IsInt({ message: 'TIMELINE_SHUTDOWN_DRAIN_MS must be a whole number of milliseconds from 0 to 600000' })
  @Min(0, { message: 'TIMELINE_SHUTDOWN_DRAIN_MS must be a whole number of milliseconds from 0 to 600000' })
  @Max(600_000, { message: 'TIMELINE_SHUTDOWN_DRAIN_MS must be a whole number of milliseconds from 0 to 600000' })
  TIMELINE_SHUTDOWN_DRAIN_MS = 8_000;

  /** Threads a rebuild of the read model applies the log in; unset: one per core, at most 8 (decision 0027). */
  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'TIMELINE_REBUILD_WORKERS must be a whole number of threads from 1 to 8' })
  @Min(1, { message: 'TIMELINE_REBUILD_WORKERS must be a whole number of threads from 1 to 8' })
  @Max(8, { message: 'TIMELINE_REBUILD_WORKERS must be a whole number of threads from 1 to 8' })
  TIMELINE_REBUILD_WORKERS?: number;
}
