import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { sharedKeyProblems, splitKeyList, weakKeyProblems } from '../auth/key-strength';
import { EnvironmentVariables } from './environment-variables';
import { parseTrustedProxies } from './trusted-proxies';

export type StoreConfig =
  | { readonly kind: 'embedded'; readonly file: string }
  | { readonly kind: 'eventstoredb'; readonly connectionString: string };

/** The validated configuration the app is built from. Tests build one directly instead of setting variables. */
export interface AppConfig {
  readonly port: number;
  readonly dataDir: string;
  readonly store: StoreConfig;
  /** The raw `role:key` list, or undefined to use (or generate) the keys file in the data directory. */
  readonly apiKeys?: string;
  /** The Ed25519 key that signs checkpoints, shared by all replicas; unset: generated (embedded store only). */
  readonly signingKeyFile?: string;
  readonly loadDemoData: boolean;
  readonly publicReads: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  /** `json` lines, `pretty` lines for a person, or `auto`: pretty when stdout is a terminal. */
  readonly logFormat: 'auto' | 'json' | 'pretty';
  readonly limits: Limits;
  /** Webhook delivery; absent: {@link DEFAULT_WEBHOOK_SETTINGS}. */
  readonly webhooks?: WebhookSettings;
  /** Treaties whose decision state writers keep in memory; absent: {@link DEFAULT_DECISION_CACHE_SIZE}. */
  readonly decisionCacheSize?: number;
  /**
   * How long requests already read may take to be answered after SIGTERM (decision 0094); absent: 8 s. Closing the
   * app may take 4 s more.
   */
  readonly shutdownDrainMs?: number;
  /**
   * Threads a rebuild of the read model applies the log in, each a part of the treaties (decision 0027); absent:
   * one per core, at most 8. 1: the rebuild runs in the calling thread.
   */
  readonly rebuildWorkers?: number;
  /**
   * The reverse proxies (addresses, networks, Express's named ranges) whose `X-Forwarded-For`, `-Proto` and
   * `-Host` the service believes: client addresses for rate limits, and the scheme and host of absolute links.
   * Absent or empty: none.
   */
  readonly trustedProxies?: readonly string[];
  /**
   * Where clients reach the service (`https://timeline.example.org`, or under a path), without a trailing slash: the
   * base of absolute links in feeds, calendars, downloads and the AsyncAPI document. Absent: each request's own
   * scheme and host.
   */
  readonly publicUrl?: string;
}

/**
 * A treaty's decision state is its folded domain state plus an index of the events written under
 * Idempotency-Keys: measured, about 1.3 KB a development (8 KB for a treaty of 5, 39 KB for 30, 390 KB for 300).
 * 1,000 treaties of 30 developments hold about 40 MB; the busy set of a newsroom is far smaller, and a treaty of
 * 5,000 developments (6.5 MB) costs that only while it is among the most recently written.
 */
export const DEFAULT_DECISION_CACHE_SIZE = 1_000;

export interface WebhookSettings {
  /** Allows loopback, private and link-local targets, and plain http (tests, internal deployments). */
  readonly allowPrivateTargets: boolean;
  /** The first wait after a failed attempt; each further failure doubles it (with jitter). */
  readonly retryBaseMs: number;
  /** Failed attempts of one delivery after which the subscription is paused. */
  readonly maxFailures: number;
  readonly timeoutMs: number;
  /** How long a replica keeps a subscription to itself after its last delivery or attempt. */
  readonly leaseMs: number;
}

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  allowPrivateTargets: false,
  retryBaseMs: 1000,
  maxFailures: 8,
  timeoutMs: 10_000,
  leaseMs: 30_000,
};

/** Bounds that protect the service from one client; the load tests raise them. */
export interface Limits {
  readonly maxBodyBytes: number;
  /** Requests per minute per API key (or per address, for requests without a key). */
  readonly ratePerMinute: number;
  /** Concurrent SSE connections per API key (or address). */
  readonly sseConnectionsPerClient: number;
  /**
   * Bytes a live subscriber may leave unread (queued while its connection is full) before it is dropped: what
   * a stalled client costs is counted in bytes, since one message can be a treaty with 200 parties.
   */
  readonly sseMaxBufferedBytes: number;
  /** Failed authentications per minute per address; past it, requests with a key get 429 before it is checked. */
  readonly authFailuresPerMinute: number;
  /** The body of a batch (`POST /treaties/{id}/developments:batch`); absent: {@link DEFAULT_MAX_BATCH_BYTES}. */
  readonly maxBatchBytes?: number;
}

/** 1 MiB: 1,000 reports of a typical size, and an append EventStoreDB before 25.1 (1 MiB at most) still takes. */
export const DEFAULT_MAX_BATCH_BYTES = 1_048_576;

export const DEFAULT_LIMITS: Limits = {
  maxBodyBytes: 262_144,
  ratePerMinute: 600,
  sseConnectionsPerClient: 20,
  sseMaxBufferedBytes: 1_048_576,
  authFailuresPerMinute: 20,
};

export const APP_CONFIG = Symbol('APP_CONFIG');

export class InvalidConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'InvalidConfigurationError';
  }
}

export function loadConfig(environment: NodeJS.ProcessEnv): AppConfig {
  const known = Object.keys(new EnvironmentVariables());
  const given = Object.fromEntries(
    Object.entries(environment).filter(([name, value]) => known.includes(name) && value !== undefined && value !== ''),
  );
  const variables = plainToInstance(EnvironmentVariables, given);
  const errors = validateSync(variables, { whitelist: true });
  if (errors.length > 0) {
    const messages = errors.flatMap((error) =>
      Object.values(error.constraints ?? { invalid: `${error.property} is invalid` }),
    );
    throw new InvalidConfigurationError([...new Set(messages)]);
  }
  if (variables.TIMELINE_API_KEYS) {
    const pairs = splitKeyList(variables.TIMELINE_API_KEYS);
    const keyProblems = [
      ...sharedKeyProblems('TIMELINE_API_KEYS', pairs),
      ...weakKeyProblems('TIMELINE_API_KEYS', pairs),
    ];
    if (keyProblems.length > 0) throw new InvalidConfigurationError(keyProblems);
  }
  const trusted = variables.TIMELINE_TRUSTED_PROXIES
    ? parseTrustedProxies(variables.TIMELINE_TRUSTED_PROXIES)
    : { proxies: [], problems: [] };
  if (trusted.problems.length > 0) throw new InvalidConfigurationError(trusted.problems);
  const publicUrl = variables.TIMELINE_PUBLIC_URL ? parsePublicUrl(variables.TIMELINE_PUBLIC_URL) : undefined;
  const dataDir = resolve(variables.TIMELINE_DATA_DIR);
  return {
    port: variables.PORT,
    dataDir,
    store: variables.EVENTSTORE_CONNECTION_STRING
      ? { kind: 'eventstoredb', connectionString: variables.EVENTSTORE_CONNECTION_STRING }
      : { kind: 'embedded', file: resolve(dataDir, 'events.db') },
    ...(variables.TIMELINE_API_KEYS ? { apiKeys: variables.TIMELINE_API_KEYS } : {}),
    ...(variables.TIMELINE_SIGNING_KEY_FILE ? { signingKeyFile: resolve(variables.TIMELINE_SIGNING_KEY_FILE) } : {}),
    loadDemoData: variables.TIMELINE_DEMO_DATA,
    publicReads: variables.TIMELINE_PUBLIC_READS,
    logLevel: variables.TIMELINE_LOG_LEVEL as AppConfig['logLevel'],
    logFormat: variables.TIMELINE_LOG_FORMAT as AppConfig['logFormat'],
    limits: {
      maxBodyBytes: variables.TIMELINE_MAX_BODY_BYTES,
      ratePerMinute: variables.TIMELINE_RATE_LIMIT_PER_MINUTE,
      sseConnectionsPerClient: variables.TIMELINE_SSE_MAX_PER_CLIENT,
      sseMaxBufferedBytes: variables.TIMELINE_SSE_MAX_BUFFERED_BYTES,
      authFailuresPerMinute: variables.TIMELINE_AUTH_FAILURES_PER_MINUTE,
      maxBatchBytes: variables.TIMELINE_MAX_BATCH_BYTES,
    },
    webhooks: {
      ...DEFAULT_WEBHOOK_SETTINGS,
      allowPrivateTargets: variables.TIMELINE_WEBHOOKS_ALLOW_PRIVATE_TARGETS,
      retryBaseMs: variables.TIMELINE_WEBHOOK_RETRY_BASE_MS,
      maxFailures: variables.TIMELINE_WEBHOOK_MAX_FAILURES,
      leaseMs: variables.TIMELINE_WEBHOOK_LEASE_MS,
    },
    decisionCacheSize: variables.TIMELINE_DECISION_CACHE_SIZE,
    shutdownDrainMs: variables.TIMELINE_SHUTDOWN_DRAIN_MS,
    ...(variables.TIMELINE_REBUILD_WORKERS !== undefined ? { rebuildWorkers: variables.TIMELINE_REBUILD_WORKERS } : {}),
    ...(trusted.proxies.length > 0 ? { trustedProxies: trusted.proxies } : {}),
    ...(publicUrl !== undefined ? { publicUrl } : {}),
  };
}

const PUBLIC_URL_MESSAGE =
  'TIMELINE_PUBLIC_URL must be the http(s) address clients reach the service at, e.g. https://timeline.example.org or https://example.org/timeline, without a query or fragment';

/** The public address, as links append paths to it: no trailing slash, no query, fragment or credentials. */
function parsePublicUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidConfigurationError([PUBLIC_URL_MESSAGE]);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username || url.password) {
    throw new InvalidConfigurationError([PUBLIC_URL_MESSAGE]);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
