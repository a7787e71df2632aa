import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer, request as send, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { requestLogging } from './request-logging';

interface Line {
  level: number;
  msg: string;
  principal?: string;
  responseTime: number;
  aborted?: boolean;
  req: { id: string; method: string; url: string; headers: Record<string, string>; remoteAddress?: string };
  res: { statusCode: number | null };
}

/** A logger writing into `lines`, counting the child loggers made from it. */
function countingLogger(level: pino.Level): { logger: Logger; lines: () => Line[]; children: () => number } {
  const written: string[] = [];
  const logger = pino({ level }, { write: (line: string) => written.push(line) });
  let made = 0;
  const child = logger.child.bind(logger);
  logger.child = ((...args: Parameters<Logger['child']>) => {
    made += 1;
    return child(...args);
  }) as Logger['child'];
  return { logger, lines: () => written.map((line) => JSON.parse(line) as Line), children: () => made };
}

type Handler = (request: IncomingMessage & { principal?: { keyId: string } }, response: ServerResponse) => void;

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/**
 * One request through the middleware on a real server: the key guard would put the caller on it, then `handle`
 * answers. Resolves once the response has closed, after the middleware's own listener has run, with how many times
 * the request's headers were read by anything but the handler: the request's record reads them.
 */
async function serve(logger: Logger, path: string, handle: Handler, abort = false): Promise<{ headerReads: number }> {
  let headerReads = 0;
  const middleware = requestLogging(logger);
  let closed!: () => void;
  const responseClosed = new Promise<void>((resolve) => (closed = resolve));
  server = createServer((request, response) => {
    const headers = request.headers;
    Object.defineProperty(request, 'headers', { get: () => ((headerReads += 1), headers) });
    middleware(request, response, () => {
      response.once('close', closed);
      Object.assign(request, { principal: { keyId: 'editor:0a1b2c' } });
      handle(request, response);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const outgoing = send({
    port,
    path,
    method: 'POST',
    headers: { authorization: 'Bearer secret-key', 'x-correlation-id': 'c-123' },
  });
  outgoing.on('error', () => undefined);
  if (abort) outgoing.on('response', () => outgoing.destroy());
  else outgoing.on('response', (answer) => answer.resume());
  outgoing.end();
  await responseClosed;
  return { headerReads };
}

const answer =
  (status: number): Handler =>
  (_request, response) => {
    response.statusCode = status;
    response.end('{}');
  };

describe('request logging', () => {
  it('builds nothing for a request whose line its level drops', async () => {
    const { logger, lines, children } = countingLogger('error');
    const { headerReads } = await serve(logger, '/treaties/t/developments', answer(201));
    expect(lines()).toEqual([]);
    expect(children()).toBe(0);
    expect(headerReads).toBe(0);
  });

  it('writes a failure at error, with the caller, the correlation id and without the key', async () => {
    const { logger, lines } = countingLogger('error');
    const { headerReads } = await serve(logger, '/treaties/t/developments', answer(500));
    expect(headerReads).toBeGreaterThan(0);
    expect(lines()).toHaveLength(1);
    const [line] = lines();
    expect(line).toMatchObject({
      level: 50,
      principal: 'editor:0a1b2c',
      req: { id: 'c-123', method: 'POST', url: '/treaties/t/developments', headers: { authorization: '[redacted]' } },
      res: { statusCode: 500 },
    });
    expect(line!.msg).toMatch(/^POST \/treaties\/t\/developments 500 \d+ ms$/);
    expect(line!.aborted).toBeUndefined();
  });

  it("writes a client's error at warn, naming the path only and redacting the query's credentials", async () => {
    const { logger, lines } = countingLogger('info');
    await serve(logger, '/treaties/unknown?api_key=secret-key&asOf=2025', answer(404));
    const [line] = lines();
    expect(line).toMatchObject({ level: 40, req: { url: '/treaties/unknown?api_key=[redacted]&asOf=2025' } });
    expect(line!.msg).toMatch(/^POST \/treaties\/unknown 404 \d+ ms$/);
    expect(JSON.stringify(lines())).not.toContain('secret-key');
  });

  it('writes a success at info, and says when the connection closed before the answer ended', async () => {
    const { logger, lines } = countingLogger('info');
    await serve(
      logger,
      '/live',
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.write(': open\n\n');
      },
      true,
    );
    const [line] = lines();
    expect(line).toMatchObject({ level: 30, aborted: true, res: { statusCode: 200 } });
    expect(line!.req.remoteAddress).toBe('127.0.0.1');
    expect(line!.msg).toMatch(/^POST \/live 200 \d+ ms \(connection closed before the answer ended\)$/);
  });

  it('gives no status to an answer the connection closed before it began', async () => {
    const { logger, lines } = countingLogger('info');
    await serve(
      logger,
      '/treaties/t/developments',
      (request, response) => {
        response.statusCode = 201;
        request.socket.destroy();
      },
      false,
    );
    const [line] = lines();
    expect(line).toMatchObject({
      level: 30,
      aborted: true,
      res: { statusCode: null },
      req: { remoteAddress: '127.0.0.1' },
    });
    expect(line!.msg).toMatch(
      /^POST \/treaties\/t\/developments - \d+ ms \(connection closed before the answer ended\)$/,
    );
  });
});
