import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * For tests of a job thread: writes, in `directory`, a script that speaks the job thread's protocol in place of the
 * real one. It loads for `loadMs`, then answers each job with `result` after `jobMs`, blocking its own thread as a
 * real job would.
 */
export function standInThread(directory: string, name: string, loadMs: number, jobMs: number, result: unknown): string {
  const file = join(directory, `${name}.cjs`);
  writeFileSync(
    file,
    `
  const { parentPort } = require('node:worker_threads');
  const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  sleep(${loadMs});
  parentPort.on('message', ({ id }) => {
    sleep(${jobMs});
    parentPort.postMessage({ id, result: ${JSON.stringify(result)} });
  });
  parentPort.postMessage({ ready: true });
`,
  );
  return file;
}
