import { randomUUID } from 'node:crypto';
import type { ResolvedEvent } from '@eventstore/db-client';
import { StreamsClient } from '@eventstore/db-client/generated/streams_grpc_pb';
import { credentials } from '@grpc/grpc-js';
import { Empty, ReadReq, type ReadResp, StreamIdentifier } from './protocol';

export function uniqueStreamName(prefix = 'double'): string {
  return `${prefix}-${randomUUID()}`;
}

/** Polls until the condition holds: subscriptions deliver asynchronously. */
export async function until(condition: () => boolean, what: string, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

interface ClientSubscription {
  on(event: 'data', listener: (event: ResolvedEvent) => void): unknown;
  on(event: 'caughtUp' | 'confirmation', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** Everything a client subscription emits, in order: events by id, and the caught-up marker. */
export function recordSubscription(subscription: ClientSubscription): {
  timeline: string[];
  eventIds: () => string[];
  errors: Error[];
} {
  const timeline: string[] = [];
  const errors: Error[] = [];
  subscription.on('data', (resolved) => timeline.push(resolved.event?.id ?? 'no event'));
  subscription.on('caughtUp', () => timeline.push('caught-up'));
  subscription.on('error', (error) => errors.push(error));
  return { timeline, eventIds: () => timeline.filter((entry) => entry !== 'caught-up'), errors };
}

/**
 * The raw `Streams.Read` answer to a subscription request, message by message, through the generated client
 * alone: what the server sends, before the client library turns it into events.
 */
export async function rawSubscriptionMessages(port: number, streamName: string, count: number): Promise<string[]> {
  const client = new StreamsClient(`127.0.0.1:${port}`, credentials.createInsecure());
  const options = new ReadReq.Options()
    .setStream(
      new ReadReq.Options.StreamOptions()
        .setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(streamName)))
        .setStart(new Empty()),
    )
    .setSubscription(new ReadReq.Options.SubscriptionOptions())
    .setNoFilter(new Empty())
    .setUuidOption(new ReadReq.Options.UUIDOption().setString(new Empty()));
  const call = client.read(new ReadReq().setOptions(options));
  const messages: string[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      call.on('data', (response: ReadResp) => {
        messages.push(describe(response));
        if (messages.length === count) resolve();
      });
      call.on('error', reject);
    });
  } finally {
    call.cancel();
    client.close();
  }
  return messages;
}

function describe(response: ReadResp): string {
  if (response.hasConfirmation()) return 'confirmation';
  if (response.hasCaughtUp()) return 'caught-up';
  const revision = response.getEvent()?.getEvent()?.getStreamRevision();
  return revision === undefined ? `other ${response.getContentCase()}` : `event ${revision}`;
}
