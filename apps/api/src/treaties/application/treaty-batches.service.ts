import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  EVENT_STORE,
  IdempotencyConflictError,
  NO_STREAM,
  WrongExpectedRevisionError,
  type EventStore,
  type NewEvent,
} from '@timeline/event-store';
import { integrityOf, sealEvent } from '@timeline/audit';
import {
  CURRENT_SCHEMA_VERSION,
  decide,
  evolve,
  toEventData,
  treatyStreamName,
  type DevelopmentReport,
  type TreatyEvent,
} from '@timeline/treaty';
import { v5 as uuidV5 } from 'uuid';
import { CLOCK, type Clock } from '../../clock';
import { Metrics } from '../../metrics/metrics.service';
import { ApiProblem } from '../../problems/api-problem';
import { problemFromKnownError } from '../../problems/known-errors';
import { findKeyedEvent, type DecisionState } from '../decision-state/decision-state';
import { OneWriteAtATime } from '../decision-state/one-write-at-a-time';
import { TreatyDecisionStates } from '../decision-state/treaty-decision-states.service';
import { IDEMPOTENCY_NAMESPACE, staleIfMatch, treatyBusy } from './treaty-commands.service';
import { requestFingerprint } from './request-fingerprint';
import type { WriteRequest } from './write-request';

const MAX_ATTEMPTS = 5;

/** What a batch answers: the events appended (or found, for a retry) and the stream's revision after them. */
export interface BatchOutcome {
  readonly treatyId: string;
  readonly eventIds: readonly string[];
  readonly firstRevision: bigint;
  readonly revision: bigint;
  /** The global position of the batch's last event: pass it as ?minPosition= to read the whole batch. */
  readonly position: bigint;
  readonly replayed: boolean;
}

/**
 * Many developments of one treaty in one append, all or nothing: each is decided by the same decider as a
 * single report, on the state the ones before it leave, and the events are sealed in a chain and appended at
 * the revision the first was decided on. A refusal names the item (`index`); nothing is written.
 *
 * Idempotency as for single writes: under an Idempotency-Key each item's id is derived from the key, the
 * request's fingerprint and its index, and the first event carries the key, so a retry finds it and gets the
 * first answer back, another body under the key gets 422.
 */
@Injectable()
export class TreatyBatches {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: Metrics,
    private readonly states: TreatyDecisionStates,
    private readonly oneWriteAtATime: OneWriteAtATime,
  ) {}

  /** Records the batch once this process's earlier writes to the treaty have settled (see OneWriteAtATime). */
  reportDevelopments(
    treatyId: string,
    developments: readonly DevelopmentReport[],
    request: WriteRequest,
  ): Promise<BatchOutcome> {
    return this.oneWriteAtATime.run(treatyId, () => this.decideAndAppend(treatyId, developments, request));
  }

  private async decideAndAppend(
    treatyId: string,
    developments: readonly DevelopmentReport[],
    request: WriteRequest,
  ): Promise<BatchOutcome> {
    const streamName = treatyStreamName(treatyId);
    const fingerprint = requestFingerprint(request.route, request.body);
    const eventIds = developments.map((_, index) => batchEventId(request, fingerprint, index));

    for (let attempt = 1; ; attempt++) {
      const decision = await this.states.current(treatyId);
      const earlier = request.idempotencyKey
        ? findKeyedEvent(decision.keyed, eventIds[0]!, request.principal.keyId, request.idempotencyKey)
        : undefined;
      if (earlier) return replayBatch(treatyId, decision, earlier.id, eventIds, fingerprint);
      const stale = staleIfMatch(streamName, request.ifMatch, decision.revision);
      if (stale) {
        this.metrics.conflicts.inc();
        throw stale;
      }

      const events = this.decideAll(developments, eventIds, decision);
      const sealed = sealChain(events, eventIds, decision, streamName, request, fingerprint);
      try {
        const result = await this.store.appendToStream(streamName, sealed, { expectedRevision: decision.revision });
        for (const event of events) this.metrics.appends.inc({ event_type: event.type });
        return {
          treatyId,
          eventIds,
          firstRevision: result.nextExpectedRevision - BigInt(sealed.length - 1),
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
        const retry =
          error instanceof WrongExpectedRevisionError &&
          (request.ifMatch === undefined || request.idempotencyKey !== undefined);
        if (!retry) throw error;
        if (attempt === MAX_ATTEMPTS) throw request.ifMatch === undefined ? treatyBusy() : error;
      }
    }
  }

  /** Each development decided on the state the ones before it leave; the first refusal names its item. */
  private decideAll(
    developments: readonly DevelopmentReport[],
    eventIds: readonly string[],
    decision: DecisionState,
  ): TreatyEvent[] {
    const today = this.clock().toISOString().slice(0, 10);
    let state = decision.state;
    return developments.map((development, index) => {
      try {
        const event = decide({ type: 'ReportDevelopment', data: { eventId: eventIds[index]!, development } }, state, {
          today,
        });
        state = evolve(state, event);
        return event;
      } catch (error) {
        throw atItem(index, error);
      }
    });
  }
}

function sealChain(
  events: readonly TreatyEvent[],
  eventIds: readonly string[],
  decision: DecisionState,
  streamName: string,
  request: WriteRequest,
  fingerprint: string,
): NewEvent[] {
  const first = decision.revision === NO_STREAM ? 0n : decision.revision + 1n;
  let previousHash = decision.lastHash;
  return events.map((event, index) => {
    const sealed = sealEvent(
      {
        id: eventIds[index]!,
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
      first + BigInt(index),
      previousHash,
    );
    previousHash = integrityOf(sealed as { metadata: NonNullable<NewEvent['metadata']> })!.hash;
    return sealed;
  });
}

function batchEventId(request: WriteRequest, fingerprint: string, index: number): string {
  return request.idempotencyKey
    ? uuidV5(`${request.principal.keyId}\n${request.idempotencyKey}\n${fingerprint}\n${index}`, IDEMPOTENCY_NAMESPACE)
    : randomUUID();
}

/** The first answer to a batch already written under this key, or 422 when the key was used for another request. */
function replayBatch(
  treatyId: string,
  decision: DecisionState,
  firstId: string,
  eventIds: readonly string[],
  fingerprint: string,
): BatchOutcome {
  const first = decision.keyed.byId.get(firstId);
  const last = decision.keyed.byId.get(eventIds[eventIds.length - 1]!);
  if (first?.fingerprint !== fingerprint || firstId !== eventIds[0] || !last) throw keyReused();
  return {
    treatyId,
    eventIds,
    firstRevision: first.revision,
    revision: last.revision,
    position: last.position,
    replayed: true,
  };
}

/** A refusal of one item, as the single route would answer it, with the item's index. */
export function atItem(index: number, error: unknown): unknown {
  const known = error instanceof ApiProblem ? undefined : problemFromKnownError(error);
  if (error instanceof ApiProblem) {
    return new ApiProblem(error.status, error.code, `Item ${index}: ${error.message}`, { ...error.extensions, index });
  }
  if (known && known.status < 500) {
    const { type: _type, title: _title, status, detail, code, instance: _instance, ...extensions } = known;
    return new ApiProblem(status, code, `Item ${index}: ${detail}`, { ...extensions, index });
  }
  return error;
}

function keyReused(): ApiProblem {
  return new ApiProblem(
    422,
    'IDEMPOTENCY_KEY_REUSED',
    'This Idempotency-Key was already used for a different request: use a new key for a new request',
  );
}
