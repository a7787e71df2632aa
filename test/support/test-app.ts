import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
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
    apiKeys: API_KEYS,
    // Generous limits: tests that are about limits set their own.
    limits: { maxBodyBytes: 262_144, ratePerMinute: 1_000_000, sseConnectionsPerClient: 1000 },
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
