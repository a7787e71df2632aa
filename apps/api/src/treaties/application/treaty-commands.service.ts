import { Injectable } from '@nestjs/common';
import { newEventId } from '@timeline/event-store';
import { decide, type TreatyCommand } from '@timeline/treaty';
import { v5 as uuidV5 } from 'uuid';
import type { KeyedEvent } from '../decision-state/decision-state';
import type { Idempotency } from './request-fingerprint';
import { keyReused, TreatyWriter } from './treaty-writer.service';
import type { WriteOutcome, WriteRequest } from './write-request';

/** Namespace of the event ids derived from idempotency keys (UUID v5): fixed forever, or retries stop matching. */
export const IDEMPOTENCY_NAMESPACE = '6f1d2b1e-5c0a-4a8e-9a53-2f4b7c9d0e11';

/**
 * Runs editors' commands: the decider decides the one resulting event on the treaty's decision state, and
 * `TreatyWriter` seals and appends it, deciding again or answering 412 on a conflict (see there).
 *
 * Idempotency: an Idempotency-Key becomes the event's id (a UUID derived from the caller's key id, the key and
 * the request's fingerprint), so a retry appends the same id and two bodies under one key race as two appends.
 */
@Injectable()
export class TreatyCommands {
  constructor(private readonly writer: TreatyWriter) {}

  /** Runs the command once this process's earlier writes to the treaty have settled (see OneWriteAtATime). */
  execute(
    treatyId: string,
    commandFor: (eventId: string) => TreatyCommand,
    request: WriteRequest,
  ): Promise<WriteOutcome> {
    return this.writer.write(treatyId, request, (idempotency) => {
      const eventId = eventIdFor(request, idempotency);
      return {
        eventIds: [eventId],
        decide: (state, today) => [decide(commandFor(eventId), state, { today })],
        replay: (earlier) => replay(treatyId, earlier, idempotency),
        appended: ([event], { nextExpectedRevision, position }) => ({
          treatyId,
          eventId,
          eventType: event!.type,
          revision: nextExpectedRevision,
          position,
          replayed: false,
        }),
      };
    });
  }
}

/**
 * The id of the one event a request appends: with an Idempotency-Key, derived from the caller, the key and the body,
 * so that a retry appends the same id and two bodies under one key race as two appends; without one, fresh.
 */
export function eventIdFor(request: WriteRequest, idempotency: Idempotency | undefined): string {
  return idempotency
    ? uuidV5(`${request.principal.keyId}\n${idempotency.key}\n${idempotency.fingerprint}`, IDEMPOTENCY_NAMESPACE)
    : newEventId();
}

/** The first answer to a write found under this key; 422 when the key was used for another request. */
export function replay(treatyId: string, earlier: KeyedEvent, idempotency: Idempotency | undefined): WriteOutcome {
  if (!idempotency || earlier.fingerprint !== idempotency.fingerprint) throw keyReused();
  return {
    treatyId,
    eventId: earlier.id,
    eventType: earlier.type,
    revision: earlier.revision,
    position: earlier.position,
    replayed: true,
  };
}
