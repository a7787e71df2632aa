import { spawn, type ChildProcess } from 'node:child_process';
import { API_KEYS } from './api-keys';
import { freePort } from './free-port';

/** The service as `npm start` runs it, built by jest's global setup. */
const ENTRY = 'dist/apps/api/apps/api/src/main.js';

/** Starts on another port when the one picked was taken before the service bound it, at most this often. */
const PORT_ATTEMPTS = 3;

export interface BuiltService {
  readonly base: string;
  readonly process: ChildProcess;
}

/**
 * Starts the built service in a process of its own on `dataDir`, so that a test can SIGKILL it mid-write; resolves
 * once `/health` answers. `environment` adds to (or overrides) the defaults: the test keys, no demo data, no rate
 * limit. The wait is generous: on a loaded machine, loading the modules alone has taken over 20 s. A service that
 * exits before it answers fails the start at once, with what it printed; one that found its port taken (another
 * test's server bound it first) is started again on another.
 */
export async function startBuiltService(
  dataDir: string,
  environment: Record<string, string> = {},
  startTimeoutMs = 60_000,
): Promise<BuiltService> {
  for (let attempt = 1; ; attempt++) {
    const started = await startOnFreePort(dataDir, environment, startTimeoutMs);
    if (started.ok) return started.service;
    if (!started.portTaken || attempt === PORT_ATTEMPTS) throw new Error(started.reason);
  }
}

type Start =
  | { readonly ok: true; readonly service: BuiltService }
  | { readonly ok: false; readonly reason: string; readonly portTaken: boolean };

async function startOnFreePort(
  dataDir: string,
  environment: Record<string, string>,
  startTimeoutMs: number,
): Promise<Start> {
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
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let printed = '';
  const keep = (chunk: Buffer) => (printed = (printed + chunk.toString('utf8')).slice(-4000));
  child.stderr?.on('data', keep);
  // 'close' comes once its output has been read to the end; 'exit' may come before.
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const base = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + startTimeoutMs; Date.now() < deadline;) {
    if (exited()) {
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1_000))]);
      const how = child.exitCode !== null ? `exit code ${child.exitCode}` : child.signalCode;
      const reason = `The service exited (${how}) before it answered on port ${port}:\n${printed}`;
      return { ok: false, reason, portTaken: printed.includes('EADDRINUSE') };
    }
    const ready = await fetch(`${base}/health`, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
    // An answer while our child is gone came from another process on the port: the next turn says why.
    if (ready?.ok && !exited()) {
      // Nothing more is read from it: a test that kills the service must not wait on a pipe.
      child.stderr?.off('data', keep).resume();
      return { ok: true, service: { base, process: child } };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  return {
    ok: false,
    reason: `The service did not answer on port ${port} in ${startTimeoutMs} ms:\n${printed}`,
    portTaken: false,
  };
}
