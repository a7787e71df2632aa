import type { ServerWritableStream } from '@grpc/grpc-js';
import type { ReadReq, ReadResp } from './protocol';
import type { ReadAnswer } from './read-responses';

export type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

/**
 * Writes the messages of one `Streams.Read` answer the way a well-behaved server does: when the transport's
 * buffer is full (`write` returns false) it waits for 'drain', so a client that reads slowly slows the server
 * down instead of making it buffer without bound. `signal` aborts when the call ends: once the client cancels or
 * the server drops the call, writes are skipped and waits end.
 */
export class ResponseWriter {
  readonly #controller = new AbortController();

  /** The call as the service definition serialises it: messages, or bytes serialised in advance. */
  private readonly call: ServerWritableStream<ReadReq, ReadAnswer>;

  constructor(call: ReadCall) {
    this.call = call;
    const stop = (): void => this.#controller.abort();
    call.once('cancelled', stop);
    call.once('close', stop);
    call.once('error', stop);
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  async write(message: ReadAnswer): Promise<void> {
    if (this.signal.aborted || this.call.write(message)) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        this.call.off('drain', done);
        this.signal.removeEventListener('abort', done);
        resolve();
      };
      this.call.once('drain', done);
      this.signal.addEventListener('abort', done, { once: true });
    });
  }

  /** Ends the call with OK, unless it has ended already. */
  end(): void {
    if (!this.signal.aborted) this.call.end();
  }

  /** Ends the call with this error status and trailers: the client receives them after the messages already sent. */
  fail(error: Error): void {
    this.#controller.abort();
    this.call.emit('error', error);
  }
}
