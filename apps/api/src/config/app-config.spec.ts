import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { API_KEYS } from '../../../../test/support/api-keys';
import { InvalidConfigurationError, loadConfig } from './app-config';

// Keys as `openssl rand -base64 24` makes them.
const STRONG_EDITOR = 'q8Zr2LxV0mNw7TfKc3YpHs9DgBe1UaJo';
const STRONG_READER = 'Xn4Pw0Lz8cRt6VbQm2Hk5Yd9FsJg7Ae3';

describe('loadConfig', () => {
  it('defaults to port 3000, ./data, the embedded store, demo data and public reads', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      dataDir: resolve('data'),
      store: { kind: 'embedded', file: resolve('data', 'events.db') },
      loadDemoData: true,
      publicReads: true,
      logLevel: 'log',
      logFormat: 'auto',
      limits: {
        maxBodyBytes: 262_144,
        ratePerMinute: 600,
        sseConnectionsPerClient: 20,
        sseMaxBufferedBytes: 1_048_576,
        authFailuresPerMinute: 20,
        maxBatchBytes: 1_048_576,
      },
      webhooks: { allowPrivateTargets: false, retryBaseMs: 1000, maxFailures: 8, timeoutMs: 10_000, leaseMs: 30_000 },
      decisionCacheSize: 1_000,
      shutdownDrainMs: 8_000,
    });
  });

  it('reads how many threads a rebuild uses, from 1 to 8', () => {
    expect(loadConfig({}).rebuildWorkers).toBeUndefined();
    expect(loadConfig({ TIMELINE_REBUILD_WORKERS: '1' }).rebuildWorkers).toBe(1);
    expect(loadConfig({ TIMELINE_REBUILD_WORKERS: '8' }).rebuildWorkers).toBe(8);
    for (const wrong of ['0', '9', 'two']) {
      expect(() => loadConfig({ TIMELINE_REBUILD_WORKERS: wrong })).toThrow('TIMELINE_REBUILD_WORKERS');
    }
  });

  it('reads the size of the decision-state cache, 0 turning it off', () => {
    expect(loadConfig({ TIMELINE_DECISION_CACHE_SIZE: '0' }).decisionCacheSize).toBe(0);
    expect(() => loadConfig({ TIMELINE_DECISION_CACHE_SIZE: 'many' })).toThrow('TIMELINE_DECISION_CACHE_SIZE');
  });

  it('reads how long a shutdown waits for requests already read, 8 s unless set', () => {
    expect(loadConfig({}).shutdownDrainMs).toBe(8_000);
    expect(loadConfig({ TIMELINE_SHUTDOWN_DRAIN_MS: '30000' }).shutdownDrainMs).toBe(30_000);
    expect(() => loadConfig({ TIMELINE_SHUTDOWN_DRAIN_MS: '-1' })).toThrow('TIMELINE_SHUTDOWN_DRAIN_MS');
  });

  it('reads the webhook settings', () => {
    const config = loadConfig({
      TIMELINE_WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
      TIMELINE_WEBHOOK_RETRY_BASE_MS: '50',
      TIMELINE_WEBHOOK_MAX_FAILURES: '3',
    });
    expect(config.webhooks).toMatchObject({ allowPrivateTargets: true, retryBaseMs: 50, maxFailures: 3 });
    expect(() => loadConfig({ TIMELINE_WEBHOOK_RETRY_BASE_MS: '0' })).toThrow('TIMELINE_WEBHOOK_RETRY_BASE_MS');
  });

  it('selects EventStoreDB when a connection string is set', () => {
    const config = loadConfig({ EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false' });
    expect(config.store).toEqual({ kind: 'eventstoredb', connectionString: 'esdb://localhost:2113?tls=false' });
  });

  it('trusts no proxy unless told, and reads the proxies as addresses, networks and named ranges', () => {
    expect(loadConfig({}).trustedProxies).toBeUndefined();
    expect(
      loadConfig({ TIMELINE_TRUSTED_PROXIES: 'loopback, 10.0.0.0/8,fd00::/8 ,192.168.1.7,::1' }).trustedProxies,
    ).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8', '192.168.1.7', '::1']);
  });

  it('reads the public address clients reach the service at, as links append paths to it', () => {
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(loadConfig({ TIMELINE_PUBLIC_URL: 'https://Timeline.Example.org/' }).publicUrl).toBe(
      'https://timeline.example.org',
    );
    expect(loadConfig({ TIMELINE_PUBLIC_URL: 'https://example.org/timeline//' }).publicUrl).toBe(
      'https://example.org/timeline',
    );
  });

  it('reads booleans, numbers and keys', () => {
    const config = loadConfig({
      PORT: '8080',
      TIMELINE_DEMO_DATA: 'false',
      TIMELINE_PUBLIC_READS: 'false',
      TIMELINE_API_KEYS: `editor:${STRONG_EDITOR},reader:${STRONG_READER}`,
    });
    expect(config).toMatchObject({ port: 8080, loadDemoData: false, publicReads: false });
    expect(config.apiKeys).toBe(`editor:${STRONG_EDITOR},reader:${STRONG_READER}`);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['TIMELINE_DEMO_DATA', 'yes'],
    ['TIMELINE_PUBLIC_READS', '1'],
    ['EVENTSTORE_CONNECTION_STRING', 'http://localhost:2113'],
    ['TIMELINE_API_KEYS', 'admin:0123456789abcdef'],
    ['TIMELINE_LOG_FORMAT', 'text'],
    ['TIMELINE_API_KEYS', 'editor:short'],
    ['TIMELINE_LOG_LEVEL', 'chatty'],
    ['TIMELINE_MAX_BODY_BYTES', '12'],
    ['TIMELINE_RATE_LIMIT_PER_MINUTE', '0'],
    ['TIMELINE_SSE_MAX_PER_CLIENT', 'many'],
    ['TIMELINE_SSE_MAX_BUFFERED_BYTES', '1000'],
    ['TIMELINE_AUTH_FAILURES_PER_MINUTE', '0'],
    ['TIMELINE_API_KEYS', 'editor:aaaaaaaaaaaaaaaa'],
    ['TIMELINE_API_KEYS', 'reader:0123456789abcdefghij'],
    ['TIMELINE_API_KEYS', 'auditor:abababababababababababab'],
    ['TIMELINE_API_KEYS', `editor:${STRONG_EDITOR},auditor:${STRONG_EDITOR}`],
    ['TIMELINE_TRUSTED_PROXIES', 'true'],
    ['TIMELINE_TRUSTED_PROXIES', 'nginx'],
    ['TIMELINE_TRUSTED_PROXIES', '10.0.0.0/33'],
    ['TIMELINE_TRUSTED_PROXIES', '10.0.0.1,,10.0.0.2'],
    ['TIMELINE_TRUSTED_PROXIES', '10.0.0.0/8/8'],
    ['TIMELINE_PUBLIC_URL', 'timeline.example.org'],
    ['TIMELINE_PUBLIC_URL', 'ftp://timeline.example.org'],
    ['TIMELINE_PUBLIC_URL', 'https://timeline.example.org/?a=b'],
    ['TIMELINE_PUBLIC_URL', 'https://user:secret@timeline.example.org'],
  ])('stops on a wrong %s, naming it', (name, value) => {
    const attempt = () => loadConfig({ [name]: value });
    expect(attempt).toThrow(InvalidConfigurationError);
    expect(attempt).toThrow(name);
  });

  it('never shows a refused key in its message, and says which role and what is wrong', () => {
    const attempt = () => loadConfig({ TIMELINE_API_KEYS: `editor:${STRONG_EDITOR},auditor:${STRONG_EDITOR}` });
    expect(attempt).toThrow('roles editor, auditor');
    expect(attempt).not.toThrow(STRONG_EDITOR);
    expect(() => loadConfig({ TIMELINE_API_KEYS: `editor:${STRONG_EDITOR},reader:aaaaaaaaaaaaaaaa` })).toThrow(
      /the reader key \(pair 2\) looks guessable/,
    );
  });

  it('accepts the keys of the test fixtures and freshly generated ones', () => {
    expect(() => loadConfig({ TIMELINE_API_KEYS: API_KEYS })).not.toThrow();
    for (let round = 0; round < 200; round++) {
      const key = randomBytes(24).toString('base64url');
      expect(() => loadConfig({ TIMELINE_API_KEYS: `editor:${key}` })).not.toThrow();
    }
  });
});
