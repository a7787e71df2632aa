import { fork } from 'node:child_process';

/**
 * A benchmark task in a process of its own, so that it neither takes the measured process's CPU (a load
 * generator) nor counts what earlier scenarios left in it (a peak RSS). The child module calls `serveOneTask`.
 */
export function runInChildProcess<Input, Output>(file: string, input: Input): Promise<Output> {
  return new Promise((resolve, reject) => {
    const child = fork(file, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (output) => resolve(output as Output));
    child.once('exit', (code) => code === 0 || reject(new Error(`${file} exited with ${code}`)));
    child.send(input as object);
  });
}

/** In the child: does the one task it is sent, answers, and exits. */
export function serveOneTask<Input, Output>(work: (input: Input) => Promise<Output>): void {
  if (!process.send) return;
  process.once('message', (input: Input) => {
    void work(input).then(
      (output) => process.send!(output, () => process.exit(0)),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
