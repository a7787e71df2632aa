import { describe, expect, it } from '@jest/globals';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import pino, { type Logger } from 'pino';
import { requestLogging } from './pino-logger';

/** A logger writing into `lines`, counting the child loggers made from it (children inherit the counting). */
function countingLogger(level: pino.Level): { logger: Logger; lines: string[]; children: () => number } {
  const lines: string[] = [];
  const logger = pino({ level }, { write: (line: string) => lines.push(line) });
  let made = 0;
  const child = Reflect.get(logger, 'child') as unknown as (
    this: Logger,
    ...args: Parameters<Logger['child']>
  ) => Logger;
  logger.child = function (this: Logger, ...args: Parameters<Logger['child']>) {
    made += 1;
    return child.apply(this, args);
  } as unknown as Logger['child'];
  return { logger, lines, children: () => made };
}

/** One request through the middleware: the key guard puts the caller on it, then it is answered `status`. */
function serve(middleware: ReturnType<typeof requestLogging>, status: number): void {
  const request = new IncomingMessage(new Socket()) as IncomingMessage & { principal?: { keyId: string } };
  request.method = 'POST';
  request.url = '/treaties/t/developments';
  request.headers = { authorization: 'Bearer secret-key' };
  const response = new ServerResponse(request);
  middleware(request, response, () => undefined);
  request.principal = { keyId: 'editor:0a1b2c' };
  response.statusCode = status;
  response.emit('finish');
}

describe('request logging', () => {
  it('builds nothing more for a request whose line its level drops', () => {
    const { logger, lines, children } = countingLogger('error');
    const middleware = requestLogging(logger);
    const before = children();
    serve(middleware, 201);
    expect(lines).toEqual([]);
    // The request's own (pino-http's); none for a principal not known yet, none for a line that is not written.
    expect(children() - before).toBe(1);
  });

  it('still writes the line it keeps, with the caller and without the key', () => {
    const { logger, lines, children } = countingLogger('error');
    const middleware = requestLogging(logger);
    const before = children();
    serve(middleware, 500);
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as { level: number; principal?: string; req: { headers: object } };
    expect(line).toMatchObject({
      level: 50,
      principal: 'editor:0a1b2c',
      req: { headers: { authorization: '[redacted]' } },
    });
    expect(children() - before).toBe(2);
  });
});
