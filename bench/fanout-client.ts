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
  /** For each update id, when it arrived at each subscriber of this process. */
  | { readonly kind: 'arrivals'; readonly arrivals: Record<string, number[]>; readonly repeated: number };

const now = (): number => performance.timeOrigin + performance.now();

const arrivals = new Map<string, number[]>();
const streams: Socket[] = [];

let repeated = 0;

function received(id: string): void {
  const times = arrivals.get(id) ?? [];
  if (times.length === 0) arrivals.set(id, times);
  times.push(now());
  if (times.length === streams.length) report({ kind: 'complete', id });
}

/**
 * Opens one SSE stream over a connection of its own, a raw socket: no HTTP parser, no stream of the body, only a
 * search for the `id:` lines in the bytes that arrive (a chunk's size line ends with CRLF, so an `id:` line still
 * starts after a newline). What a subscriber costs here is what it costs the kernel, not the benchmark.
 */
function subscribe(url: string): Promise<void> {
  const { hostname, port, pathname, search } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () =>
      socket.write(`GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}\r\nAccept: text/event-stream\r\n\r\n`),
    );
    let carry = '';
    let last = -1;
    let started = false;
    socket.on('data', (chunk: Buffer) => {
      const text = carry + chunk.toString('latin1');
      if (!started) {
        if (!text.startsWith('HTTP/1.1 200')) return reject(new Error(`${url} answered ${text.slice(0, 40)}`));
        started = true;
        resolve();
      }
      let from = 0;
      for (let at = text.indexOf('\nid: ', from); at >= 0; at = text.indexOf('\nid: ', from)) {
        const end = text.indexOf('\n', at + 5);
        if (end < 0) break;
        const id = text.slice(at + 5, end);
        if (Number(id) <= last) repeated += 1;
        else received(id);
        last = Math.max(last, Number(id));
        from = end;
      }
      carry = text.slice(Math.max(from, text.lastIndexOf('\n')));
    });
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
        report({ kind: 'subscribed', open: streams.length });
      })().catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
      return;
    case 'append':
      void append(command);
      return;
    case 'collect':
      streams.forEach((stream) => stream.destroy());
      process.send!({ kind: 'arrivals', arrivals: Object.fromEntries(arrivals), repeated } satisfies FanoutReport, () =>
        process.exit(0),
      );
      return;
  }
});
