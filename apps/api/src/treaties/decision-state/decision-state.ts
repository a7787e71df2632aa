import { NO_STREAM, type CurrentRevision, type NewEvent, type RecordedEvent } from '@timeline/event-store';
import { integrityOf } from '@timeline/audit';
import { evolve, initialState, upcast, type TreatyState } from '@timeline/treaty';

/** What idempotency needs of an event written under an Idempotency-Key: enough to answer its retry. */
export interface KeyedEvent {
  readonly id: string;
  readonly type: string;
  readonly revision: bigint;
  readonly position: bigint;
  /** The request fingerprint kept in its metadata, to tell a retry from another request under the same key. */
  readonly fingerprint: unknown;
  /** Its integrity hash (null before sealing): tells this request's append from a copy's that got in first. */
  readonly hash: string | null;
}

/**
 * Everything a writer decides on, folded once from a treaty's stream: the domain state, the revision to append
 * at, the integrity hash the next event is chained to, and the events written under Idempotency-Keys (by the
 * caller's key id and key, and by event id). Only those events are indexed: every event this service writes with
 * a key carries it in its metadata (decision 0004), and an index of every id would cost memory per event.
 *
 * The key index is append-only and may be shared by the states of one stream that follow each other: a key seen
 * in it was written to the store, so a state that finds a key written after its own revision answers what a
 * fresh read would.
 */
export interface DecisionState {
  readonly state: TreatyState;
  readonly revision: CurrentRevision;
  /** The last event's integrity hash, or null for no stream yet (or an event from before sealing). */
  readonly lastHash: string | null;
  readonly keyed: KeyIndex;
}

export interface KeyIndex {
  readonly byKey: Map<string, KeyedEvent>;
  readonly byId: Map<string, KeyedEvent>;
}

export function emptyDecisionState(): DecisionState {
  return {
    state: initialState(),
    revision: NO_STREAM,
    lastHash: null,
    keyed: { byKey: new Map(), byId: new Map() },
  };
}

/** The decision state after one more stored event of the stream (events in stream order). */
export function withEvent(decision: DecisionState, event: RecordedEvent): DecisionState {
  indexKey(decision.keyed, event);
  return followedBy(decision, event, event.revision);
}

/**
 * The decision state after an event this process has just appended at `revision`, as sealed. Only for events
 * written without an Idempotency-Key: those are the only ones the store cannot have answered with another copy,
 * and the only ones with no key to index.
 */
export function withAppendedEvent(decision: DecisionState, event: NewEvent, revision: bigint): DecisionState {
  if (event.metadata?.idempotency !== undefined) {
    throw new Error(`Event ${event.id} was written under an Idempotency-Key: read it back from the store`);
  }
  return followedBy(decision, { type: event.type, data: event.data, metadata: event.metadata ?? {} }, revision);
}

function followedBy(
  decision: DecisionState,
  event: Pick<RecordedEvent, 'type' | 'data' | 'metadata'>,
  revision: bigint,
): DecisionState {
  return {
    state: evolve(decision.state, upcast(event.type, event.data, schemaVersionOf(event))),
    revision,
    lastHash: integrityOf(event)?.hash ?? null,
    keyed: decision.keyed,
  };
}

/** The decision state of a whole stream. */
export function foldDecisionState(events: Iterable<RecordedEvent>): DecisionState {
  let decision = emptyDecisionState();
  for (const event of events) decision = withEvent(decision, event);
  return decision;
}

/**
 * The first event written under this caller's Idempotency-Key, by the id the request derives or by the key in
 * its metadata (events written before the id included the request's fingerprint), whatever body it was for.
 */
export function findKeyedEvent(
  keyed: KeyIndex,
  eventId: string,
  keyId: string,
  idempotencyKey: string,
): KeyedEvent | undefined {
  const byId = keyed.byId.get(eventId);
  const byKey = keyed.byKey.get(keyOf(keyId, idempotencyKey));
  if (byId === undefined || byKey === undefined) return byId ?? byKey;
  return byId.revision <= byKey.revision ? byId : byKey;
}

function indexKey(keyed: KeyIndex, event: RecordedEvent): void {
  const idempotency = event.metadata.idempotency as { key?: unknown; fingerprint?: unknown } | undefined;
  if (typeof idempotency?.key !== 'string' || typeof event.metadata.actor !== 'string') return;
  const entry: KeyedEvent = {
    id: event.id,
    type: event.type,
    revision: event.revision,
    position: event.position,
    fingerprint: idempotency.fingerprint,
    hash: integrityOf(event)?.hash ?? null,
  };
  const key = keyOf(event.metadata.actor, idempotency.key);
  // The first event under a key answers it: keep it when a later one (another item of a batch) shares the key.
  if (!keyed.byKey.has(key)) keyed.byKey.set(key, entry);
  if (!keyed.byId.has(event.id)) keyed.byId.set(event.id, entry);
}

function keyOf(keyId: string, idempotencyKey: string): string {
  return `${keyId}\n${idempotencyKey}`;
}

function schemaVersionOf(event: Pick<RecordedEvent, 'metadata'>): number {
  const version = event.metadata.schemaVersion;
  return typeof version === 'number' ? version : 1;
}
