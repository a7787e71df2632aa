/**
 * Tells waiting subscribers that the log has grown. It carries no events: subscribers re-read the log from
 * their own position, so a missed or merged signal can delay an event but never lose or repeat one.
 */
export class AppendSignal {
  private version = 0;
  private waiters = new Set<() => void>();

  get current(): number {
    return this.version;
  }

  notify(): void {
    this.version += 1;
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
  }

  /**
   * Resolves once the version has moved past `seen`, the signal aborts or `timeoutMs` passes (a poll for
   * writers in other processes that cannot signal us).
   */
  async changedSince(seen: number, signal?: AbortSignal, timeoutMs?: number): Promise<void> {
    if (this.version !== seen || signal?.aborted) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        this.waiters.delete(done);
        signal?.removeEventListener('abort', done);
        if (timer) clearTimeout(timer);
        resolve();
      };
      const timer = timeoutMs === undefined ? undefined : setTimeout(done, timeoutMs);
      this.waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }
}
