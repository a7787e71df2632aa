import { EventEmitter } from 'node:events';
import type { Response } from 'express';

/**
 * A response as the live feed uses it, recording what is written: `full` stands for a client that stops reading
 * (`writableNeedDrain`), `drain()` for one that catches up.
 */
export class FakeSseResponse extends EventEmitter {
  readonly written: Buffer[] = [];
  writableNeedDrain = false;
  destroyed = false;
  ended = false;
  status: number | undefined;
  readonly socket = undefined;
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

  write(chunk: Buffer): boolean {
    this.written.push(chunk);
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

  /** The `id:` of every update message received, in order. */
  get ids(): string[] {
    return this.text.match(/^id: .*$/gm)?.map((line) => line.slice(4)) ?? [];
  }

  get text(): string {
    return Buffer.concat(this.written).toString();
  }

  get asResponse(): Response {
    return this as unknown as Response;
  }
}
