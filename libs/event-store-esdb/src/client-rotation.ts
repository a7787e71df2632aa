export interface ClientRotationOptions<Client> {
  create(): Client;
  /** Lets go of a client: cancels what it still has open and closes its connection. */
  dispose(client: Client): Promise<void>;
  /** How long a replaced client may keep serving the calls it has in flight (default 30 s). */
  readonly graceMs?: number;
  /** How many replaced clients may be kept for their calls at most (default 8): past it, the oldest is let go. */
  readonly maxRetired?: number;
}

/** A client counted as in use until `release` (idempotent). */
export interface ClientLease<Client> {
  readonly client: Client;
  release(): void;
}

/**
 * The store's current client and those it replaced after a failure. A replaced client keeps serving the calls it has
 * in flight (a read half done, a subscription), and is disposed once none uses it any more, or once its grace has
 * passed, whichever comes first; and never more than `maxRetired` are kept. Without this, a service that met many
 * elections or network blips kept every replaced client (its channel, its connection, its timers) until it stopped.
 * A call cut by the grace or the bound fails as the client's calls fail when it is disposed (cancelled): retryable,
 * and a subscription resumes on the current client.
 */
export class ClientRotation<Client extends object> {
  #current: Client;
  readonly #uses = new Map<Client, number>();
  /** Replaced clients still in use, oldest first, each with the timer that ends its grace. */
  readonly #retired = new Map<Client, NodeJS.Timeout>();
  readonly #disposals = new Set<Promise<void>>();
  #disposedCount = 0;

  constructor(private readonly options: ClientRotationOptions<Client>) {
    this.#current = options.create();
  }

  get current(): Client {
    return this.#current;
  }

  /** Replaced clients not disposed yet (still in use, within their grace). */
  get retiredCount(): number {
    return this.#retired.size;
  }

  /** Clients disposed so far, closing included. */
  get disposedCount(): number {
    return this.#disposedCount;
  }

  /** The current client, counted as in use until the lease is released. */
  acquire(): ClientLease<Client> {
    const client = this.#current;
    this.#uses.set(client, (this.#uses.get(client) ?? 0) + 1);
    let released = false;
    return {
      client,
      release: () => {
        if (released) return;
        released = true;
        const left = (this.#uses.get(client) ?? 1) - 1;
        if (left > 0) {
          this.#uses.set(client, left);
          return;
        }
        this.#uses.delete(client);
        if (this.#retired.has(client)) this.#retire(client);
      },
    };
  }

  /**
   * Replaces `failed` if it is still the current client (a failure seen by several calls replaces it once), and
   * lets it go once its calls end.
   */
  replace(failed: Client): boolean {
    if (this.#current !== failed) return false;
    this.#current = this.options.create();
    if (!this.#uses.has(failed)) {
      this.#dispose(failed);
      return true;
    }
    const timer = setTimeout(() => this.#retire(failed), this.options.graceMs ?? 30_000);
    timer.unref();
    this.#retired.set(failed, timer);
    for (const oldest of this.#retired.keys()) {
      if (this.#retired.size <= (this.options.maxRetired ?? 8)) break;
      this.#retire(oldest);
    }
    return true;
  }

  /** Disposes every client, and waits for the disposals under way. */
  async close(): Promise<void> {
    for (const client of [...this.#retired.keys()]) this.#retire(client);
    this.#dispose(this.#current);
    await Promise.all([...this.#disposals]);
  }

  #retire(client: Client): void {
    clearTimeout(this.#retired.get(client));
    this.#retired.delete(client);
    this.#uses.delete(client);
    this.#dispose(client);
  }

  #dispose(client: Client): void {
    this.#disposedCount += 1;
    const disposal = this.options.dispose(client).catch(() => undefined);
    this.#disposals.add(disposal);
    void disposal.finally(() => this.#disposals.delete(disposal));
  }
}
