import type { ChildProcess } from 'node:child_process';

/**
 * The port a service started with `PORT=0` and an IPC channel bound, as the service itself says once it listens
 * (`main.ts`): the system picked it, so no other process holds it and nothing else answers there. Rejects, with
 * what `output()` gives, when the service exits first or says nothing in `timeoutMs`. The channel is closed once
 * the port is known: nothing more is said on it, and it must not keep either process alive.
 */
export function listeningPort(child: ChildProcess, timeoutMs: number, output: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    const stopListening = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (child.connected) child.disconnect();
    };
    const onMessage = (message: unknown) => {
      const { event, port } = (message ?? {}) as { event?: unknown; port?: unknown };
      if (event !== 'listening' || typeof port !== 'number') return;
      stopListening();
      resolve(port);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      // Gone: a message still in the pipe names a port nobody answers on.
      stopListening();
      const fail = () => {
        const how = code !== null ? `exit code ${code}` : signal;
        reject(new Error(`The service exited (${how}) before it listened:\n${output()}`));
      };
      // Its output read to the end ('close') says why; a second at most.
      const late = setTimeout(fail, 1_000);
      child.once('close', () => {
        clearTimeout(late);
        fail();
      });
    };
    const timer = setTimeout(() => {
      stopListening();
      child.kill('SIGKILL');
      reject(new Error(`The service did not listen in ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
