import { connect, type Socket } from 'node:net';

/**
 * The fan-out benchmark's clients, in processes of their own (forked by fanout.bench): either a share of the SSE
 * subscribers, which note when each update arrives at each of them, by its id, whenever it arrives; or the writer,
 * which posts one append at a time and notes when its answer arrived. All processes are on one machine and stamp
 * times with `performance.timeOrigin + performance.now()`, so the stamps compare across them. An id a stream has
 * already passed (sent twice, or out of order) is counted apart, not as a delivery.
 */
export type FanoutCommand =
  | { readonly kind: 'subscribe'; readonly urls: readonly string[] }
  | { readonly kind: 'append'; readonly url: string; readonly key: string; readonly body: unknown }
  | { readonly kind: 'collect' };

export type FanoutReport =
  | { readonly kind: 'subscribed'; readonly open: number }
  /** Every subscriber of this process has received the update with this id. */
  | { readonly kind: 'complete'; readonly id: string }
  /** `sentAt`: when the append was sent; `at`: when its answer arrived. */
  | { readonly kind: 'acknowledged'; readonly id: string; readonly sentAt: number; readonly at: number }
  /**
   * For each update id, when it arrived at each subscriber of this process; and the CPU time this process spent
   * since its subscribers were all open (reading what the server wrote, mostly).
   */
  | {
      readonly kind: 'arrivals';
      readonly arrivals: Record<string, number[]>;
      readonly repeated: number;
      readonly cpuMs: number;
    };

const now = (): number => performance.timeOrigin + performance.now();

const arrivals = new Map<number, number[]>();
const streams: Socket[] = [];

let repeated = 0;
let subscribedCpu = process.cpuUsage();

function received(id: number, at: number): void {
  const times = arrivals.get(id) ?? [];
  if (times.length === 0) arrivals.set(id, times);
  times.push(at);
  if (times.length === streams.length) report({ kind: 'complete', id: String(id) });
}

const ID_FIELD = Buffer.from('id: ');
const NEWLINE = 0x0a;
/** Every connection of this process reads into this one buffer: each read is parsed before the next one happens. */
const READS = Buffer.alloc(64 * 1024);

/**
 * Finds the `id:` lines in one stream's bytes, one byte at a time, read by read: a line cut between two reads is
 * picked up where it stopped, with no copying. Every other line is skipped (a chunk's size line ends with CRLF, so
 * an `id:` line still starts after a newline).
 */
class IdLines {
  /** How much of `id: ` the current line has matched so far; -1 once it cannot be an id line. */
  private matched = -1;
  private reading = false;
  private id = 0;

  /** Calls `found` with each id whose line ends in `bytes[0, length)`. */
  scan(bytes: Buffer, length: number, found: (id: number) => void): void {
    for (let at = 0; at < length; at++) {
      if (this.matched < 0) {
        // Not an id line: skip to its end in native code (a data line is long, an id line short). The buffer is
        // shared, so a newline found past `length` is another read's.
        const end = bytes.indexOf(NEWLINE, at);
        if (end < 0 || end >= length) return;
        at = end;
      }
      const byte = bytes[at]!;
      if (this.reading) {
        if (byte !== NEWLINE) this.id = this.id * 10 + byte - 0x30;
        else {
          this.reading = false;
          this.matched = 0;
          found(this.id);
        }
      } else if (byte === NEWLINE) this.matched = 0;
      else if (this.matched >= 0 && byte === ID_FIELD[this.matched]) {
        this.matched += 1;
        if (this.matched === ID_FIELD.length) {
          this.reading = true;
          this.id = 0;
        }
      } else this.matched = -1;
    }
  }
}

/**
 * Opens one SSE stream over a connection of its own, a raw socket read with `onread`: no HTTP parser, no stream of
 * the body, no buffer allocated per read, only a scan of the bytes read for the `id:` lines. Each read is stamped
 * once, when this process is handed it: the time every id in it arrived. What a subscriber costs here is what it
 * costs the kernel, not the benchmark.
 */
function subscribe(url: string): Promise<void> {
  const { hostname, port, pathname, search } = new URL(url);
  return new Promise((resolve, reject) => {
    const lines = new IdLines();
    let started = false;
    let last = -1;
    let at = 0;
    const found = (id: number): void => {
      if (id <= last) repeated += 1;
      else received(id, at);
      last = Math.max(last, id);
    };
    const read = (length: number): boolean => {
      at = now();
      if (!started) {
        const head = READS.toString('latin1', 0, Math.min(length, 40));
        if (!head.startsWith('HTTP/1.1 200')) {
          reject(new Error(`${url} answered ${head}`));
          return false;
        }
        started = true;
        resolve();
      }
      lines.scan(READS, length, found);
      return true;
    };
    const socket = connect({ port: Number(port), host: hostname, onread: { buffer: READS, callback: read } }, () =>
      socket.write(`GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}\r\nAccept: text/event-stream\r\n\r\n`),
    );
    socket.once('error', reject);
    streams.push(socket);
  });
}

async function append(command: Extract<FanoutCommand, { kind: 'append' }>): Promise<void> {
  const sentAt = now();
  const response = await fetch(command.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${command.key}` },
    body: JSON.stringify(command.body),
  });
  const { position } = (await response.json()) as { position: string };
  report({ kind: 'acknowledged', id: position, sentAt, at: now() });
}

function report(message: FanoutReport): void {
  process.send!(message);
}

process.on('message', (command: FanoutCommand) => {
  switch (command.kind) {
    case 'subscribe':
      void (async () => {
        // In waves, so that the server's listen backlog is never overrun.
        for (let start = 0; start < command.urls.length; start += 100) {
          await Promise.all(command.urls.slice(start, start + 100).map(subscribe));
        }
        subscribedCpu = process.cpuUsage();
        report({ kind: 'subscribed', open: streams.length });
      })().catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
      return;
    case 'append':
      void append(command);
      return;
    case 'collect': {
      const cpu = process.cpuUsage(subscribedCpu);
      streams.forEach((stream) => stream.destroy());
      const cpuMs = (cpu.user + cpu.system) / 1000;
      process.send!(
        { kind: 'arrivals', arrivals: Object.fromEntries(arrivals), repeated, cpuMs } satisfies FanoutReport,
        () => process.exit(0),
      );
      return;
    }
  }
});
