import { Agent, createServer, get, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, jest } from '@jest/globals';
import type { NextFunction, Request, Response } from 'express';
import { HttpDrain } from './http-drain';

/** A server whose answers wait until the test releases them; the live stream's never ends by itself. */
async function heldServer() {
  const held: ServerResponse[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    // As in the app, where helmet has set headers first, the stream's type is readable with getHeader.
    response.setHeader('X-Content-Type-Options', 'nosniff');
    if (request.url === '/live') response.writeHead(200, { 'Content-Type': 'text/event-stream' }).write(': hi\n\n');
    held.push(response);
  });
  const drain = new HttpDrain(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true });
  const ask = (path: string) =>
    new Promise<IncomingMessage>((resolve, reject) => get({ port, path, agent }, resolve).once('error', reject));
  return { server, drain, held, ask, agent };
}

describe('HttpDrain', () => {
  it('answers the requests already read with Connection: close and settles once they are answered', async () => {
    const { server, drain, held, ask, agent } = await heldServer();
    const live = await ask('/live');
    const answer = ask('/slow');
    while (held.length < 2) await new Promise((resolve) => setImmediate(resolve));
    expect(drain.inFlight).toBe(1);

    drain.begin();
    let settled = false;
    const settling = drain.settled(Date.now() + 10_000).then((value) => (settled = value));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    held[1]!.end('done');
    expect((await answer).headers.connection).toBe('close');
    await settling;
    // The live stream does not hold the drain open: its module ends it as the app closes.
    expect(settled).toBe(true);
    expect(drain.inFlight).toBe(0);
    live.destroy();
    drain.closeAll();
    agent.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('settles false at the deadline when an answer is still owed', async () => {
    const { server, drain, held, ask, agent } = await heldServer();
    const answer = ask('/slow').catch(() => undefined);
    while (held.length < 1) await new Promise((resolve) => setImmediate(resolve));
    drain.begin();
    expect(await drain.settled(Date.now() + 50)).toBe(false);
    drain.closeAll();
    await answer;
    agent.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('refuses a request that arrives once draining began: 503 SHUTTING_DOWN, Retry-After, Connection: close', () => {
    const drain = new HttpDrain(createServer());
    const next = jest.fn() as unknown as NextFunction;
    const headers = new Map<string, unknown>();
    const response = {
      status: jest.fn((_status: number) => response),
      setHeader: jest.fn((name: string, value: unknown) => (headers.set(name, value), response)),
      end: jest.fn((_body: string) => response),
    };
    drain.refuseNewWork({} as Request, response as unknown as Response, next);
    expect(next).toHaveBeenCalledTimes(1);

    drain.begin();
    drain.refuseNewWork({} as Request, response as unknown as Response, next);
    expect(next).toHaveBeenCalledTimes(1);
    expect(response.status).toHaveBeenCalledWith(503);
    expect(headers.get('Connection')).toBe('close');
    expect(headers.get('Retry-After')).toBe('2');
    expect(JSON.parse(response.end.mock.calls[0]![0])).toMatchObject({ code: 'SHUTTING_DOWN' });
  });
});
