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
} from '@timeline/event-store';
import { integrityOf, sealEvent } from '@timeline/audit';
import {
  CURRENT_SCHEMA_VERSION,
  toEventData,
  treatyStreamName,
  type TreatyEvent,
  type TreatyState,
} from '@timeline/treaty';
import { CLOCK, latestDateOnEarth, wallClock, type Clock } from '../../clock';
import { Metrics } from '../../metrics/metrics.service';
import { ApiProblem } from '../../problems/api-problem';
import { findKeyedEvent, type DecisionState, type KeyedEvent } from '../decision-state/decision-state';
import { OneWriteAtATime } from '../decision-state/one-write-at-a-time';
import { TreatyDecisionStates } from '../decision-state/treaty-decision-states.service';
import { revisionChangedSince } from '../if-match';
import { idempotencyOf, type Idempotency } from './request-fingerprint';
import type { WriteRequest } from './write-request';

const MAX_ATTEMPTS = 5;

/** What one kind of write brings to `TreatyWriter`: its events' ids, its decision and its answers. */
export interface TreatyWrite<Outcome> {
  /**
   * The ids of the events it appends, in order, the same on every attempt. Under an Idempotency-Key they are derived
   * from the key and the request's fingerprint, and the first one finds a retry's earlier write.
   */
  readonly eventIds: readonly string[];
  /** The events to append, one per id, decided on the treaty's state; throws the domain's refusal. */
  decide(state: TreatyState, today: string): readonly TreatyEvent[];
  /** The first answer again, for a retry whose write is already stored (422 when the key was used for another). */
  replay(earlier: KeyedEvent, decision: DecisionState): Outcome;
  /** The answer once the events are appended. */
  appended(events: readonly TreatyEvent[], result: AppendResult): Outcome;
}

/**
 * The one write path of editors' writes, single or batched: take the treaty's decision state, let the write
 * decide, seal its events in a chain and append them at exactly the revision that state is at (decision 0010).
 * - The state is the one this process holds for busy treaties: as it left it, for a write without an
 *   Idempotency-Key; brought up to date with the events after it first, for a keyed write, or before a refusal is
 *   answered; else read and folded from the stream.
 * - A concurrent write, here or in another process, makes the append conflict; the state is caught up (read again
 *   whole after a second conflict): without If-Match the write is decided again on it (five attempts on a
 *   caught-up state, then 503 TREATY_BUSY), with If-Match the editor gets 412 and decides.
 *
 * Tamper evidence: each event is sealed with a hash of its content chained to the previous event's hash, which
 * the writer knows because it appends at exactly the revision it read.
 *
 * Idempotency: an Idempotency-Key and the request's fingerprint go into every event's metadata, and the write's
 * event ids are derived from them. A retry finds its first event in the stream by key and gets the first answer
 * back, however long ago, on every store and every replica; the store's own idempotent append covers the race
 * where two copies of one request get past that check, and the copy whose events the store already held is
 * answered as the retry it is (told by the stored event's seal, read back after the append). Two different requests under one key get different ids:
 * racing, one appends and the other conflicts, reads the stream again, finds the key taken by another request
 * and is refused (422) — never answered as if it were the first.
 *
 * The stream is read from the leader: a follower's copy may lag, which would make a stale If-Match pass or fail
 * and miss an Idempotency-Key's event.
 */
@Injectable()
export class TreatyWriter {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: Metrics,
    private readonly states: TreatyDecisionStates,
    private readonly oneWriteAtATime: OneWriteAtATime,
  ) {}

  /**
   * Runs the write once this process's earlier writes to the treaty have settled (see OneWriteAtATime). `writeFor`
   * is given the request's Idempotency-Key and fingerprint, from which a keyed write derives its event ids.
   */
  write<Outcome>(
    treatyId: string,
    request: WriteRequest,
    writeFor: (idempotency: Idempotency | undefined) => TreatyWrite<Outcome>,
  ): Promise<Outcome> {
    return this.oneWriteAtATime.run(treatyId, () => this.decideAndAppend(treatyId, request, writeFor));
  }

  private async decideAndAppend<Outcome>(
    treatyId: string,
    request: WriteRequest,
    writeFor: (idempotency: Idempotency | undefined) => TreatyWrite<Outcome>,
  ): Promise<Outcome> {
    const streamName = treatyStreamName(treatyId);
    const idempotency = idempotencyOf(request);
    const write = writeFor(idempotency);
    // Without an Idempotency-Key, a write may decide on the state this process knows: what another process wrote
    // since can change whether it may append, or what it appends (a vote correction carries the counts on record),
    // and the append's expected revision refuses a decision made on a state the store has moved past. A keyed
    // write must first see whether its key is already in the store.
    let mayDecideOnKnown = request.idempotencyKey === undefined;

    for (let conflicts = 0; ;) {
      const known = mayDecideOnKnown ? this.states.known(treatyId) : undefined;
      const decision = known ?? (await this.states.current(treatyId));
      const earlier = writtenUnderKey(decision, write.eventIds[0]!, request);
      if (earlier) return write.replay(earlier, decision);

      let events: readonly TreatyEvent[];
      try {
        const stale = staleIfMatch(streamName, request.ifMatch, decision.revision);
        if (stale) throw stale;
        events = write.decide(decision.state, latestDateOnEarth(this.clock()));
      } catch (refusal) {
        // A refusal is answered only on what the store holds now: another process may have lifted it.
        if (known) {
          mayDecideOnKnown = false;
          continue;
        }
        if (refusal instanceof WrongExpectedRevisionError) this.metrics.conflicts.inc();
        throw refusal;
      }

      const sealed = sealChain(events, write.eventIds, decision, streamName, request, idempotency);
      let result: AppendResult;
      try {
        result = await this.store.appendToStream(streamName, sealed, { expectedRevision: decision.revision });
      } catch (error) {
        if (error instanceof IdempotencyConflictError) throw keyReused();
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        this.metrics.conflicts.inc();
        // Another writer got in: catch up from the state decided on; when even a caught-up state conflicted,
        // read the whole stream again. Only a caught-up state's conflict counts against the attempts: the known
        // one was simply behind, which says nothing of how busy the treaty is.
        if (known) this.states.behind(treatyId);
        else {
          this.states.forget(treatyId, decision.revision);
          conflicts += 1;
        }
        mayDecideOnKnown = false;
        // Without If-Match the write is decided again on the new state. With one, the stream is read again
        // all the same when a key was given (the conflicting write may be another request under this key: 422)
        // or when the state decided on was only the known one (the If-Match is judged on what the store holds:
        // `*` may well hold); else the If-Match no longer holds (412).
        if (request.ifMatch !== undefined && request.idempotencyKey === undefined && !known) throw error;
        if (conflicts === MAX_ATTEMPTS) throw request.ifMatch === undefined ? treatyBusy() : error;
        continue;
      }

      if (!request.idempotencyKey) {
        this.states.appended(treatyId, decision, sealed);
        this.countAppends(events);
        return write.appended(events, result);
      }
      // With an Idempotency-Key the store answers a copy of this request that another process appended first as if
      // this one had appended (the ids are derived from the key), and that copy got the first answer. Its metadata,
      // hence its hash, differs from ours: the state is caught up with what the store holds, and the write answered
      // as appended only if the stored event is the one sealed here.
      this.states.behind(treatyId);
      const stored = await this.states.current(treatyId);
      const keyed = writtenUnderKey(stored, write.eventIds[0]!, request);
      if (keyed && keyed.hash !== hashOf(sealed[0]!)) return write.replay(keyed, stored);
      this.countAppends(events);
      return write.appended(events, result);
    }
  }

  private countAppends(events: readonly TreatyEvent[]): void {
    for (const event of events) this.metrics.appends.inc({ event_type: event.type });
  }
}

/** The events sealed in a chain from the decision state's last hash, at the revisions after it. */
function sealChain(
  events: readonly TreatyEvent[],
  eventIds: readonly string[],
  decision: DecisionState,
  streamName: string,
  request: WriteRequest,
  idempotency: Idempotency | undefined,
): NewEvent[] {
  const first = decision.revision === NO_STREAM ? 0n : decision.revision + 1n;
  let previousHash = decision.lastHash;
  const sealedAt = wallClock();
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
          ...(idempotency ? { idempotency: { key: idempotency.key, fingerprint: idempotency.fingerprint } } : {}),
        },
      },
      streamName,
      first + BigInt(index),
      previousHash,
      sealedAt,
    );
    previousHash = hashOf(sealed);
    return sealed;
  });
}

function hashOf(sealed: NewEvent): string {
  return integrityOf(sealed as { metadata: NonNullable<NewEvent['metadata']> })!.hash;
}

/**
 * The conflict to answer when the editor's If-Match no longer holds, or undefined when it does (or is absent). A list
 * holds when the revision is any of it; the write is then appended at that revision, so that a writer who gets in
 * first still makes it conflict. The conflict names the latest revision listed before the current one (the last the
 * editor read, which the treaty has "changed since"), else the latest listed.
 */
export function staleIfMatch(
  streamName: string,
  ifMatch: WriteRequest['ifMatch'],
  revision: CurrentRevision,
): WrongExpectedRevisionError | undefined {
  if (ifMatch === undefined) return undefined;
  if (ifMatch === '*') {
    return revision === NO_STREAM ? new WrongExpectedRevisionError(streamName, STREAM_EXISTS, revision) : undefined;
  }
  if (revision !== NO_STREAM && ifMatch.includes(revision)) return undefined;
  const since = revisionChangedSince(ifMatch, revision === NO_STREAM ? undefined : revision);
  return new WrongExpectedRevisionError(streamName, since, revision);
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

export function keyReused(): ApiProblem {
  return new ApiProblem(
    422,
    'IDEMPOTENCY_KEY_REUSED',
    'This Idempotency-Key was already used for a different request: use a new key for a new request',
  );
}
