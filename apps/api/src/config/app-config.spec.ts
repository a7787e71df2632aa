import { describe, expect, it } from '@jest/globals';
import { resolve } from 'node:path';
import { InvalidConfigurationError, loadConfig } from './app-config';

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
      limits: { maxBodyBytes: 262_144, ratePerMinute: 600, sseConnectionsPerClient: 20 },
      webhooks: { allowPrivateTargets: false, retryBaseMs: 1000, maxFailures: 8, timeoutMs: 10_000, leaseMs: 30_000 },
    });
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

  it('reads booleans, numbers and keys', () => {
    const config = loadConfig({
      PORT: '8080',
      TIMELINE_DEMO_DATA: 'false',
      TIMELINE_PUBLIC_READS: 'false',
      TIMELINE_API_KEYS: 'editor:0123456789abcdef,reader:fedcba9876543210',
    });
    expect(config).toMatchObject({ port: 8080, loadDemoData: false, publicReads: false });
    expect(config.apiKeys).toBe('editor:0123456789abcdef,reader:fedcba9876543210');
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
  ])('stops on a wrong %s, naming it', (name, value) => {
    const attempt = () => loadConfig({ [name]: value });
    expect(attempt).toThrow(InvalidConfigurationError);
    expect(attempt).toThrow(name);
  });
});
