import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { serviceEnvironment } from '../support/built-service';

/** Whether a process with this id still exists (signal 0 only asks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

// A supervisor (systemd, a container runtime, a shell's `kill`) signals the process it started: `npm start`. npm runs
// the script through `sh -c`, which dies on SIGTERM without passing it on; without `exec` node was left listening.
describe('npm start: SIGTERM to npm reaches the service', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'timeline-npm-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stops node and frees the port', async () => {
    const npm = spawn('npm', ['start', '--silent'], {
      // The start-up line (level log) says which port and pid.
      env: serviceEnvironment(dataDir, { TIMELINE_LOG_LEVEL: 'log', TIMELINE_LOG_FORMAT: 'json' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let printed = '';
    npm.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    npm.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    const npmExited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
    let node: { pid: number; port: number } | undefined;
    try {
      for (const deadline = Date.now() + 60_000; !node && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const startup = printed
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as { context?: string; url?: string; pid?: number })
          .find((line) => line.context === 'Bootstrap' && line.url);
        if (startup?.url && startup.pid) node = { pid: startup.pid, port: Number(new URL(startup.url).port) };
      }
      if (!node) throw new Error(`npm start did not report listening:\n${printed}`);
      expect(await listening(node.port)).toBe(true);

      npm.kill('SIGTERM');
      await npmExited;
      for (const deadline = Date.now() + 15_000; alive(node.pid) && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(alive(node.pid)).toBe(false);
      expect(await listening(node.port)).toBe(false);
    } finally {
      npm.kill('SIGKILL');
      if (node && alive(node.pid)) process.kill(node.pid, 'SIGKILL');
    }
  }, 90_000);
});
