import type { ChildProcess } from 'node:child_process';

/**
 * The port a service started with `PORT=0` and an IPC channel bound, as the service itself says once it listens
 * (`main.ts`): the system picked it, so no other process holds it and nothing else answers there. Rejects, with
 * what `output()` gives, when the service exits first or says nothing in `timeoutMs`. The channel is closed once
 * the port is known: nothing more is said on it, and it must not keep either process alive.
 */
export function listeningPort(child: ChildProcess, timeoutMs: number, output: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (child.connected) child.disconnect();
      outcome();
    };
    const onMessage = (message: unknown) => {
      const { event, port } = (message ?? {}) as { event?: unknown; port?: unknown };
      if (event === 'listening' && typeof port === 'number') settle(() => resolve(port));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      const why = () => {
        const how = code !== null ? `exit code ${code}` : signal;
        settle(() => reject(new Error(`The service exited (${how}) before it listened:\n${output()}`)));
      };
      // Its output read to the end ('close') says why, within a second.
      const late = setTimeout(why, 1_000);
      child.once('close', () => {
        clearTimeout(late);
        why();
      });
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(() => reject(new Error(`The service did not listen in ${timeoutMs} ms:\n${output()}`)));
    }, timeoutMs);
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
