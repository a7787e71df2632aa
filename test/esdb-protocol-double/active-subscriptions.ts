import { connectionDropped } from './rpc-errors';
import type { ResponseWriter } from './response-writer';

/** The subscription calls a server has open, so that a test can cut them all as a restart or network cut would. */
export class ActiveSubscriptions {
  readonly #writers = new Set<ResponseWriter>();

  /** Tracks the call until its writer's signal aborts (the client cancelled, or the call was dropped). */
  track(writer: ResponseWriter): void {
    if (writer.signal.aborted) return;
    this.#writers.add(writer);
    writer.signal.addEventListener('abort', () => this.#writers.delete(writer), { once: true });
  }

  get size(): number {
    return this.#writers.size;
  }

  /** Ends every tracked call with UNAVAILABLE, the status a client sees when its server goes away. */
  dropAll(): void {
    for (const writer of [...this.#writers]) writer.fail(connectionDropped());
  }
}
