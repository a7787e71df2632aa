import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { listeningPort } from '../support/listening-port';

export const API_ENTRY = 'dist/apps/api/apps/api/src/main.js';

/** One api replica as production runs it: `node dist/.../main.js`, configured by its environment only. */
export interface ApiProcess {
  readonly name: string;
  readonly url: string;
  /** Its last lines of output, to explain a failure. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts a replica on a port the system picks (`PORT=0`), resolving once it listens and has said which port
 * (`listeningPort`); ready or not, which `/health/ready` tells.
 */
export async function startApiProcess(name: string, environment: Record<string, string>): Promise<ApiProcess> {
  const lines: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [resolve(API_ENTRY)], {
    // Only what the replica is given: nothing from the developer's shell reaches it but PATH and HOME.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', ...environment },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const keep = (chunk: Buffer): void => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const output = () => `\n--- ${name} (exit code ${child.exitCode ?? 'none yet'}) ---\n${lines.join('\n')}`;
  const port = await listeningPort(child, 60_000, output);
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killed = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killed);
    },
  };
}
