import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { API_KEYS } from '../support/api-keys';
import { listeningPort } from '../support/listening-port';

const ENTRY = 'dist/apps/api/apps/api/src/main.js';

describe('PORT=0: the service binds a port the system picks, and says which', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'timeline-port-0-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('in its startup line and to a parent with an IPC channel, and answers there', async () => {
    const child = spawn(process.execPath, [ENTRY], {
      env: {
        ...process.env,
        PORT: '0',
        TIMELINE_DATA_DIR: dataDir,
        TIMELINE_API_KEYS: API_KEYS,
        TIMELINE_DEMO_DATA: 'false',
        TIMELINE_LOG_LEVEL: 'log',
        TIMELINE_LOG_FORMAT: 'json',
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let printed = '';
    const keep = (chunk: Buffer) => (printed += chunk.toString('utf8'));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const port = await listeningPort(child, 60_000, () => printed);
      expect(port).toBeGreaterThan(0);
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(200);
      const startup = printed
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { context?: string; url?: string })
        .find((line) => line.context === 'Bootstrap');
      expect(startup?.url).toBe(`http://localhost:${port}`);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 90_000);
});
