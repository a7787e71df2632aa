import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { createApp } from '../apps/api/src/bootstrap';
import { DEFAULT_LIMITS, type AppConfig } from '../apps/api/src/config/app-config';

export const BENCH_EDITOR_KEY = 'editor-key-for-the-benchmark-0001';

/** The real app on loopback with limits raised, as a load test needs (the defaults would throttle it). */
export async function startBenchApp(
  overrides: Partial<AppConfig> = {},
): Promise<{ app: INestApplication; base: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'timeline-bench-app-'));
  const config: AppConfig = {
    port: 0,
    dataDir,
    store: { kind: 'embedded', file: join(dataDir, 'events.db') },
    apiKeys: `editor:${BENCH_EDITOR_KEY}`,
    loadDemoData: false,
    publicReads: true,
    logLevel: 'error',
    logFormat: 'json',
    limits: { ...DEFAULT_LIMITS, ratePerMinute: 100_000_000, sseConnectionsPerClient: 100_000 },
    ...overrides,
  };
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  keepConnectionsOpen(app);
  return { app, base: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

/**
 * Node closes keep-alive connections idle for 5 s, racing a client that reuses them (ECONNRESET): between the
 * benchmark's phases connections do sit idle, so keep them open longer.
 */
export function keepConnectionsOpen(app: INestApplication): void {
  const server = app.getHttpServer() as { keepAliveTimeout: number; headersTimeout: number };
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 121_000;
}
