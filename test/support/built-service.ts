import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { API_KEYS } from './api-keys';

/** The service as `npm start` runs it, built by jest's global setup. */
const ENTRY = 'dist/apps/api/apps/api/src/main.js';

export interface BuiltService {
  readonly base: string;
  readonly process: ChildProcess;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts the built service in a process of its own on `dataDir`, so that a test can SIGKILL it mid-write; resolves
 * once `/health` answers. `environment` adds to (or overrides) the defaults: the test keys, no demo data, no rate
 * limit. The wait is generous: on a loaded machine, loading the modules alone has taken over 20 s.
 */
export async function startBuiltService(
  dataDir: string,
  environment: Record<string, string> = {},
  startTimeoutMs = 60_000,
): Promise<BuiltService> {
  const port = await freePort();
  const child = spawn(process.execPath, [ENTRY], {
    env: {
      ...process.env,
      PORT: String(port),
      TIMELINE_DATA_DIR: dataDir,
      TIMELINE_API_KEYS: API_KEYS,
      TIMELINE_DEMO_DATA: 'false',
      TIMELINE_LOG_LEVEL: 'error',
      TIMELINE_RATE_LIMIT_PER_MINUTE: '1000000',
      ...environment,
    },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + startTimeoutMs; Date.now() < deadline;) {
    const ready = await fetch(`${base}/health`).catch(() => undefined);
    if (ready?.ok) return { base, process: child };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error('The service did not start');
}
