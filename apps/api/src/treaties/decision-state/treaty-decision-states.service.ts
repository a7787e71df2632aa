import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, NO_STREAM, StreamNotFoundError, type EventStore, type NewEvent } from '@timeline/event-store';
import { treatyStreamName } from '@timeline/treaty';
import { APP_CONFIG, DEFAULT_DECISION_CACHE_SIZE, type AppConfig } from '../../config/app-config';
import { emptyDecisionState, withAppendedEvent, withEvent, type DecisionState } from './decision-state';
import { LeastRecentlyUsed } from './least-recently-used';

/**
 * The one way a writer gets a treaty's decision state, with the states of the busiest treaties kept in memory
 * (least recently used first out), each at the revision it was folded to.
 *
 * Two ways to ask (decision 0010):
 * - `known`: the state as this process last read it or left it with its own appends, with no lookup at all.
 *   Another process's writes are not in it, so it is only for a write whose append at that revision conflicts
 *   if the store moved on.
 * - `current`: the cached state brought up to date by reading only the events after its revision (from the
 *   leader): one indexed read that finds nothing unless another process (a replica, a CLI on the same file)
 *   wrote, so its cost does not grow with the treaty's history, and what a writer decides on — If-Match, rules,
 *   the events written under an Idempotency-Key — is what the store held a moment before, exactly as with a full
 *   read.
 */
@Injectable()
export class TreatyDecisionStates {
  private readonly states: LeastRecentlyUsed<string, KeptState>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.states = new LeastRecentlyUsed(config.decisionCacheSize ?? DEFAULT_DECISION_CACHE_SIZE);
  }

  /**
   * The state this process holds for the treaty, read or followed through its own appends, unless it knows the
   * store has moved past it (see `behind`).
   */
  known(treatyId: string): DecisionState | undefined {
    const kept = this.states.get(treatyId);
    return kept?.knownCurrent ? kept.decision : undefined;
  }

  /** The treaty's state as the leader holds it now: the cached one with the events after it, or a full read. */
  async current(treatyId: string): Promise<DecisionState> {
    const cached = this.states.get(treatyId)?.decision;
    if (!cached || cached.revision === NO_STREAM) return this.read(treatyId);
    let decision = cached;
    try {
      const after = { fromRevision: cached.revision + 1n, requiresLeader: true };
      for await (const event of this.store.readStream(treatyStreamName(treatyId), after)) {
        decision = withEvent(decision, event);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
      // The stream is gone (a store restored from an older backup): forget what it no longer holds.
      this.states.delete(treatyId);
      return this.read(treatyId);
    }
    this.remember(treatyId, decision);
    return decision;
  }

  /** The stream as the leader holds it now, folded, and kept for the next write. */
  async read(treatyId: string): Promise<DecisionState> {
    let decision = emptyDecisionState();
    try {
      for await (const event of this.store.readStream(treatyStreamName(treatyId), { requiresLeader: true })) {
        decision = withEvent(decision, event);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    this.remember(treatyId, decision);
    return decision;
  }

  /**
   * Keeps the state after this writer's own append of these events at the revisions after `decided`, as sealed:
   * events without an Idempotency-Key only (with one, the store may have answered another copy of the request).
   * Never replaces a newer state: appends may settle out of order.
   */
  appended(treatyId: string, decided: DecisionState, events: readonly NewEvent[]): void {
    const first = decided.revision === NO_STREAM ? 0n : decided.revision + 1n;
    let decision = decided;
    for (const [index, event] of events.entries()) decision = withAppendedEvent(decision, event, first + BigInt(index));
    this.remember(treatyId, decision);
  }

  /**
   * The store holds writes the kept state lacks: an append of this process's own that it did not follow (under
   * an Idempotency-Key), or another writer's that made an append conflict. The next write catches up first.
   */
  behind(treatyId: string): void {
    const kept = this.states.get(treatyId);
    if (kept) this.states.set(treatyId, { decision: kept.decision, knownCurrent: false });
  }

  /** Forgets the state decided on at this revision: the store has moved on (or may have). */
  forget(treatyId: string, revision: DecisionState['revision']): void {
    if (this.states.get(treatyId)?.decision.revision === revision) this.states.delete(treatyId);
  }

  private remember(treatyId: string, decision: DecisionState): void {
    // A treaty not registered yet is cheap to read, and most such reads are of ids that never will be.
    if (decision.revision === NO_STREAM) return;
    const cached = this.states.get(treatyId)?.decision;
    if (cached && cached.revision !== NO_STREAM && cached.revision > decision.revision) return;
    this.states.set(treatyId, { decision, knownCurrent: true });
  }
}

/** A kept state, and whether it may still be the store's (false once the store is known to have moved on). */
interface KeptState {
  readonly decision: DecisionState;
  readonly knownCurrent: boolean;
}
