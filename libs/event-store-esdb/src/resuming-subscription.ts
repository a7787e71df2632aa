import { setTimeout as sleep } from 'node:timers/promises';
import type { SubscriptionMessage } from '@timeline/event-store';

/** What a server subscription delivers, already translated: an event, or a stream deleted for good. */
export type DeliveredMessage = Exclude<SubscriptionMessage, { readonly kind: 'caught-up' }>;

/** One server-side subscription as the vendor client gives it, reduced to what resuming needs. */
export interface ServerSubscription {
  /** The subscription's messages, already translated; `undefined` for a record to skip (another system event). */
  next(): Promise<IteratorResult<DeliveredMessage | undefined>>;
  /** Resolves when the server says the subscription has caught up, with how many events it had sent by then. */
  readonly caughtUp: Promise<number>;
  close(): Promise<void>;
}

export interface ResumingOptions<Cursor> {
  /** Opens a server subscription that delivers the events after `cursor`; failing as a drop does, if it fails. */
  open(after: Cursor): ServerSubscription | Promise<ServerSubscription>;
  /** Where a new subscription resumes after this message; undefined: where it resumed before. */
  cursorOf(message: DeliveredMessage): Cursor | undefined;
  /** True for errors that a new subscription may cure (connection lost, leader changed, server restarted). */
  isTransient(error: unknown): boolean;
  translate(error: unknown): unknown;
  signal?: AbortSignal;
  maxBackoffMs?: number;
}

type Next =
  { kind: 'next'; result: IteratorResult<DeliveredMessage | undefined> } | { kind: 'caught-up' } | { kind: 'aborted' };

/**
 * Follows a server subscription and, when it drops for a transient reason, opens a new one after the last
 * event it delivered: the vendor client leaves resuming to its users. Nothing is delivered twice (the new
 * subscription starts after the last delivered cursor) and nothing is missed (the server catches it up).
 */
export async function* resumingSubscription<Cursor>(
  from: Cursor,
  options: ResumingOptions<Cursor>,
): AsyncGenerator<SubscriptionMessage> {
  let cursor = from;
  let caughtUpSent = false;
  let failures = 0;
  const aborted = new Promise<Next>((resolve) => {
    if (options.signal?.aborted) resolve({ kind: 'aborted' });
    options.signal?.addEventListener('abort', () => resolve({ kind: 'aborted' }), { once: true });
  });

  const backOff = async (error: unknown): Promise<void> => {
    if (!(error instanceof SubscriptionEndedError) && !options.isTransient(error)) throw options.translate(error);
    failures += 1;
    await sleep(Math.min(options.maxBackoffMs ?? 5_000, 50 * 2 ** Math.min(failures, 8)), undefined, {
      signal: options.signal,
    }).catch(() => undefined);
  };

  while (!options.signal?.aborted) {
    let server: ServerSubscription;
    try {
      server = await options.open(cursor);
    } catch (error) {
      await backOff(error);
      continue;
    }
    let received = 0;
    let caughtUpAfter: number | undefined;
    let caughtUp: Promise<Next> | undefined = server.caughtUp.then((count) => {
      caughtUpAfter = count;
      return { kind: 'caught-up' };
    });
    let pending = server.next().then((result): Next => ({ kind: 'next', result }));
    try {
      for (;;) {
        if (!caughtUpSent && caughtUpAfter !== undefined && received >= caughtUpAfter) {
          caughtUpSent = true;
          yield { kind: 'caught-up' };
        }
        const next = await Promise.race(caughtUp ? [pending, caughtUp, aborted] : [pending, aborted]);
        if (next.kind === 'aborted') return;
        if (next.kind === 'caught-up') {
          caughtUp = undefined;
          continue;
        }
        if (next.result.done) throw new SubscriptionEndedError();
        received += 1;
        failures = 0;
        pending = server.next().then((result): Next => ({ kind: 'next', result }));
        const message = next.result.value;
        if (!message) continue;
        cursor = options.cursorOf(message) ?? cursor;
        yield message;
      }
    } catch (error) {
      await backOff(error);
    } finally {
      pending.catch(() => undefined);
      await server.close();
    }
  }
}

/** The server closed a subscription that should last forever: treat it as a drop and resume. */
class SubscriptionEndedError extends Error {}
