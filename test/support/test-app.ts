import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request, { type Response } from 'supertest';
import type { App } from 'supertest/types';
import type { AppOptions } from '../../apps/api/src/app.module';
import { createApp } from '../../apps/api/src/bootstrap';
import type { AppConfig } from '../../apps/api/src/config/app-config';
import { API_KEYS } from './api-keys';

export interface TestApp {
  readonly app: INestApplication;
  readonly http: App;
  readonly config: AppConfig;
  close(): Promise<void>;
}

/** Boots the real app, as production builds it, on a fresh data directory that is removed afterwards. */
export interface TestAppOptions extends AppOptions {
  /** Leave the data directory in place on close, to start the app on it again. */
  readonly keepData?: boolean;
}

export async function startTestApp(overrides: Partial<AppConfig> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'timeline-e2e-'));
  const config: AppConfig = {
    port: 0,
    dataDir,
    store: { kind: 'embedded', file: join(dataDir, 'events.db') },
    loadDemoData: false,
    publicReads: true,
    logLevel: 'error',
    logFormat: 'json',
    apiKeys: API_KEYS,
    // Generous limits: tests that are about limits set their own.
    limits: {
      maxBodyBytes: 262_144,
      ratePerMinute: 1_000_000,
      sseConnectionsPerClient: 1000,
      sseMaxBufferedBytes: 1_048_576,
      authFailuresPerMinute: 1_000_000,
    },
    ...overrides,
  };
  const app = await createApp(config, options);
  await app.init();
  return {
    app,
    http: app.getHttpServer() as App,
    config,
    close: async () => {
      await app.close();
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Polls `/health/ready` until it answers 200, as a balancer would; returns that answer. Readiness waits for the
 * projection to catch up with the log, which takes a moment after a start.
 */
export async function whenReady(http: App, timeoutMs = 5_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await request(http).get('/health/ready');
    if (answer.status === 200 || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
