import { EventEmitter } from 'node:events';
import type { Response } from 'express';

/**
 * A response as the live feed uses it, and its socket (itself), recording what is written: `writableNeedDrain`
 * stands for a client that stops reading, `drain()` for one that catches up. Not chunked, as for an HTTP/1.0
 * client: what is written is the SSE text itself.
 */
export class FakeSseResponse extends EventEmitter {
  readonly written: Buffer[] = [];
  writableNeedDrain = false;
  destroyed = false;
  ended = false;
  status: number | undefined;
  readonly socket = this;
  readonly req = { method: 'GET' };
  readonly chunkedEncoding = false;
  private writesSinceDrain = 0;

  /** `capacity`: the writes after which the connection is full until `drain()` (unbounded by default). */
  constructor(private readonly capacity = Infinity) {
    super();
  }

  writeHead(status: number): this {
    this.status = status;
    return this;
  }

  flushHeaders(): void {}

  setKeepAlive(): void {}
  setNoDelay(): void {}
  setTimeout(): void {}

  write(chunk: Buffer | string): boolean {
    this.written.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    this.writesSinceDrain += 1;
    if (this.writesSinceDrain >= this.capacity) this.writableNeedDrain = true;
    return !this.writableNeedDrain;
  }

  end(): void {
    this.ended = true;
    this.emit('close');
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('close');
  }

  drain(): void {
    this.writableNeedDrain = false;
    this.writesSinceDrain = 0;
    this.emit('drain');
  }

  /** The `id:` of every message received (updates, and heartbeats that carry one), in order. */
  get ids(): string[] {
    return this.text.match(/^id: .*$/gm)?.map((line) => line.slice(4)) ?? [];
  }

  /** The `data:` of every message received, parsed, in order. */
  get data(): unknown[] {
    return this.text.match(/^data: .*$/gm)?.map((line) => JSON.parse(line.slice(6)) as unknown) ?? [];
  }

  get text(): string {
    return Buffer.concat(this.written).toString();
  }

  get asResponse(): Response {
    return this as unknown as Response;
  }
}
