import { spawn, type ChildProcess } from 'node:child_process';
import { API_KEYS } from './api-keys';
import { listeningPort } from './listening-port';

/** The service as `npm start` runs it, built by jest's global setup. */
const ENTRY = 'dist/apps/api/apps/api/src/main.js';

export interface BuiltService {
  readonly base: string;
  readonly process: ChildProcess;
}

/**
 * The environment a test's service runs with: this process's, a port the system picks, `dataDir`, the test keys, no
 * demo data, errors only in the log, no rate limit; `environment` adds to it or overrides it.
 */
export function serviceEnvironment(dataDir: string, environment: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: '0',
    TIMELINE_DATA_DIR: dataDir,
    TIMELINE_API_KEYS: API_KEYS,
    TIMELINE_DEMO_DATA: 'false',
    TIMELINE_LOG_LEVEL: 'error',
    TIMELINE_RATE_LIMIT_PER_MINUTE: '1000000',
    ...environment,
  };
}

/**
 * Starts the built service in a process of its own on `dataDir`, so that a test can SIGKILL it mid-write; resolves
 * once `/health` answers. `environment` adds to (or overrides) the defaults: the test keys, no demo data, no rate
 * limit. The service binds a port the system picks (`PORT=0`) and says which (`listeningPort`), so that no other
 * test's server can take it first or answer in its place. The wait is generous: on a loaded machine, loading the
 * modules alone has taken over 20 s. A service that exits before it listens fails the start at once, with what it
 * printed.
 */
export async function startBuiltService(
  dataDir: string,
  environment: Record<string, string> = {},
  startTimeoutMs = 60_000,
): Promise<BuiltService> {
  const child = spawn(process.execPath, [ENTRY], {
    env: serviceEnvironment(dataDir, environment),
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let printed = '';
  const keep = (chunk: Buffer) => (printed = (printed + chunk.toString('utf8')).slice(-4000));
  child.stderr?.on('data', keep);
  const port = await listeningPort(child, startTimeoutMs, () => printed);
  const base = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + startTimeoutMs; child.exitCode === null && child.signalCode === null;) {
    const health = await fetch(`${base}/health`, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
    if (health?.ok) {
      // Nothing more is read from it: a test that kills the service must not wait on a pipe.
      child.stderr?.off('data', keep).resume();
      return { base, process: child };
    }
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const how =
    child.exitCode !== null || child.signalCode !== null
      ? `exited (${child.exitCode !== null ? `exit code ${child.exitCode}` : child.signalCode})`
      : `did not answer /health with 2xx in ${startTimeoutMs} ms`;
  child.kill('SIGKILL');
  throw new Error(`The service listened on port ${port}, then ${how}:\n${printed}`);
}
