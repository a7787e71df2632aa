import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { Sqlite } from '@timeline/sqlite-driver';
import { treatyStreamName } from '@timeline/treaty';
import { KEYS } from '../support/api-keys';
import { startBuiltService } from '../support/built-service';
import { RU_IR } from '../support/treaty-requests';

const WRITERS = 8;
/** The drain's deadline (8 s) and the close's (4 s) bound it; a healthy drain takes well under a second. */
const EXIT_BOUND_MS = 12_000;

type Outcome =
  | { id: string; status: number; code?: string; retryAfter: string | null; connection: string | null }
  | { id: string; error: string };

/** One POST /treaties; fetch keeps its connections alive between requests, as a client library does. */
async function register(base: string, id: string): Promise<Outcome> {
  try {
    const response = await fetch(`${base}/treaties`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${KEYS.editor}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...RU_IR, id }),
    });
    const body = (await response.json()) as { code?: string };
    const { headers } = response;
    return {
      id,
      status: response.status,
      code: body.code,
      retryAfter: headers.get('retry-after'),
      connection: headers.get('connection'),
    };
  } catch (error) {
    return { id, error: String((error as Error).cause ?? error) };
  }
}

describe('SIGTERM while writers append on keep-alive connections', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'timeline-shutdown-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('answers what it read, refuses the rest, loses no acknowledged write, and exits in time', async () => {
    const service = await startBuiltService(dataDir);
    const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
      service.process.once('exit', (code) => resolve({ code, at: Date.now() })),
    );
    // A live stream stays open until the service ends it: it must not hold the shutdown open.
    const live = await fetch(`${service.base}/live`);
    expect(live.status).toBe(200);
    const liveEnded = live.body!.pipeTo(new WritableStream()).catch(() => undefined);

    const outcomes: Outcome[] = [];
    let stop = false;
    let attempt = 0;
    const writers = Array.from({ length: WRITERS }, async (_, writer) => {
      while (!stop) {
        const outcome = await register(service.base, `${RU_IR.id}-${writer}-${(attempt += 1)}`);
        outcomes.push(outcome);
        // The service said it stops: a client goes elsewhere (or waits Retry-After) rather than loop.
        if ('error' in outcome || outcome.status === 503) break;
      }
    });
    try {
      for (const deadline = Date.now() + 20_000; outcomes.length < 50 && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const signalledAt = Date.now();
      service.process.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const exit = await Promise.race([
        exited,
        new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), EXIT_BOUND_MS + 2_000))),
      ]);
      clearTimeout(timer);
      stop = true;
      expect(exit).toBeDefined();
      expect(exit!.code).toBe(0);
      expect(exit!.at - signalledAt).toBeLessThan(EXIT_BOUND_MS);
      await Promise.all(writers);
      await liveEnded;
    } finally {
      stop = true;
      service.process.kill('SIGKILL');
    }

    const db = new Sqlite(join(dataDir, 'events.db'), { readonly: true });
    const stored = new Set(
      (db.prepare('SELECT DISTINCT stream_name AS name FROM events').all() as { name: string }[]).map(
        (row) => row.name,
      ),
    );
    db.close();
    const acknowledged = outcomes.filter((outcome) => 'status' in outcome && outcome.status === 201);
    const refused = outcomes.filter((outcome) => 'status' in outcome && outcome.status === 503);
    const unanswered = outcomes.filter((outcome) => 'error' in outcome);
    expect(acknowledged.length).toBeGreaterThanOrEqual(50);
    // Every answer was one of these: no 500, no store closed under a request.
    expect(outcomes.filter((outcome) => 'status' in outcome && ![201, 503].includes(outcome.status))).toEqual([]);
    for (const outcome of refused) {
      expect(outcome).toMatchObject({ code: 'SHUTTING_DOWN', retryAfter: '2', connection: 'close' });
    }
    // Durable: every acknowledged write is in the log.
    expect(acknowledged.filter((outcome) => !stored.has(treatyStreamName(outcome.id)))).toEqual([]);
    // A request left without an answer was refused before it was read: nothing of it was written.
    expect(unanswered.filter((outcome) => stored.has(treatyStreamName(outcome.id)))).toEqual([]);
  }, 90_000);
});

describe('SIGTERM while a request is still being read, with TIMELINE_SHUTDOWN_DRAIN_MS', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'timeline-shutdown-deadline-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("closes the unanswered request's connection at the deadline it is given, then exits 0", async () => {
    const drainMs = 300;
    const service = await startBuiltService(dataDir, { TIMELINE_SHUTDOWN_DRAIN_MS: String(drainMs) });
    const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
      service.process.once('exit', (code) => resolve({ code, at: Date.now() })),
    );
    try {
      // A write whose body never finishes arriving: read (headers and key), never answerable.
      const { port } = new URL(service.base);
      const socket = connect(Number(port), '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.on('error', () => undefined);
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.write(
        'POST /treaties HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
          `Authorization: Bearer ${KEYS.editor}\r\nContent-Length: 1000\r\n\r\n{"id":`,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));

      const signalledAt = Date.now();
      service.process.kill('SIGTERM');
      const exit = await exited;
      await closed;

      expect(exit.code).toBe(0);
      // The default deadline is 8 s: an exit well under it is the setting's doing, and not before the deadline.
      expect(exit.at - signalledAt).toBeGreaterThanOrEqual(drainMs);
      expect(exit.at - signalledAt).toBeLessThan(4_000);
      expect(answer).toBe('');
    } finally {
      service.process.kill('SIGKILL');
    }
  }, 60_000);
});
