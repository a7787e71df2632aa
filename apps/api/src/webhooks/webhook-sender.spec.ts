import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { sendWebhook } from './webhook-sender';

const servers: Server[] = [];
async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((request, response) => {
    hits += 1;
    handler!(request, response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, hits: () => hits };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const open = { timeoutMs: 1000, allowPrivate: true };

describe('sendWebhook', () => {
  it('counts a 2xx as delivered and anything else as a failure', async () => {
    const ok = await serve((_request, response) => response.writeHead(204).end());
    const failing = await serve((_request, response) => response.writeHead(503).end());
    expect(await sendWebhook(ok.url, {}, '{}', open)).toEqual({ ok: true, status: 204 });
    expect(await sendWebhook(failing.url, {}, '{}', open)).toEqual({ ok: false, status: 503, error: 'HTTP 503' });
  });

  it('never follows a redirect', async () => {
    const elsewhere = await serve((_request, response) => response.writeHead(204).end());
    const redirecting = await serve((_request, response) => response.writeHead(307, { location: elsewhere.url }).end());
    const result = await sendWebhook(redirecting.url, {}, '{}', open);
    expect(result).toMatchObject({ ok: false, status: 307 });
    expect(elsewhere.hits()).toBe(0);
  });

  it('gives up on a receiver that does not answer in time', async () => {
    const silent = await serve(() => undefined);
    const result = await sendWebhook(silent.url, {}, '{}', { ...open, timeoutMs: 100 });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('no answer within 100 ms') });
  });

  it('gives up on a receiver that answers too slowly to ever fall silent', async () => {
    const trickling = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const drip = setInterval(() => response.write('.'), 20);
      response.on('close', () => clearInterval(drip));
    });
    const result = await Promise.race([
      sendWebhook(trickling.url, {}, '{}', { ...open, timeoutMs: 200 }),
      new Promise((resolve) => setTimeout(() => resolve('still waiting after 3 s'), 3000).unref()),
    ]);
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('no answer within 200 ms') });
  });

  it('does not connect to a name that resolves to a private address unless private targets are allowed', async () => {
    const local = await serve((_request, response) => response.writeHead(204).end());
    const byName = local.url.replace('127.0.0.1', 'localhost');
    const result = await sendWebhook(byName, {}, '{}', { timeoutMs: 1000, allowPrivate: false });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('non-public address') });
    expect(local.hits()).toBe(0);
  });

  it('does not connect to a private address literal unless private targets are allowed', async () => {
    // A subscription stored before its address was known to be private (or while private targets were allowed)
    // is checked again at each delivery: an address literal never goes through the checking lookup.
    const local = await serve((_request, response) => response.writeHead(204).end());
    const result = await sendWebhook(local.url, {}, '{}', { timeoutMs: 1000, allowPrivate: false });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('non-public address') });
    expect(local.hits()).toBe(0);
  });
});
