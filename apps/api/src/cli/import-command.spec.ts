import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { importFile } from './import-command';

/** A file of `count` treaties, each registered with one development. */
function fileOf(directory: string, count: number): string {
  const lines: string[] = [];
  for (let n = 1; n <= count; n++) {
    const treatyId = `imported-${n}`;
    lines.push(JSON.stringify({ treaty: { id: treatyId, title: 'T', parties: ['FR', 'DE'], category: 'other' } }));
    lines.push(JSON.stringify({ treatyId, development: { type: 'signed', occurredOn: '2024-03-01' } }));
  }
  const file = join(directory, 'treaties.ndjson');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** A stand-in for the service, answering each request as `answer` says, counting them. */
async function serviceAnswering(
  answer: (request: IncomingMessage, response: ServerResponse, seen: number) => void,
): Promise<{ server: Server; base: string; requests: () => number }> {
  let seen = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => answer(request, response, ++seen));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => seen };
}

const created = (response: ServerResponse) => {
  response.writeHead(201, { 'content-type': 'application/json' }).end('{}');
};

describe('importing through the service', () => {
  let directory: string;
  let server: Server | undefined;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'timeline-import-command-'));
  });
  afterEach(async () => {
    rmSync(directory, { recursive: true, force: true });
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  it('waits out the rate limit as long as the service asks, and fails nothing for it', async () => {
    // The first four requests are over the limit (more than the three tries a 503 or a lost connection gets).
    const service = await serviceAnswering((_request, response, seen) => {
      if (seen <= 4) {
        response.writeHead(429, { 'retry-after': '1', 'content-type': 'application/problem+json' });
        response.end(JSON.stringify({ code: 'RATE_LIMITED', detail: 'More than 600 requests in a minute' }));
      } else created(response);
    });
    server = service.server;
    const summary = await importFile({ file: fileOf(directory, 1), baseUrl: service.base, apiKey: 'k' });
    expect(summary.failures).toEqual([]);
    expect(summary.stopped).toBeUndefined();
    expect({ registered: summary.registered, written: summary.written }).toEqual({ registered: 1, written: 1 });
    // Four waits of a second, one after the other. Node fires a timer by the event loop's clock, whole milliseconds
    // read at the start of the turn, so `Date.now()` can find a wait up to a millisecond short (CI measured 3.999).
    expect(summary.rateLimitedSeconds).toBeGreaterThanOrEqual(3.99);
    expect(summary.rateLimitedSeconds).toBeLessThan(5);
  }, 15_000);

  it('stops at a refused key: the treaties after it are counted as not sent, not sent one by one', async () => {
    const service = await serviceAnswering((_request, response) => {
      response.writeHead(401, { 'content-type': 'application/problem+json' });
      response.end(JSON.stringify({ code: 'UNAUTHENTICATED', detail: 'The API key is not valid' }));
    });
    server = service.server;
    const file = fileOf(directory, 10);
    const summary = await importFile({ file, baseUrl: service.base, apiKey: 'wrong', concurrency: 2 });
    expect(service.requests()).toBe(2);
    expect(summary.failures.map((failure) => failure.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(summary.stopped).toMatchObject({ failure: { status: 401 }, treatiesNotSent: 8 });
  });

  it('stops when the service cannot be reached, after trying again', async () => {
    const service = await serviceAnswering((_request, response) => created(response));
    await new Promise((resolve) => service.server.close(resolve)); // its port, now closed
    const summary = await importFile({
      file: fileOf(directory, 5),
      baseUrl: service.base,
      apiKey: 'k',
      concurrency: 1,
    });
    expect(summary.failures).toHaveLength(1);
    expect(summary.failures[0]).toMatchObject({ treatyId: 'imported-1', code: 'SERVICE_UNREACHABLE', status: 0 });
    expect(summary.stopped?.treatiesNotSent).toBe(4);
  }, 15_000);

  it('refuses a count that is not a whole number of 1 or more before sending anything', async () => {
    const service = await serviceAnswering((_request, response) => created(response));
    server = service.server;
    const file = fileOf(directory, 1);
    for (const [option, value] of [
      ['concurrency', Number('abc')],
      ['concurrency', 0],
      ['itemsPerBatch', 2.5],
      ['bytesPerBatch', -1],
    ] as const) {
      await expect(importFile({ file, baseUrl: service.base, apiKey: 'k', [option]: value })).rejects.toThrow(
        `${option} must be a whole number`,
      );
    }
    expect(service.requests()).toBe(0);
  });
});
