import { createServer } from 'node:net';

/**
 * A port free on 127.0.0.1 when asked. Another process may take it before the caller binds it (jest runs files
 * side by side): startBuiltService then starts again on another; the cluster's processes fail with their output.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}
