import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  EVENT_STORE,
  NO_STREAM,
  STREAM_EXISTS,
  WrongExpectedRevisionError,
  IdempotencyConflictError,
  type AppendResult,
  type CurrentRevision,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '@timeline/event-store';
import { CURRENT_SCHEMA_VERSION, decide, toEventData, treatyStreamName, type TreatyCommand } from '@timeline/treaty';
import { v5 as uuidV5 } from 'uuid';
import { sealEvent } from '@timeline/audit';
import { CLOCK, type Clock } from '../../clock';
import { Metrics } from '../../metrics/metrics.service';
import { ApiProblem } from '../../problems/api-problem';
import { findKeyedEvent, type DecisionState, type KeyedEvent } from '../decision-state/decision-state';
import { OneWriteAtATime } from '../decision-state/one-write-at-a-time';
import { TreatyDecisionStates } from '../decision-state/treaty-decision-states.service';
import { requestFingerprint } from './request-fingerprint';
import type { WriteOutcome, WriteRequest } from './write-request';

/** Namespace of the event ids derived from idempotency keys (UUID v5): fixed forever, or retries stop matching. */
export const IDEMPOTENCY_NAMESPACE = '6f1d2b1e-5c0a-4a8e-9a53-2f4b7c9d0e11';
const MAX_ATTEMPTS = 5;

/**
 * Runs editors' commands: take the treaty's decision state (kept in memory for busy treaties and brought up to
 * date with the events after it, else read and folded from its stream), let the decider decide, append the one
 * resulting event at exactly the revision that state is at. A concurrent write, here or in another process, makes
 * the append conflict; the cached state is forgotten and the stream read again: without If-Match the command is
 * decided again on it, with If-Match the editor gets 412 and decides.
 *
 * Tamper evidence: the event is sealed with a hash of its content chained to the previous event's hash, which
 * the writer knows because it appends at exactly the revision it read.
 *
 * Idempotency: an Idempotency-Key becomes the event's id (a UUID derived from the caller's key id, the key and
 * the request's fingerprint), and the key and fingerprint go into the event's metadata. A retry finds its event in
 * the stream by key and gets the first answer back, however long ago, on every store and every replica; the
 * store's own idempotent append covers the race where two copies of one request get past that check. Two
 * different requests under one key get two ids: racing, one appends and the other conflicts, reads the stream
 * again, finds the key taken by another request and is refused (422) — never answered as if it were the first.
 *
 * The stream is read from the leader: a follower's copy may lag, which would make a stale If-Match pass or fail
 * and miss an Idempotency-Key's event.
 */
@Injectable()
export class TreatyCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: Metrics,
    private readonly states: TreatyDecisionStates,
    private readonly oneWriteAtATime: OneWriteAtATime,
  ) {}

  /** Runs the command once this process's earlier writes to the treaty have settled (see OneWriteAtATime). */
  execute(
    treatyId: string,
    commandFor: (eventId: string) => TreatyCommand,
    request: WriteRequest,
  ): Promise<WriteOutcome> {
    return this.oneWriteAtATime.run(treatyId, () => this.decideAndAppend(treatyId, commandFor, request));
  }

  private async decideAndAppend(
    treatyId: string,
    commandFor: (eventId: string) => TreatyCommand,
    request: WriteRequest,
  ): Promise<WriteOutcome> {
    const streamName = treatyStreamName(treatyId);
    const fingerprint = requestFingerprint(request.route, request.body);
    const eventId = eventIdFor(request, fingerprint);

    for (let attempt = 1; ; attempt++) {
      const decision = await this.states.current(treatyId);
      const earlier = writtenUnderKey(decision, eventId, request);
      if (earlier) return replay(treatyId, earlier, fingerprint);
      const stale = staleIfMatch(streamName, request.ifMatch, decision.revision);
      if (stale) {
        this.metrics.conflicts.inc();
        throw stale;
      }

      const event = decide(commandFor(eventId), decision.state, { today: this.clock().toISOString().slice(0, 10) });
      try {
        const revision = decision.revision === NO_STREAM ? 0n : decision.revision + 1n;
        const sealed = sealEvent(
          {
            id: eventId,
            type: event.type,
            data: toEventData(event),
            metadata: {
              actor: request.principal.keyId,
              correlationId: request.correlationId,
              schemaVersion: CURRENT_SCHEMA_VERSION,
              ...(request.idempotencyKey ? { idempotency: { key: request.idempotencyKey, fingerprint } } : {}),
            },
          },
          streamName,
          revision,
          decision.lastHash,
        );
        const result = await this.store.appendToStream(streamName, [sealed], { expectedRevision: decision.revision });
        this.metrics.appends.inc({ event_type: event.type });
        // With an Idempotency-Key the store may have answered another copy of this request (its id is derived),
        // whose metadata, hence hash, differs from ours: the next write reads that event back instead.
        if (!request.idempotencyKey) this.states.appended(treatyId, decision, [recorded(sealed, streamName, result)]);
        return {
          treatyId,
          eventId,
          eventType: event.type,
          revision: result.nextExpectedRevision,
          position: result.position,
          replayed: false,
        };
      } catch (error) {
        if (error instanceof IdempotencyConflictError) throw keyReused();
        if (error instanceof WrongExpectedRevisionError) {
          this.metrics.conflicts.inc();
          this.states.forget(treatyId, decision.revision);
        }
        // Without If-Match the command is decided again on the new state. With one, the stream is read again
        // all the same when a key was given: the conflicting write may be another request under this key (422),
        // else the If-Match no longer holds (412).
        const retry =
          error instanceof WrongExpectedRevisionError &&
          (request.ifMatch === undefined || request.idempotencyKey !== undefined);
        if (!retry) throw error;
        if (attempt === MAX_ATTEMPTS) throw request.ifMatch === undefined ? treatyBusy() : error;
      }
    }
  }
}

/** The stored form of an event this writer has just appended, as a read of the stream would return it. */
export function recorded(
  sealed: NewEvent,
  streamName: string,
  { nextExpectedRevision, position }: AppendResult,
): RecordedEvent {
  return {
    id: sealed.id,
    type: sealed.type,
    data: sealed.data,
    metadata: sealed.metadata ?? {},
    streamName,
    revision: nextExpectedRevision,
    position,
    recordedAt: new Date(),
  };
}

/** The conflict to answer when the editor's If-Match no longer holds, or undefined when it does (or is absent). */
export function staleIfMatch(
  streamName: string,
  ifMatch: WriteRequest['ifMatch'],
  revision: CurrentRevision,
): WrongExpectedRevisionError | undefined {
  if (ifMatch === undefined) return undefined;
  const holds = ifMatch === '*' ? revision !== NO_STREAM : revision === ifMatch;
  return holds
    ? undefined
    : new WrongExpectedRevisionError(streamName, ifMatch === '*' ? STREAM_EXISTS : ifMatch, revision);
}

/**
 * The id of the one event a request appends: with an Idempotency-Key, derived from the caller, the key and the body,
 * so that a retry appends the same id and two bodies under one key race as two appends; without one, fresh.
 */
export function eventIdFor(request: WriteRequest, fingerprint: string): string {
  return request.idempotencyKey
    ? uuidV5(`${request.principal.keyId}\n${request.idempotencyKey}\n${fingerprint}`, IDEMPOTENCY_NAMESPACE)
    : randomUUID();
}

/** The event already written under this request's Idempotency-Key, if any, whatever body it was written for. */
export function writtenUnderKey(
  decision: DecisionState,
  eventId: string,
  request: WriteRequest,
): KeyedEvent | undefined {
  const key = request.idempotencyKey;
  if (!key) return undefined;
  return findKeyedEvent(decision.keyed, eventId, request.principal.keyId, key);
}

export function replay(treatyId: string, earlier: KeyedEvent, fingerprint: string): WriteOutcome {
  if (earlier.fingerprint !== fingerprint) throw keyReused();
  return {
    treatyId,
    eventId: earlier.id,
    eventType: earlier.type,
    revision: earlier.revision,
    position: earlier.position,
    replayed: true,
  };
}

/**
 * Other processes or replicas kept writing to the treaty between this writer's read and its append, every time.
 * A writer without If-Match set no precondition, so 412 would blame it: the answer is to retry, which is safe.
 */
export function treatyBusy(): ApiProblem {
  return new ApiProblem(
    503,
    'TREATY_BUSY',
    'Other writers kept changing this treaty while this write was decided: retry it (with the same Idempotency-Key, a retry is safe)',
  );
}

function keyReused(): ApiProblem {
  return new ApiProblem(
    422,
    'IDEMPOTENCY_KEY_REUSED',
    'This Idempotency-Key was already used for a different request: use a new key for a new request',
  );
}
